import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { defaultCard } from '../src/model/cardRecord';
import { journeyToDoc, readJourney } from '../src/model/doc';
import { OWNER } from '../tests/support/actors';
import { ordersAfter } from '../src/model/order';
import { filterRows, groupRows, lastRoundVotes, opportunityRows, sortRows, type OpportunityMapInput } from '../src/model/opportunities';
import { defaultPhase } from '../src/model/phases';
import { closeRound, placeDot, startRound } from '../src/model/votes';
import { DEFAULT_PHASE_IDS, OPPORTUNITY_STATUSES, type Card, type Journey, type LaneKind } from '../src/model/types';
import { percentile, report } from './stats';

const MAPS = 200;
const STAGES = 10;
const LANES: readonly LaneKind[] = ['actions', 'touchpoints', 'emotions', 'pains', 'opportunities'];
const PER_CELL = 2; // 10 stages × 5 lanes × 2 = 100 cards, 40 of them pains and opportunities

/** One map of a busy space: 100 cards, 40 on the board, three personas, statuses and owners on some. */
function spaceMap(m: number): Journey {
  const stageOrders = ordersAfter(null, STAGES);
  const laneOrders = ordersAfter(null, LANES.length);
  const stages = stageOrders.map((order, i) => ({
    id: `m${m}s${i}`,
    name: `Stage ${i + 1}`,
    phase: DEFAULT_PHASE_IDS[Math.min(2, Math.floor((i / STAGES) * 3))]!,
    order,
    color: null,
    description: '',
    detailMapId: null,
  }));
  const lanes = LANES.map((kind, i) => ({ id: `m${m}l${i}`, name: kind, kind, order: laneOrders[i]!, collapsed: false }));
  const personas = [0, 1, 2].map((p) => ({
    id: `m${m}p${p}`,
    name: ['Anna', 'Ben', 'Chris'][p]!,
    role: '',
    age: '',
    quote: '',
    goals: [],
    frustrations: [],
    color: '#7c3aed',
    order: `a${p}`,
    libraryId: p < 2 ? `lib${p}` : null,
  }));
  const cards: Card[] = [];
  const orders = ordersAfter(null, PER_CELL);
  let n = 0;
  for (const stage of stages) {
    for (const lane of lanes) {
      for (const order of orders) {
        n++;
        cards.push({
          ...defaultCard(),
          id: `m${m}c${n}`,
          stageId: stage.id,
          laneId: lane.id,
          order,
          title: `${lane.kind === 'pains' ? 'Customer waits for' : 'Offer'} delivery slot #${n} in map ${m}`,
          emotion: lane.kind === 'emotions' ? (n % 7) - 3 : null,
          tags: n % 5 === 0 ? ['checkout'] : [],
          personaIds: n % 3 === 0 ? [personas[n % 2]!.id] : [],
          status: n % 4 === 0 ? null : OPPORTUNITY_STATUSES[n % OPPORTUNITY_STATUSES.length]!,
          owner: n % 6 === 0 ? '' : ['Dana', 'Eli', 'Fay'][n % 3]!,
        });
      }
    }
  }
  return {
    id: `space-map-${m}`,
    title: `Journey ${m}`,
    description: '',
    locale: 'en',
    createdAt: '2026-01-01T00:00:00.000Z',
    phases: DEFAULT_PHASE_IDS.map((id) => defaultPhase(id, id)),
    stages,
    lanes,
    cards,
    personas,
    links: [],
    evidence: [],
  };
}

/** A feedback doc with one ended round of 5 voters × 5 dots on the map's board cards. */
function feedbackFor(journey: Journey): Y.Doc {
  const feedback = new Y.Doc();
  const at = (s: number) => new Date(Date.UTC(2026, 5, 1, 10, 0, s));
  const round = startRound(feedback, OWNER, { title: 'Top pains', votesPerPerson: 5, laneIds: [], anonymous: false, durationMs: null, startedBy: 'Dana', now: at(0) });
  const board = journey.cards.filter((c) => c.laneId.endsWith('l3'));
  for (let v = 0; v < 5; v++) {
    for (let d = 0; d < 5; d++) placeDot(feedback, OWNER, { roundId: round, cardId: board[(v * 7 + d * 3) % board.length]!.id, voterId: `voter-${v}`, voterName: `V${v}`, now: at(1 + v * 5 + d) });
  }
  closeRound(feedback, OWNER, round);
  return feedback;
}

/**
 * The opportunity board of a space of 200 maps × 100 cards (issue 16, target < 500 ms): the
 * rows from the maps as read (`opportunityRows`), and from the stored docs (read each map and
 * its last round's votes, then the rows) — what the board costs when it opens. Then a sort, a
 * filter and a grouping of all rows, what each keystroke or click on the board costs.
 */
export function runOpportunitiesBench(): void {
  console.log(`\n## Opportunity board: ${MAPS} maps × ${STAGES * LANES.length * PER_CELL} cards`);
  const journeys = Array.from({ length: MAPS }, (_, m) => spaceMap(m));
  const docs = journeys.map((j) => ({ doc: journeyToDoc(j), feedback: feedbackFor(j) }));
  const votes = docs.map((d) => lastRoundVotes(d.feedback));
  const inputs: OpportunityMapInput[] = journeys.map((journey, m) => ({ id: journey.id, title: journey.title, journey, votes: votes[m]! }));

  const fromJourneys: number[] = [];
  let rows: ReturnType<typeof opportunityRows> = [];
  // the first run is the board's first opening in a fresh process (cold); then the warm runs
  for (let run = 0; run < 8; run++) {
    const start = performance.now();
    rows = opportunityRows(inputs);
    fromJourneys.push(performance.now() - start);
  }
  const fromDocs: number[] = [];
  for (let run = 0; run < 4; run++) {
    const start = performance.now();
    const read = docs.map(({ doc, feedback }) => {
      const journey = readJourney(doc);
      return { id: journey.id, title: journey.title, journey, votes: lastRoundVotes(feedback) };
    });
    opportunityRows(read);
    fromDocs.push(performance.now() - start);
  }
  console.log(`${rows.length.toLocaleString('en-US')} rows (pain points and opportunities)`);
  report('rows from 200 read maps, first run', fromJourneys[0]!, 500, 'ms');
  report('rows from 200 read maps, p50', percentile(fromJourneys.slice(1), 50), 500, 'ms');
  report('200 map + feedback docs → rows, first run', fromDocs[0]!, 500, 'ms');
  report('200 map + feedback docs → rows, p50', percentile(fromDocs.slice(1), 50), 500, 'ms');

  const interactions: number[] = [];
  for (let run = 0; run < 8; run++) {
    const start = performance.now();
    const shown = filterRows(rows, { text: run % 2 ? 'delivery slot' : 'wait', statuses: [null, 'idea', 'planned'] });
    groupRows(sortRows(shown, run % 2 ? 'votes' : 'emotion', 'desc', 'en'), run % 2 ? 'persona' : 'stage');
    interactions.push(performance.now() - start);
  }
  report('filter + sort + group all rows, p50', percentile(interactions, 50), 100, 'ms');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runOpportunitiesBench();
