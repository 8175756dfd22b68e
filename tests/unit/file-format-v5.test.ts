import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { journeyMaps, readJourney } from '../../src/model/doc';
import { LIMITS } from '../../src/model/limits';
import { addPersonaFromLibrary, setStageDetailMap, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { readComments } from '../../src/model/feedback';
import { readDots, readRounds } from '../../src/model/votes';
import { FORMAT_VERSION, fromJSON, MIGRATIONS, migrate, parseMapFile, serializeMap } from '../../src/schema';

/*
 * File format 5 (issue 16): a card's status, owner and detail map, a stage's detail map and a
 * persona's library link. A version 4 file — written by the Waymark before spaces, kept in
 * tests/fixtures/waymark-v4.json (the service template in German, with evidence, a confidence
 * mark, a comment and an ended vote round) — reads as it stands.
 */

const v4Text = readFileSync(path.resolve(__dirname, '../fixtures/waymark-v4.json'), 'utf8');
interface V4File {
  version: number;
  journey: { evidence: unknown[] } & Record<string, unknown>;
  feedback: { comments: unknown[]; rounds: unknown[]; dots: unknown[] };
}
const v4 = () => JSON.parse(v4Text) as V4File;

function imported(value: unknown) {
  const result = fromJSON(value);
  if (!result.ok) throw new Error(result.issues.map((i) => `${String(i.path)}: ${i.message}`).join('\n'));
  return result;
}

/** A v5 journey with what version 5 added taken out again: what a version 4 file said. */
function withoutV5(journey: Record<string, unknown>): Record<string, unknown> {
  const strip = (list: unknown, keys: string[]) => (list as Record<string, unknown>[]).map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => !keys.includes(k))));
  return { ...journey, cards: strip(journey.cards, ['status', 'owner', 'detailMapId']), stages: strip(journey.stages, ['detailMapId']), personas: strip(journey.personas, ['libraryId']) };
}

describe('a version 4 file', () => {
  it('is the fixture it claims to be: written before spaces, with evidence, a comment and a vote round', () => {
    const file = v4();
    expect(file.version).toBe(4);
    expect(JSON.stringify(file.journey)).not.toMatch(/"(status|owner|detailMapId|libraryId)"/);
    expect(file.journey.evidence.length).toBeGreaterThan(0);
    expect(file.feedback.comments).toHaveLength(1);
    expect(file.feedback.dots).toHaveLength(1);
  });

  it('opens with every card unset (no status, no owner, no detail map), no stage drilling down and no persona linked', () => {
    const { doc, feedback } = imported(v4());
    const journey = readJourney(doc);
    expect(journey.cards.length).toBeGreaterThan(20);
    for (const card of journey.cards) expect([card.status, card.owner, card.detailMapId]).toEqual([null, '', null]);
    for (const stage of journey.stages) expect(stage.detailMapId).toBeNull();
    expect(journey.personas.length).toBeGreaterThan(0);
    for (const persona of journey.personas) expect(persona.libraryId).toBeNull();
    // and nothing the version 4 file held is lost on the way
    expect(journey.cards.some((c) => c.confidence === 'observed')).toBe(true);
    expect(journey.evidence).toHaveLength(v4().journey.evidence.length);
    expect(readComments(feedback)).toHaveLength(1);
    expect(readRounds(feedback).map((r) => r.status)).toEqual(['closed']);
    expect(readDots(feedback)).toHaveLength(1);
  });

  it('exports as a version 5 file that says everything the version 4 file said, and that file round-trips byte for byte', () => {
    const { doc, feedback } = imported(v4());
    const text = serializeMap(doc, feedback);
    const file = JSON.parse(text);
    expect(file.version).toBe(5);
    expect(FORMAT_VERSION).toBe(5);
    expect(withoutV5(file.journey)).toEqual(v4().journey);
    expect(file.feedback).toEqual(v4().feedback);
    const again = imported(file);
    expect(serializeMap(again.doc, again.feedback)).toBe(text);
  });

  it('is brought to version 5 by renumbering alone', () => {
    const migrated = migrate(v4());
    if (!migrated.ok) throw new Error('did not migrate');
    expect(migrated.file).toEqual({ ...v4(), version: 5 });
    expect(MIGRATIONS[4]!({ a: 1 })).toEqual({ a: 1 });
  });
});

describe('a version 5 file', () => {
  function mapWithEverything() {
    const doc = createMapFromTemplate('retail', 'en', { createdAt: new Date('2026-06-01T00:00:00Z') });
    const journey = readJourney(doc);
    const pains = journey.lanes.find((l) => l.kind === 'pains')!;
    const pain = journey.cards.find((c) => c.laneId === pains.id)!;
    updateCard(doc, pain.id, { status: 'inProgress', owner: 'Dana (CX)', detailMapId: 'returns-detail-map' });
    setStageDetailMap(doc, journey.stages[1]!.id, 'checkout-detail_2');
    const linked = addPersonaFromLibrary(doc, { id: 'lib-anna', name: 'Anna', role: 'Regular', age: '34', quote: 'Just let me pay', goals: ['Pay fast'], frustrations: ['Queues'], color: '#0ea5e9' });
    return { doc, pain: pain.id, stage: journey.stages[1]!.id, linked };
  }

  it('carries status, owner and detail maps of cards, detail maps of stages and library links of personas, and reads them back', () => {
    const { doc, pain, stage, linked } = mapWithEverything();
    const text = serializeMap(doc);
    const file = JSON.parse(text);
    const card = file.journey.cards.find((c: { id: string }) => c.id === pain);
    expect(card).toMatchObject({ status: 'inProgress', owner: 'Dana (CX)', detailMapId: 'returns-detail-map' });
    expect(file.journey.stages.find((s: { id: string }) => s.id === stage).detailMapId).toBe('checkout-detail_2');
    expect(file.journey.personas.find((p: { id: string }) => p.id === linked)).toMatchObject({ name: 'Anna', libraryId: 'lib-anna' });
    const back = readJourney(imported(file).doc);
    expect(back).toEqual(readJourney(doc));
    expect(serializeMap(imported(file).doc)).toBe(text);
  });

  it('refuses a status it does not know, an owner over the limit and ids that cannot name a map or a library persona, naming each place', () => {
    const { doc, pain, stage, linked } = mapWithEverything();
    const file = JSON.parse(serializeMap(doc));
    const cardAt = file.journey.cards.findIndex((c: { id: string }) => c.id === pain);
    const stageAt = file.journey.stages.findIndex((s: { id: string }) => s.id === stage);
    const personaAt = file.journey.personas.findIndex((p: { id: string }) => p.id === linked);
    file.journey.cards[cardAt].status = 'urgent';
    file.journey.cards[cardAt].owner = 'x'.repeat(LIMITS.owner + 1);
    file.journey.cards[cardAt].detailMapId = '../../etc/passwd';
    file.journey.stages[stageAt].detailMapId = 'javascript:alert(1)';
    file.journey.personas[personaAt].libraryId = 'not an id';
    const result = fromJSON(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => String(i.path)).sort()).toEqual(
      [
        `journey.cards[${cardAt}].status`,
        `journey.cards[${cardAt}].owner`,
        `journey.cards[${cardAt}].detailMapId`,
        `journey.stages[${stageAt}].detailMapId`,
        `journey.personas[${personaAt}].libraryId`,
      ].sort(),
    );
  });

  it('is refused by a Waymark that reads only up to version 4, with a message to update', () => {
    const file = JSON.parse(serializeMap(mapWithEverything().doc));
    const result = migrate(file, MIGRATIONS, 4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/format version 5, written by a newer Waymark.*Update Waymark/);
  });
});

describe('what a peer wrote into the map doc', () => {
  it('reads as none when it cannot be a status, a map id or a library id, and an over-long owner is cut, so the map still exports and imports', () => {
    const doc = createMapFromTemplate('blank', 'en');
    const { cards, stages, personas } = journeyMaps(doc);
    const journey = readJourney(doc);
    const pains = journey.lanes.find((l) => l.kind === 'pains')!;
    doc.transact(() => {
      const card = new Y.Map<unknown>();
      card.set('stageId', journey.stages[0]!.id);
      card.set('laneId', pains.id);
      card.set('order', 'a0');
      card.set('title', 'hostile');
      card.set('status', 'urgent');
      card.set('owner', 'o'.repeat(5_000));
      card.set('detailMapId', '<script>');
      cards.set('hostile-card', card);
      stages.get(journey.stages[0]!.id)!.set('detailMapId', 42);
      const persona = new Y.Map<unknown>();
      persona.set('name', 'Peer');
      persona.set('color', '#123456');
      persona.set('order', 'a0');
      persona.set('libraryId', { id: 'lib' });
      personas.set('peer-persona', persona);
    });
    const read = readJourney(doc);
    const card = read.cards.find((c) => c.id === 'hostile-card')!;
    expect([card.status, card.owner.length, card.detailMapId]).toEqual([null, LIMITS.owner, null]);
    expect(read.stages[0]!.detailMapId).toBeNull();
    expect(read.personas.find((p) => p.id === 'peer-persona')!.libraryId).toBeNull();
    expect(parseMapFile(serializeMap(doc)).ok).toBe(true);
  });
});
