import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOjf } from '../../src/export/importOjf';
import { emotionToScore, journeyToOjf, journeyToOjfText } from '../../src/export/ojf/fromJourney';
import { scoreToEmotion } from '../../src/export/ojf/toJourney';
import { defaultCard } from '../../src/model/cardRecord';
import { journeyToDoc, readJourney } from '../../src/model/doc';
import { createMapFromTemplate, instantiateTemplate, TEMPLATE_KEYS } from '../../src/model/templates';
import { EMOTION_MAX, EMOTION_MIN, SUPPORTED_LOCALES, type Journey } from '../../src/model/types';
import { applyRandomOp, randomOp } from '../support/randomOps';

/* OpenJourney both ways: a file through Waymark and back keeps its nodes; a map through OpenJourney and back keeps what OpenJourney can carry. */

const dir = path.resolve(__dirname, '../fixtures/ojf');
const FIXTURES = readdirSync(dir).filter((f) => f.endsWith('.ojf'));

type Json = Record<string, any>;

function toJourney(text: string): Journey {
  const result = importOjf(text, { title: 'From a file' });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  // as the library stores it: into a doc and read back
  return readJourney(journeyToDoc(result.journey));
}

const nameOf = (list: Json[], id: unknown) => list.find((x) => String(x.id) === String(id))?.name;
const listOf = (value: unknown): unknown[] => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]);
/** an entry's words, whichever shape it had: text, or the tool's objects */
const entryWords = (entry: unknown) => (typeof entry === 'string' ? [entry] : [entry as Json].flatMap((e) => [e.item ?? e.action ?? e.description ?? '', e.actor ?? e.system ?? '', e.type ?? ''].filter((w) => w !== '')));

describe('OpenJourney → Waymark → OpenJourney', () => {
  it.each(FIXTURES)('keeps every node of %s: title, description, score, stage, lane and the rest of its fields', (name) => {
    const original = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Json;
    const back = JSON.parse(journeyToOjfText(toJourney(JSON.stringify(original)))) as Json;
    expect(back.version).toBe('1.0');
    expect(back.metadata.version).toBe('1.1.0');
    expect(back.title).toBe(original.title ?? original.metadata?.title ?? 'From a file');
    expect(back.pointOfView).toBe(original.pointOfView ?? original.metadata?.pov);
    expect(back.metadata.pov).toBe(back.pointOfView);
    const persona = original.persona ?? original.metadata?.persona;
    expect(back.persona).toBe(typeof persona === 'string' ? persona : persona.name);
    // every stage and swimlane, in order (the blueprint lanes the import made come along)
    expect(back.stages.map((s: Json) => s.name)).toEqual(original.stages.map((s: Json) => s.name));
    for (const stage of original.stages) for (const key of Object.keys(stage)) if (key !== 'id') expect(back.stages.find((s: Json) => s.name === stage.name)[key]).toEqual(stage[key]);
    const lanes = back.swimlanes.map((l: Json) => l.name);
    expect(lanes.filter((l: string) => original.swimlanes.some((o: Json) => o.name === l))).toEqual(original.swimlanes.map((l: Json) => l.name));

    expect(back.nodes.filter((n: Json) => original.nodes.some((o: Json) => o.title === n.title))).toHaveLength(original.nodes.length);
    for (const node of original.nodes as Json[]) {
      const again = back.nodes.find((n: Json) => n.title === node.title);
      expect(again, node.title).toBeDefined();
      expect(again.description).toBe(node.description ?? '');
      expect(again.score).toBe(node.score === undefined ? null : typeof node.score === 'string' ? Number(node.score) : node.score);
      expect(nameOf(back.stages, again.stageId)).toBe(nameOf(original.stages, node.stageId));
      expect(nameOf(back.swimlanes, again.swimlaneId)).toBe(nameOf(original.swimlanes, node.swimlaneId));
      if (node.id !== undefined) expect(again.id).toBe(node.id);
      for (const key of ['severity', 'sentiment', 'purpose', 'icon', 'iconColor', 'mood'] as const) if (node[key] !== undefined) expect(again[key], `${node.title} ${key}`).toEqual(node[key]);
      expect(again.isMomentOfTruth).toBe(node.isMomentOfTruth === true);
      expect(again.tags).toEqual(node.tags ?? []);
      // each blueprint entry under the same node and part, in the tool's shape
      for (const key of ['evidence', 'onstage', 'backstage', 'support']) {
        const words = listOf(node.blueprint?.[key]).map(entryWords);
        expect(again.blueprint[key].map(entryWords), `${node.title} ${key}`).toEqual(words);
      }
    }
  });

  it.each(FIXTURES)('writes %s the same way a second time (export of the export’s import)', (name) => {
    const once = journeyToOjf(toJourney(readFileSync(path.join(dir, name), 'utf8')));
    const twice = journeyToOjf(toJourney(JSON.stringify(once)));
    expect(withoutCardIds(twice)).toEqual(withoutCardIds(once));
  });
});

/** A file without the card ids a Waymark export records (each import makes new ones). */
function withoutCardIds(file: Json): Json {
  return JSON.parse(JSON.stringify(file), function (key, value) {
    if (key === 'waymark' && value && typeof value === 'object' && !Array.isArray(value)) {
      const { id: _id, links: _links, personas: _personas, ...rest } = value;
      if (rest.derived) rest.derived = { ...rest.derived, id: rest.derived.id === undefined ? undefined : 'card id' };
      return rest;
    }
    if (key === 'nodes' && Array.isArray(value)) return value.map((n: Json) => (n.waymark?.derived?.id !== undefined ? { ...n, id: 'card id' } : n));
    return value;
  });
}

/** A journey with ids and order keys replaced by places: what a map must keep through a file. */
function canonical(journey: Journey) {
  const stageAt = new Map(journey.stages.map((s, i) => [s.id, i]));
  const laneAt = new Map(journey.lanes.map((l, i) => [l.id, i]));
  const personaAt = new Map(journey.personas.map((p, i) => [p.id, i]));
  const cards = [...journey.cards].sort((a, b) => stageAt.get(a.stageId)! - stageAt.get(b.stageId)! || laneAt.get(a.laneId)! - laneAt.get(b.laneId)! || (a.order < b.order ? -1 : 1));
  const cardAt = new Map(cards.map((c, i) => [c.id, i]));
  return {
    title: journey.title,
    description: journey.description,
    locale: journey.locale,
    phases: journey.phases,
    stages: journey.stages.map(({ id: _id, order: _order, ...s }) => s),
    lanes: journey.lanes.map(({ id: _id, order: _order, ...l }) => l),
    personas: journey.personas.map(({ id: _id, ...p }) => p),
    cards: cards.map(({ id: _id, order: _order, ...c }) => ({ ...c, stageId: stageAt.get(c.stageId), laneId: laneAt.get(c.laneId), personaIds: c.personaIds.map((p) => personaAt.get(p)) })),
    links: journey.links.map((l) => [cardAt.get(l.fromCardId), cardAt.get(l.toCardId), l.label] as const).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0)),
    evidence: journey.evidence.map(({ id: _id, ...e }) => ({ ...e, cardId: e.cardId === null ? null : cardAt.get(e.cardId), stageId: e.stageId === null ? null : stageAt.get(e.stageId) })),
  };
}

describe('Waymark → OpenJourney → Waymark', () => {
  for (const key of TEMPLATE_KEYS) {
    for (const locale of SUPPORTED_LOCALES) {
      it(`keeps the ${key} template in ${locale}`, () => {
        const journey = readJourney(journeyToDoc(instantiateTemplate(key, locale)));
        expect(canonical(toJourney(journeyToOjfText(journey)))).toEqual(canonical(journey));
      });
    }
  }

  it('keeps 150 random maps (pinned seed)', () => {
    fc.assert(
      fc.property(fc.array(randomOp, { minLength: 5, maxLength: 80 }), (ops) => {
        const doc = createMapFromTemplate('blank', 'de');
        for (const op of ops) applyRandomOp(doc, op);
        const journey = readJourney(doc);
        const text = journeyToOjfText(journey);
        // what the reference tool's import needs: stages, swimlanes, unique node ids, references that resolve
        const file = JSON.parse(text) as Json;
        const ids = file.nodes.map((n: Json) => String(n.id));
        expect(new Set(ids).size).toBe(ids.length);
        for (const node of file.nodes) {
          expect(file.stages.some((s: Json) => s.id === node.stageId)).toBe(true);
          expect(file.swimlanes.some((l: Json) => l.id === node.swimlaneId)).toBe(true);
        }
        expect(canonical(toJourney(text))).toEqual(canonical(journey));
      }),
      { seed: 1414, numRuns: 150 },
    );
  });

  it('writes a blueprint step linked to the customer action it serves into that node’s blueprint, in the tool’s shapes', () => {
    const result = importOjf(readFileSync(path.join(dir, 'hotel-check-in-blueprint.ojf'), 'utf8'));
    if (!result.ok) throw new Error('did not import');
    const file = journeyToOjf(result.journey) as Json;
    const node = file.nodes.find((n: Json) => n.title === 'Walks in from the street');
    const strip = (entries: Json[]) => entries.map(({ waymark: _w, ...e }) => e);
    expect(strip(node.blueprint.evidence)).toEqual([
      { item: 'Lit sign at the night entrance', type: 'Physical' },
      { item: 'Door bell with camera', type: 'Physical' },
    ]);
    expect(strip(node.blueprint.onstage)).toEqual([{ actor: 'Night porter', action: 'Opens the door and greets the guest by name' }]);
    expect(strip(node.blueprint.backstage)).toEqual([{ actor: 'Night porter', action: 'Checks the arrivals list for late guests' }]);
    expect(strip(node.blueprint.support)).toEqual([{ system: 'Door intercom', description: 'Rings at the night desk' }]);
    // blueprint cards nested under their node are no nodes of their own; the lanes are still there
    expect(file.nodes).toHaveLength(4);
    expect(file.swimlanes.map((l: Json) => l.name)).toContain('Support processes');
  });

  it('writes a blueprint card linked to nothing as a node in its lane’s swimlane, with its actor kept', () => {
    const journey = instantiateTemplate('blank', 'en');
    const doc = journeyToDoc(journey);
    const j = readJourney(doc);
    const lane = { id: 'backstageLane', name: 'Backstage', kind: 'backstage' as const, order: 'z0', collapsed: false };
    const card: Journey['cards'][number] = { ...defaultCard(), id: 'lonelyCard', laneId: lane.id, stageId: j.stages[0]!.id, order: 'a0', title: 'Restocks the minibar', actor: 'Housekeeping', body: '' };
    const withLane: Journey = { ...j, lanes: [...j.lanes, lane], cards: [card] };
    const file = journeyToOjf(withLane) as Json;
    const node = file.nodes.find((n: Json) => n.title === 'Restocks the minibar');
    expect(file.swimlanes.find((l: Json) => l.id === node.swimlaneId).name).toBe('Backstage');
    const back = toJourney(JSON.stringify(file));
    expect(back.cards.find((c) => c.title === 'Restocks the minibar')!.actor).toBe('Housekeeping');
  });

  it('maps every emotion to a score the import maps back to it, and keeps a score from the file while the emotion agrees', () => {
    for (let e = EMOTION_MIN; e <= EMOTION_MAX; e++) expect(scoreToEmotion(emotionToScore(e))).toBe(e);
    expect([-3, -2, -1, 0, 1, 2, 3].map(emotionToScore)).toEqual([-5, -3, -2, 0, 2, 3, 5]);
    const result = importOjf(JSON.stringify({ stages: [{ id: 's', name: 'S' }], swimlanes: [{ id: 'l', name: 'Feelings' }], nodes: [{ stageId: 's', swimlaneId: 'l', title: 'Glad', score: 4 }] }));
    if (!result.ok) throw new Error('did not import');
    expect(result.journey.cards[0]!.emotion).toBe(2);
    expect((journeyToOjf(result.journey) as Json).nodes[0].score).toBe(4);
    // the emotion changed in Waymark: the file's score no longer says it
    const changed = { ...result.journey, cards: [{ ...result.journey.cards[0]!, emotion: -1 }] };
    const node = (journeyToOjf(changed) as Json).nodes[0];
    expect(node.score).toBe(-2);
    expect(node.tags).toEqual([]);
  });
});
