import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSpaceIndex, spaceIndexMaps } from '../../src/model/space/doc';
import { mapEmotion, mapEntryFromJourney } from '../../src/model/space/entryFromJourney';
import { putMapEntry } from '../../src/model/space/ops';
import type { SpaceMapEntry } from '../../src/model/space/types';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey } from '../../src/model/types';
import { detailMapsOfIndex, sameSummaries } from '../../src/store/detailMapChoices';
import { readTrail, TRAIL_LIMIT, trailAfterDrill, trailOnArrival, type DrillTrail } from '../../src/store/drillTrail';

/** The retail template with every card's emotion cleared, then the given scores set: [stage index, lane kind, score]. */
function scored(scores: [number, 'emotions' | 'pains', number][]): Journey {
  const journey = instantiateTemplate('retail', 'en');
  const cards = journey.cards.map((card) => ({ ...card, emotion: null as number | null }));
  for (const [stageAt, kind, score] of scores) {
    const stage = journey.stages[stageAt]!;
    const lane = journey.lanes.find((l) => l.kind === kind)!;
    cards.push({ ...cards[0]!, id: `c${cards.length}`, stageId: stage.id, laneId: lane.id, emotion: score });
  }
  return { ...journey, cards };
}

describe('how a detailed map feels, as its parent stage shows it', () => {
  it('is the mean of its stage scores, each stage counting once however many cards scored it', () => {
    // stage 0: three cards at −3 (the stage's score −3); stage 1: one card at +3
    const journey = scored([
      [0, 'emotions', -3],
      [0, 'emotions', -3],
      [0, 'emotions', -3],
      [1, 'emotions', 3],
    ]);
    expect(mapEmotion(journey)).toBe(0);
  });

  it('follows the emotion curve: a pain point’s own score is not how the stage felt', () => {
    const journey = scored([
      [0, 'emotions', 2],
      [1, 'emotions', 1],
      [1, 'pains', -3],
    ]);
    expect(mapEmotion(journey)).toBe(1.5);
  });

  it('is rounded to one decimal', () => {
    const journey = scored([
      [0, 'emotions', -1],
      [1, 'emotions', -1],
      [2, 'emotions', 1],
    ]);
    expect(mapEmotion(journey)).toBe(-0.3);
  });

  it('is null for a map whose feelings nobody scored, or that has no Feelings lane', () => {
    expect(mapEmotion(scored([]))).toBeNull();
    const journey = scored([[0, 'emotions', 2]]);
    expect(mapEmotion({ ...journey, lanes: journey.lanes.filter((l) => l.kind !== 'emotions') })).toBeNull();
  });

  it('leaves out a card a peer left in a stage deleted since', () => {
    const journey = scored([
      [0, 'emotions', 2],
      [1, 'emotions', -2],
    ]);
    expect(mapEmotion({ ...journey, stages: journey.stages.filter((_, i) => i !== 1) })).toBe(2);
  });

  it('goes into the map’s report to its space, and a colleague’s device reads the same figure', () => {
    const journey = scored([
      [0, 'emotions', -2],
      [1, 'emotions', -1],
    ]);
    const report = mapEntryFromJourney(journey, { now: 5, by: 'Ana', thumbnail: '' });
    expect(report.emotion).toBe(-1.5);
    const doc = new Y.Doc();
    putMapEntry(doc, { ...report, createdAt: 5 });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readSpaceIndex(other).maps[0]).toMatchObject({ id: journey.id, cardCount: journey.cards.length, emotion: -1.5 });
  });
});

describe('a map’s emotion in a space index a hostile member wrote', () => {
  function entryWith(emotion: unknown): SpaceMapEntry {
    const doc = new Y.Doc();
    const record = new Y.Map<unknown>();
    spaceIndexMaps(doc).maps.set('m1', record);
    record.set('title', 'Checkout');
    record.set('emotion', emotion);
    return readSpaceIndex(doc).maps[0]!;
  }

  it('reads a number past the scale as its end, and text, infinity or nothing as not scored', () => {
    expect(entryWith(99).emotion).toBe(3);
    expect(entryWith(-1e300).emotion).toBe(-3);
    expect(entryWith('-2').emotion).toBeNull();
    expect(entryWith(Number.NaN).emotion).toBeNull();
    expect(entryWith(Infinity).emotion).toBeNull();
    expect(entryWith({ valueOf: () => 1 }).emotion).toBeNull();
    expect(entryWith(undefined).emotion).toBeNull();
    expect(Object.is(entryWith(-0.01).emotion, 0)).toBe(true);
  });

  it('is written clamped, and a report that changes nothing writes nothing', () => {
    const doc = new Y.Doc();
    putMapEntry(doc, { id: 'm1', title: 'Checkout', emotion: 12.345 });
    expect((spaceIndexMaps(doc).maps.get('m1') as Y.Map<unknown>).get('emotion')).toBe(3);
    let updates = 0;
    doc.on('update', () => updates++);
    putMapEntry(doc, { id: 'm1', emotion: 3 });
    expect(updates).toBe(0);
    putMapEntry(doc, { id: 'm1', emotion: null });
    expect(readSpaceIndex(doc).maps[0]!.emotion).toBeNull();
  });
});

describe('the maps a stage may drill down to', () => {
  const entry = (id: string, title: string, extra: Partial<SpaceMapEntry> = {}): SpaceMapEntry => ({
    id,
    title,
    updatedAt: 0,
    updatedBy: '',
    createdAt: 0,
    thumbnail: '',
    personas: [],
    phases: [],
    tags: [],
    archived: false,
    stageCount: 3,
    cardCount: 9,
    emotion: null,
    ...extra,
  });

  it('are the space’s other maps that are not archived, by title as people read it', () => {
    const index = {
      maps: [
        entry('open-map', 'Overview'),
        entry('m10', 'Step 10'),
        entry('m2', 'step 2'),
        entry('old', 'Archived one', { archived: true }),
        entry('b', 'Returns'),
        entry('a', 'Returns'),
      ],
    };
    const { choices, summaries } = detailMapsOfIndex(index, 'open-map');
    expect(choices.map((c) => c.id)).toEqual(['a', 'b', 'm2', 'm10']);
    // a link to an archived map still shows its figures and opens it
    expect(summaries.get('old')).toMatchObject({ title: 'Archived one', archived: true, cardCount: 9 });
    expect(summaries.size).toBe(6);
  });

  it('keep the same figures table while nothing shown changed', () => {
    const a = detailMapsOfIndex({ maps: [entry('a', 'A', { emotion: -1 })] }, 'x').summaries;
    const b = detailMapsOfIndex({ maps: [entry('a', 'A', { emotion: -1, updatedAt: 99, thumbnail: '<svg/>' })] }, 'x').summaries;
    const c = detailMapsOfIndex({ maps: [entry('a', 'A', { emotion: -1.1 })] }, 'x').summaries;
    expect(sameSummaries(a, b)).toBe(true);
    expect(sameSummaries(a, c)).toBe(false);
  });
});

describe('the trail down a journey hierarchy', () => {
  const top = { id: 'overview', title: 'Customer overview' };
  const mid = { id: 'checkout', title: 'Checkout' };

  it('leads from the map drilled from to the map opened, level by level', () => {
    const one = trailAfterDrill(null, top, 'checkout');
    expect(one).toEqual({ at: 'checkout', parents: [top] });
    const two = trailAfterDrill(one, mid, 'payment');
    expect(two).toEqual({ at: 'payment', parents: [top, mid] });
  });

  it('starts afresh when the map drilled from was not reached by the trail', () => {
    const elsewhere: DrillTrail = { at: 'other', parents: [top] };
    expect(trailAfterDrill(elsewhere, mid, 'payment')).toEqual({ at: 'payment', parents: [mid] });
  });

  it('never grows around a loop: drilling into a map above cuts the trail there', () => {
    const down = trailAfterDrill(trailAfterDrill(null, top, 'checkout'), mid, 'payment');
    expect(trailAfterDrill(down, { id: 'payment', title: 'Payment' }, 'overview')).toEqual({ at: 'overview', parents: [] });
    expect(trailAfterDrill(down, { id: 'payment', title: 'Payment' }, 'checkout')).toEqual({ at: 'checkout', parents: [top] });
  });

  it(`keeps at most ${TRAIL_LIMIT} levels`, () => {
    let trail: DrillTrail | null = null;
    for (let i = 0; i < 40; i++) trail = trailAfterDrill(trail, { id: `m${i}`, title: `Map ${i}` }, `m${i + 1}`);
    expect(trail!.parents).toHaveLength(TRAIL_LIMIT);
    expect(trail!.parents.at(-1)!.id).toBe('m39');
  });

  it('applies to the map it leads to; going back up (the breadcrumb, or Back) cuts it; any other map shows none', () => {
    const trail: DrillTrail = { at: 'payment', parents: [top, mid] };
    expect(trailOnArrival(trail, 'payment')).toBe(trail);
    expect(trailOnArrival(trail, 'checkout')).toEqual({ at: 'checkout', parents: [top] });
    expect(trailOnArrival(trail, 'overview')).toEqual({ at: 'overview', parents: [] });
    expect(trailOnArrival(trail, 'somewhere-else')).toBeNull();
    expect(trailOnArrival(null, 'payment')).toBeNull();
  });

  it('reads back what it stored, and nothing from storage someone else wrote', () => {
    const trail: DrillTrail = { at: 'payment', parents: [top, mid] };
    expect(readTrail(JSON.stringify(trail))).toEqual(trail);
    expect(readTrail(null)).toBeNull();
    expect(readTrail('{not json')).toBeNull();
    expect(readTrail(JSON.stringify({ at: '../../etc', parents: [] }))).toBeNull();
    expect(readTrail(JSON.stringify({ at: 'payment', parents: [{ id: 'javascript:alert(1)', title: 'x' }] }))).toBeNull();
    expect(readTrail(JSON.stringify({ at: 'payment', parents: 'overview' }))).toBeNull();
    const long = readTrail(JSON.stringify({ at: 'payment', parents: [{ id: 'overview', title: 'T'.repeat(100_000) }, { id: 'checkout', title: 42 }] }))!;
    expect(long.parents[0]!.title.length).toBeLessThanOrEqual(200);
    expect(long.parents[1]!.title).toBe('');
  });
});
