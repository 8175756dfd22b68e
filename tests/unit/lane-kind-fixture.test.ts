import * as Y from 'yjs';
import type { TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { runAction } from '../../src/actions/context';
import { journeyToCsv } from '../../src/export/csv';
import { importCsv, importFile } from '../../src/export/import';
import { renderJourneySvg } from '../../src/export/svg';
import { renderThumbnailSvg } from '../../src/export/thumbnail';
import { createI18n } from '../../src/i18n';
import { journeyToDoc, readJourney } from '../../src/model/doc';
import { laneKindDescriptor, laneKindFromWords } from '../../src/model/laneKindLookup';
import type { LaneKind, LaneKindDescriptor } from '../../src/model/laneKinds';
import { addCard, addLane } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { serializeMap } from '../../src/schema';
import { useEditor } from '../../src/store/editorStore';

/**
 * What adding a lane kind takes, shown on a kind the app does not have: the lane-kind table is
 * extended here (as a new kind's author extends src/model/laneKinds.ts), and every path that
 * carries lanes — the Y.Doc, JSON and CSV files, copy and paste, the exported picture — must
 * keep it without another file knowing its name.
 */
const RESEARCH = vi.hoisted(
  (): LaneKindDescriptor => ({
    labelKey: 'canvas.laneKinds.research',
    colors: { fill: '#ecfeff', border: '#67e8f9', accent: '#0891b2', ink: '#0e7490', tint: '#cffafe' },
    strip: true,
    dashed: false,
    corners: [8, 8, 8, 8],
    italic: false,
    chip: true,
    votable: true,
    icon: 'note',
    aliases: ['research', 'forschung', 'studie'],
    thumbnail: { pattern: 'research', fill: '#cffafe', mark: '#22d3ee' },
    blueprint: null,
    actor: false,
    tracksStatus: false,
  }),
);

vi.mock('../../src/model/laneKinds', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model/laneKinds')>();
  return {
    ...real,
    LANE_KINDS: [...real.LANE_KINDS, 'research'],
    LANE_KIND_DESCRIPTORS: { ...real.LANE_KIND_DESCRIPTORS, research: RESEARCH },
  };
});

const KIND = 'research' as LaneKind;

/** English, plus the new kind's name, as its two translations would give it. */
const en = createI18n('en').t;
const t = ((key: string, options?: Record<string, unknown>) => (key === RESEARCH.labelKey ? 'Research' : en(key, options))) as TFunction;

/** The retail map with a lane of the new kind holding two cards. */
function mapWithResearch() {
  const doc = createMapFromTemplate('retail', 'en');
  const laneId = addLane(doc, { name: 'Proof we have', kind: KIND, index: 1 });
  const stageId = readJourney(doc).stages[0]!.id;
  addCard(doc, { stageId, laneId, title: 'Receipt photo', body: 'from the till', channel: 'store', emotion: -1, tags: ['proof'] });
  addCard(doc, { stageId, laneId, title: 'Survey answer' });
  return { doc, laneId, stageId };
}

const researchLane = (journey: ReturnType<typeof readJourney>) => journey.lanes.find((l) => l.kind === KIND);
const cardsIn = (journey: ReturnType<typeof readJourney>, laneId: string) => journey.cards.filter((c) => c.laneId === laneId).map((c) => c.title);

describe('a lane kind added in a fixture', () => {
  it('is a kind the lookups know, with its aliases', () => {
    expect(laneKindDescriptor(KIND)).toBe(RESEARCH);
    expect(laneKindFromWords('Forschungsfragen')).toBe(KIND);
    expect(laneKindFromWords('research')).toBe(KIND);
  });

  it('survives the Y.Doc and a JSON export → import', () => {
    const { doc } = mapWithResearch();
    const lane = researchLane(readJourney(doc));
    expect(lane?.name).toBe('Proof we have');
    const result = importFile('map.waymark.json', serializeMap(doc));
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    const imported = readJourney(journeyToDoc(result.journey));
    const back = researchLane(imported)!;
    expect(back).toMatchObject({ name: 'Proof we have', kind: KIND });
    expect(cardsIn(imported, back.id)).toEqual(['Receipt photo', 'Survey answer']);
  });

  it('survives a CSV export → import', () => {
    const { doc } = mapWithResearch();
    const csv = journeyToCsv(readJourney(doc));
    expect(csv).toContain(',Proof we have,research,Receipt photo,');
    const result = importCsv(csv);
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    const back = researchLane(result.journey)!;
    expect(back.name).toBe('Proof we have');
    expect(result.journey.cards.filter((c) => c.laneId === back.id).map((c) => c.title)).toEqual(['Receipt photo', 'Survey answer']);
    expect(journeyToCsv(result.journey)).toBe(csv);
  });

  it('keeps a card of its lane through copy and paste', () => {
    const { doc, laneId } = mapWithResearch();
    const editor = useEditor.getState();
    editor.closeSession();
    editor.setClipboard(null);
    editor.openSession({ mapId: 'map-under-test', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
    const original = readJourney(doc).cards.find((c) => c.title === 'Receipt photo')!;
    useEditor.getState().selectCards([original.id], 'replace');
    expect(runAction('edit.copy', { t })).toBe(true);
    expect(runAction('edit.paste', { t })).toBe(true);
    const journey = readJourney(doc);
    const copy = journey.cards.find((c) => c.id === useEditor.getState().selectedCardIds[0])!;
    expect(copy.id).not.toBe(original.id);
    expect(copy.laneId).toBe(laneId);
    expect({ ...copy, id: '', order: '' }).toEqual({ ...original, id: '', order: '' });
    useEditor.getState().closeSession();
  });

  it('is drawn by the SVG renderer with its name, icon, chip and the descriptor’s colours', () => {
    const { doc } = mapWithResearch();
    const svg = renderJourneySvg(readJourney(doc), { t, date: new Date('2026-03-01T12:00:00Z') });
    expect(svg).toContain('Proof we have');
    expect(svg).toContain('RESEARCH'); // the kind under the lane's name
    expect(svg).toContain('>Research<'); // the chip on its cards
    expect(svg).toContain(`fill="${RESEARCH.colors.tint}"`); // behind the lane icon
    expect(svg).toContain(`fill="${RESEARCH.colors.fill}"`); // the cards
    expect(svg).toContain(`stroke="${RESEARCH.colors.border}"`);
    expect(svg).toContain(`fill="${RESEARCH.colors.accent}"`); // the strip
    expect(svg).toContain(`stroke="${RESEARCH.colors.ink}"`); // the icon
  });

  it('gets its own pattern in thumbnails', () => {
    const { doc } = mapWithResearch();
    const svg = renderThumbnailSvg(readJourney(doc));
    expect(svg).toContain('<pattern id="wm-research"');
    expect(svg).toContain(`fill="${RESEARCH.thumbnail.fill}"`);
  });
});
