import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { newMapId } from '../src/model/ids';
import { readSpaceIndex } from '../src/model/space/doc';
import { mapEntryFromJourney } from '../src/model/space/entryFromJourney';
import { putMapEntry } from '../src/model/space/ops';
import { personaJourneys } from '../src/model/space/personaJourneys';
import { buildSpaceSearch, searchSpace, updateSpaceSearch, type SearchableMap } from '../src/model/space/search';
import { instantiateTemplate } from '../src/model/templates';
import type { Journey, Locale } from '../src/model/types';
import { percentile, report } from './stats';

/**
 * Team spaces (issue 16), the model's part: a space of 200 maps × 100 cards made from the four
 * content templates in English and German (their own card texts, mixed between maps so no two
 * maps are alike). Search across the space as someone types (target < 100 ms per keystroke),
 * building the search, redoing one map after a colleague's edit, reading the index of 200 maps
 * and a persona's journeys across the space. Prints figures; asserts nothing.
 */

const MAPS = 200;
const CARDS = 100;

export function generateSpace(): { id: string; title: string; journey: Journey }[] {
  const combos = (['retail', 'saas', 'service', 'hotel'] as const).flatMap((key) => (['en', 'de'] as Locale[]).map((locale) => instantiateTemplate(key, locale)));
  const maps: { id: string; title: string; journey: Journey }[] = [];
  for (let m = 0; m < MAPS; m++) {
    const template = combos[m % combos.length]!;
    const other = combos[(m * 3 + 1) % combos.length]!;
    const cards = Array.from({ length: CARDS }, (_, c) => {
      const card = template.cards[c % template.cards.length]!;
      const mixed = other.cards[(c * 7 + m) % other.cards.length]!;
      return { ...card, id: `m${m}c${c}`, body: c % 2 === 0 ? card.body : `${card.body} ${mixed.body}`.trim(), tags: c % 5 === 0 ? [...card.tags, `q${m % 4}`] : card.tags };
    });
    const id = newMapId();
    const title = `${template.title} ${m + 1}`;
    maps.push({ id, title, journey: { ...template, id, title, cards } });
  }
  return maps;
}

/** Every prefix of each query, as the search box sees it while someone types. */
const TYPED = ['lieferung verzög', 'refund hotline', 'Überweisung', 'checkout', 'kunden warten', 'ueberweisung', 'zz no such word', 'e'];

export function runSpaceBench(): void {
  console.log(`\n## Team spaces: ${MAPS} maps × ${CARDS} cards`);
  const maps = generateSpace();

  let start = performance.now();
  const index = buildSpaceSearch(maps);
  report('search index, built from all maps (cold)', performance.now() - start, 1000, 'ms');

  const keystrokes: number[] = [];
  let hits = 0;
  for (let round = 0; round < 3; round++) {
    for (const query of TYPED) {
      for (let n = 1; n <= query.length; n++) {
        const typed = query.slice(0, n);
        const t = performance.now();
        hits += searchSpace(index, typed, 50).length;
        keystrokes.push(performance.now() - t);
      }
    }
  }
  report('search per keystroke, p50', percentile(keystrokes, 50), 100, 'ms');
  report('search per keystroke, p95', percentile(keystrokes, 95), 100, 'ms');
  report('search per keystroke, max', Math.max(...keystrokes), 100, 'ms');
  console.log(`${'  keystrokes timed / hits returned'.padEnd(46)} ${`${keystrokes.length} / ${hits}`.padStart(12)}`);

  // a colleague edits one card of one map: the search redoes that map only
  const updates: number[] = [];
  for (let i = 0; i < 50; i++) {
    const map = maps[(i * 37) % maps.length]!;
    const cards = map.journey.cards.map((c, k) => (k === i % CARDS ? { ...c, title: `${c.title} (${i})` } : c));
    const t = performance.now();
    updateSpaceSearch(index, { ...map, journey: { ...map.journey, cards } } satisfies SearchableMap);
    updates.push(performance.now() - t);
  }
  report('search: one map redone after an edit, p50', percentile(updates, 50), 16, 'ms');

  // the space index itself: every map reported once, then read as the library shows it
  const doc = new Y.Doc();
  start = performance.now();
  maps.forEach((map, i) => putMapEntry(doc, mapEntryFromJourney(map.journey, { now: 1_700_000_000_000 + i, by: 'Ana', thumbnail: '' })));
  report(`index: ${MAPS} maps reported`, performance.now() - start, 500, 'ms');
  const reads: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    readSpaceIndex(doc);
    reads.push(performance.now() - t);
  }
  report(`index: read with ${MAPS} maps, p50`, percentile(reads, 50), 16, 'ms');
  console.log(`${'  index document size'.padEnd(46)} ${`${(Y.encodeStateAsUpdate(doc).length / 1024).toFixed(0)} KiB`.padStart(12)}`);
  const again = Y.encodeStateAsUpdate(doc).length;
  maps.forEach((map, i) => putMapEntry(doc, mapEntryFromJourney(map.journey, { now: 1_700_000_000_000 + i, by: 'Ana', thumbnail: '' })));
  console.log(`${'  growth when every map is reported again'.padEnd(46)} ${`${Y.encodeStateAsUpdate(doc).length - again} bytes`.padStart(12)}`);

  const name = maps[0]!.journey.personas[0]!.name;
  const runs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    personaJourneys(name, maps);
    runs.push(performance.now() - t);
  }
  report(`persona page: "${name}" across ${MAPS} maps, p50`, percentile(runs, 50), 100, 'ms');
}

// `node --import tsx bench/space.bench.ts` runs this one alone
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) runSpaceBench();
