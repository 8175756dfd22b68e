import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { journeyToDoc, readJourney } from '../src/model/doc';
import { detectMapping, feedbackDrafts, readFeedbackTable } from '../src/export/feedbackCsv';
import { EVIDENCE_DEFAULTS, type EvidenceItem } from '../src/model/evidence';
import { buildSuggestionIndex, suggestInChunks } from '../src/model/evidenceSuggest';
import { newId, newMapId } from '../src/model/ids';
import { ordersAfter } from '../src/model/order';
import { instantiateTemplate } from '../src/model/templates';
import type { Journey } from '../src/model/types';
import { startApp } from '../tests/e2e/support/app';
import { retailFeedbackCsv, retailFeedbackRows } from '../tests/support/feedbackFixture';
import { storeJourney } from '../tests/e2e/support/storedMap';
import { FIRST_CARD_PROBE, timeToFirstCard } from './editor.bench';
import { generateJourney } from './model.bench';
import { percentile, report } from './stats';

/**
 * Customer evidence (issue 18): a 10,000-row feedback file to the import dialog's first preview
 * (read, detect the columns, make the drafts; < 1 s), card suggestions for all 10,000 items over
 * the retail template in slices (< 2 s in all, no slice over 100 ms), and opening a map with
 * 2,000 evidence items against the same map without them in the built app (within 10 %).
 */
export async function runEvidenceBench(): Promise<void> {
  console.log('\n## Customer evidence: 10,000-row feedback file, suggestions, opening a map with evidence');
  const rows = 10_000;
  for (const locale of ['de', 'en'] as const) {
    const csv = retailFeedbackCsv(locale, rows);
    const journey = instantiateTemplate('retail', locale);
    const runs: number[] = [];
    // the first run is what a user's first import costs (cold); then the warm runs
    for (let round = 0; round < 6; round++) {
      const start = performance.now();
      const read = readFeedbackTable(csv);
      if (!read.ok) throw new Error('the generated feedback file did not read');
      const { drafts } = feedbackDrafts(read.table, detectMapping(read.table), journey);
      runs.push(performance.now() - start);
      if (drafts.length !== rows) throw new Error(`expected ${rows} drafts, got ${drafts.length}`);
    }
    report(`${rows.toLocaleString('en-US')} rows (${locale}) → first preview, cold`, runs[0]!, 1000, 'ms');
    report(`${rows.toLocaleString('en-US')} rows (${locale}) → first preview, warm p50`, percentile(runs.slice(1), 50), 1000, 'ms');
  }

  // suggestions for every item over the retail template, as the inbox works them out
  const journey = instantiateTemplate('retail', 'en');
  const read = readFeedbackTable(retailFeedbackCsv('en', rows));
  if (!read.ok) throw new Error('the generated feedback file did not read');
  const { drafts } = feedbackDrafts(read.table, detectMapping(read.table), journey);
  const items: EvidenceItem[] = drafts.map((draft, i) => ({ ...EVIDENCE_DEFAULTS, ...draft, id: `e${i}`, order: 'a0' }));
  for (const label of ['cold', 'warm']) {
    const slices: number[] = [];
    const start = performance.now();
    const index = buildSuggestionIndex(journey);
    const result = await suggestInChunks(items, index, { onSlice: (ms) => slices.push(ms) });
    const total = performance.now() - start;
    const withSuggestion = [...result.values()].filter((list) => list.length > 0).length;
    report(`suggestions for ${rows.toLocaleString('en-US')} items, total (${label})`, total, 2000, 'ms');
    report(`  longest slice, wall clock (${slices.length} slices)`, Math.max(...slices), 100, 'ms');
    console.log(`${'  slices, wall clock p50 / p95'.padEnd(46)} ${`${percentile(slices, 50).toFixed(1)} / ${percentile(slices, 95).toFixed(1)} ms`.padStart(12)}`);
    if (label === 'warm') console.log(`${'  items with a suggested card'.padEnd(46)} ${`${withSuggestion} / ${rows}`.padStart(12)}`);
  }

  // opening a map with 2,000 evidence items against the same map without them
  const base = generateJourney(30, 12, 2000);
  const feedback = retailFeedbackRows('en', 2000, 7);
  const orders = ordersAfter(null, feedback.length);
  const withEvidence: Journey = {
    ...base,
    id: newMapId(),
    // half on cards, half waiting in the inbox, as a map a team works through looks
    evidence: feedback.map((row, i) => ({
      ...EVIDENCE_DEFAULTS,
      id: newId(),
      text: row.text,
      source: 'support',
      reference: row.reference,
      date: row.date.slice(0, 10),
      cardId: i % 2 === 0 ? base.cards[(i * 7) % base.cards.length]!.id : null,
      order: orders[i]!,
    })),
  };
  // what the extra records cost the doc itself, in Node: decoding the stored update and reading the journey
  for (const [label, map] of [['no evidence', base], ['2,000 items', withEvidence]] as const) {
    const update = Y.encodeStateAsUpdate(journeyToDoc(map));
    const samples: number[] = [];
    for (let i = 0; i < 8; i++) {
      const start = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      readJourney(doc);
      if (i >= 3) samples.push(performance.now() - start);
      doc.destroy();
    }
    console.log(`${`  ${label}: Y.Doc decode + read (Node)`.padEnd(46)} ${`${percentile(samples, 50).toFixed(0)} ms`.padStart(12)}   ${(update.length / 1024).toFixed(0)} KiB stored`);
  }
  const app = await startApp();
  try {
    const { context, page } = await app.newPage();
    await page.goto(app.url('/'));
    await page.getByRole('button', { name: 'New map' }).first().waitFor();
    const plain = await storeJourney(page, base, '2,000 cards');
    const evidence = await storeJourney(page, withEvidence, '2,000 cards, 2,000 evidence items');
    await page.addInitScript(FIRST_CARD_PROBE);
    // warm the browser's caches on both, then alternate so drift hits both alike
    await timeToFirstCard(app, page, plain);
    await timeToFirstCard(app, page, evidence);
    const without: number[] = [];
    const withItems: number[] = [];
    for (let i = 0; i < 7; i++) {
      without.push(await timeToFirstCard(app, page, plain));
      withItems.push(await timeToFirstCard(app, page, evidence));
    }
    const a = percentile(without, 50);
    const b = percentile(withItems, 50);
    console.log(`${'2,000-card map, no evidence: first card p50'.padEnd(46)} ${`${a.toFixed(0)} ms`.padStart(12)}`);
    console.log(`${'same + 2,000 evidence items: first card p50'.padEnd(46)} ${`${b.toFixed(0)} ms`.padStart(12)}`);
    const ratio = b / a;
    console.log(`${'  ratio with / without (target ≤ 1.10)'.padEnd(46)} ${ratio.toFixed(3).padStart(12)}   ${ratio <= 1.1 ? 'ok' : 'OVER'}`);
    await context.close();
  } finally {
    await app.close();
  }
}

// `node --import tsx bench/evidence.bench.ts` runs this one alone
if (import.meta.url === `file://${process.argv[1]}`) await runEvidenceBench();
