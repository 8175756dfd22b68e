import { describe, expect, it } from 'vitest';
import { laneIcon } from '../../src/canvas/icons';
import { importCsv } from '../../src/export/import';
import { journeyToCsv } from '../../src/export/csv';
import { laneKindFromName } from '../../src/export/importOjf';
import { createI18n } from '../../src/i18n';
import { laneKindDescriptor, votableLaneKinds } from '../../src/model/laneKindLookup';
import { LANE_KIND_DESCRIPTORS, LANE_KINDS, type LaneKind } from '../../src/model/laneKinds';
import { instantiateTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { SUPPORTED_LOCALES, type Journey } from '../../src/model/types';

/** A one-card map whose only lane has the given name (and, for CSV, the given lane-kind cell). */
function csvWithLaneKind(cell: string): string {
  const csv = journeyToCsv(oneCard('notes'));
  return csv.replace(',Lane,notes,', `,Lane,"${cell}",`);
}

function oneCard(kind: LaneKind): Journey {
  return {
    id: 'm',
    title: 'Map',
    description: '',
    locale: 'en',
    createdAt: '2026-01-01T00:00:00.000Z',
    phases: [],
    stages: [{ id: 's', name: 'Stage', phase: 'purchase', order: 'a0', color: null, description: '', detailMapId: null }],
    lanes: [{ id: 'l', name: 'Lane', kind, order: 'a0', collapsed: false }],
    cards: [
      { id: 'c', stageId: 's', laneId: 'l', order: 'a0', title: 'Card', body: '', channel: null, emotion: null, personaIds: [], tags: [], color: null, momentOfTruth: false, votes: 0, image: null, actor: '', confidence: null, status: null, owner: '', detailMapId: null },
    ],
    personas: [],
    links: [],
    evidence: [],
  };
}

describe('the lane-kind descriptors', () => {
  it('describe every kind, and only kinds there are', () => {
    expect(Object.keys(LANE_KIND_DESCRIPTORS).sort()).toEqual([...LANE_KINDS].sort());
  });

  it('give each kind its own colours, and the kinds that stand out their own fill and accent', () => {
    const palettes = LANE_KINDS.map((k) => JSON.stringify(laneKindDescriptor(k).colors));
    expect(new Set(palettes).size).toBe(LANE_KINDS.length);
    for (const kind of LANE_KINDS) {
      for (const color of Object.values(laneKindDescriptor(kind).colors)) expect(color).toMatch(/^#[0-9a-f]{6}$/);
    }
    // chips and strips name a kind by colour too: those kinds must not share an accent
    const loud = LANE_KINDS.filter((k) => laneKindDescriptor(k).chip || laneKindDescriptor(k).strip);
    expect(new Set(loud.map((k) => laneKindDescriptor(k).colors.accent)).size).toBe(loud.length);
  });

  it('give kinds that share a thumbnail pattern the same tint', () => {
    const byPattern = new Map<string, string>();
    for (const kind of LANE_KINDS) {
      const { pattern, fill, mark } = laneKindDescriptor(kind).thumbnail;
      const tint = `${fill}/${mark}`;
      expect(byPattern.get(pattern) ?? tint).toBe(tint);
      byPattern.set(pattern, tint);
    }
  });

  it('name every kind in English and German, and give it an icon on the canvas', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const { t } = createI18n(locale);
      for (const kind of LANE_KINDS) {
        const key = laneKindDescriptor(kind).labelKey;
        expect(t(key), `${locale} ${key}`).not.toBe(key);
      }
    }
    for (const kind of LANE_KINDS) expect(laneIcon(kind)).toBeTruthy();
  });

  it('tick pains and opportunities for a new vote round', () => {
    expect([...votableLaneKinds()].sort()).toEqual(['opportunities', 'pains']);
  });
});

describe('lane-kind aliases through the importers', () => {
  it('every alias, the kind id and its English and German names map back to the kind (OpenJourney swimlanes)', () => {
    for (const kind of LANE_KINDS) {
      for (const alias of [kind, ...laneKindDescriptor(kind).aliases]) expect(laneKindFromName(alias), alias).toBe(kind);
      for (const locale of SUPPORTED_LOCALES) {
        const name = createI18n(locale).t(laneKindDescriptor(kind).labelKey);
        expect(laneKindFromName(name), `${locale} "${name}"`).toBe(kind);
      }
    }
  });

  it('every template lane is named so an OpenJourney import finds its kind again', () => {
    for (const key of TEMPLATE_KEYS) {
      for (const locale of SUPPORTED_LOCALES) {
        for (const lane of instantiateTemplate(key, locale).lanes) expect(laneKindFromName(lane.name), `${key}/${locale} "${lane.name}"`).toBe(lane.kind);
      }
    }
  });

  it("a CSV's lane-kind column takes the kind id or any alias, and writes the id back", () => {
    for (const kind of LANE_KINDS) {
      for (const alias of [kind, ...laneKindDescriptor(kind).aliases, kind.toUpperCase()]) {
        const result = importCsv(csvWithLaneKind(alias));
        if (!result.ok) throw new Error(`${alias}: ${result.issues.map((i) => i.message).join('; ')}`);
        expect(result.journey.lanes[0]!.kind, alias).toBe(kind);
        expect(journeyToCsv(result.journey)).toContain(`,Lane,${kind},`);
      }
    }
  });

  it('a CSV lane kind that names no kind is refused, naming the kinds there are', () => {
    const result = importCsv(csvWithLaneKind('wobble'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toContain(LANE_KINDS.join(', '));
  });
});
