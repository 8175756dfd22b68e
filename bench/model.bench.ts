import * as Y from 'yjs';
import { defaultCard } from '../src/model/cardRecord';
import { journeyToDoc, readJourney } from '../src/model/doc';
import { newId, newMapId } from '../src/model/ids';
import { addCard, deleteCard, moveCard } from '../src/model/ops';
import { ordersAfter } from '../src/model/order';
import { defaultPhase } from '../src/model/phases';
import { CHANNELS, DEFAULT_PHASE_IDS, LANE_KINDS, type Card, type Journey } from '../src/model/types';
import { fromJSON, serializeMap } from '../src/schema';
import { percentile, report, time } from './stats';

/** A big but realistic map: 30 stages × 12 lanes, 5,000 cards with titles, bodies and tags. */
export function generateJourney(stageCount = 30, laneCount = 12, cardCount = 5000): Journey {
  const stageOrders = ordersAfter(null, stageCount);
  const laneOrders = ordersAfter(null, laneCount);
  const stages = stageOrders.map((order, i) => ({
    id: newId(),
    name: `Stage ${i + 1}`,
    phase: DEFAULT_PHASE_IDS[Math.min(2, Math.floor((i / stageCount) * 3))]!,
    order,
    color: null,
    description: '',
    detailMapId: null,
  }));
  const lanes = laneOrders.map((order, i) => ({
    id: newId(),
    name: `Lane ${i + 1}`,
    kind: LANE_KINDS[i % LANE_KINDS.length]!,
    order,
    collapsed: false,
  }));
  const cellOrders = new Map<string, string | null>();
  const cards: Card[] = [];
  for (let i = 0; i < cardCount; i++) {
    const stage = stages[i % stageCount]!;
    const lane = lanes[Math.floor(i / stageCount) % laneCount]!;
    const cell = `${stage.id}/${lane.id}`;
    const order = ordersAfter(cellOrders.get(cell) ?? null, 1)[0]!;
    cellOrders.set(cell, order);
    cards.push({
      ...defaultCard(),
      id: newId(),
      stageId: stage.id,
      laneId: lane.id,
      order,
      title: `Customer compares delivery options #${i}`,
      body: i % 3 === 0 ? 'Checks whether next-day delivery is free above the threshold.' : '',
      channel: lane.kind === 'touchpoints' ? CHANNELS[i % CHANNELS.length]! : null,
      emotion: lane.kind === 'emotions' ? (i % 7) - 3 : null,
      personaIds: [],
      tags: i % 5 === 0 ? ['checkout'] : [],
      color: null,
      momentOfTruth: i % 97 === 0,
      votes: 0,
    });
  }
  return {
    id: newMapId(),
    title: 'Benchmark journey',
    description: '',
    locale: 'en',
    createdAt: new Date().toISOString(),
    phases: DEFAULT_PHASE_IDS.map((id) => defaultPhase(id, id)),
    stages,
    lanes,
    cards,
    personas: [],
    // one link for every tenth card, as in a well-annotated map
    links: cards.filter((_, i) => i % 10 === 0).map((c, i) => ({ id: newId(), fromCardId: c.id, toCardId: cards[(i * 10 + 31) % cards.length]!.id, label: 'leads to' })),
    evidence: [],
  };
}

export function runModelBench(): void {
  console.log('\n## Journey model: 5,000 cards, 30 stages × 12 lanes, 500 links');
  const journey = generateJourney();
  const doc = journeyToDoc(journey);
  const cells = journey.stages.flatMap((s) => journey.lanes.map((l) => ({ stageId: s.id, laneId: l.id })));
  const rounds = 2000;
  const pick = (i: number) => cells[(i * 7919) % cells.length]!;

  const created: string[] = [];
  const createTimes: number[] = [];
  for (let i = 0; i < rounds; i++) createTimes.push(time(() => void created.push(addCard(doc, { ...pick(i), title: `New card ${i}`, index: i % 4 })!)));
  const moveTimes: number[] = [];
  const ids = journey.cards.map((c) => c.id);
  for (let i = 0; i < rounds; i++) moveTimes.push(time(() => void moveCard(doc, ids[(i * 31) % ids.length]!, { ...pick(i + 13), index: i % 5 })));
  const deleteTimes: number[] = [];
  for (const id of created) deleteTimes.push(time(() => void deleteCard(doc, id)));

  for (const [name, samples] of [['create a card', createTimes], ['move a card', moveTimes], ['delete a card', deleteTimes]] as const) {
    report(`${name}, p50`, percentile(samples, 50), 1, 'ms');
    report(`${name}, p95`, percentile(samples, 95), 1, 'ms');
  }

  const fresh = journeyToDoc(journey);
  const roundTrips: number[] = [];
  let text = '';
  for (let i = 0; i < 5; i++) {
    roundTrips.push(
      time(() => {
        text = serializeMap(fresh);
        const back = fromJSON(JSON.parse(text));
        if (!back.ok) throw new Error('benchmark map did not import');
      }),
    );
  }
  report('toJSON + fromJSON (serialise, parse, validate), median', percentile(roundTrips, 50), 300, 'ms');
  console.log(`${'  map file size'.padEnd(46)} ${(text.length / 1024).toFixed(0).padStart(9)} KiB`);

  const bytes = Y.encodeStateAsUpdate(fresh).byteLength;
  report('encoded Y.Doc per card (fresh map)', bytes / journey.cards.length, 300, 'bytes');
  const edited = Y.encodeStateAsUpdate(doc).byteLength;
  report('encoded Y.Doc per card (after 6,000 edits)', edited / readJourney(doc).cards.length, 300, 'bytes');
}
