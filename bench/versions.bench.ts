import * as Y from 'yjs';
import { journeyToDoc, readJourney } from '../src/model/doc';
import { diffJourneys, summarizeDiff } from '../src/model/journeyDiff';
import { deleteCard, restoreVersion, updateCard } from '../src/model/ops';
import { generateJourney } from './model.bench';
import { percentile, report, time } from './stats';

/**
 * Version history in the app, on a 5,000-card map: opening a version for preview (decode its
 * snapshot and read the journey), the diff between two versions with the summary, and a restore
 * (one transaction on the live doc). The relay's side (create, fetch, list) is in
 * versions-relay.bench.ts. Targets from issue 15: each < 200 ms at p95.
 */
export function runVersionsBench(): void {
  console.log('\n## Version history: 5,000-card map (preview, diff, restore)');
  const journey = generateJourney();
  const live = journeyToDoc(journey);
  const snapshot = Y.encodeStateAsUpdate(live);
  const rounds = 20;
  const open: number[] = [];
  const diff: number[] = [];
  const restore: number[] = [];
  // two rounds first to warm the JIT, as a tab that has the map open already is warm
  for (let round = -2; round < rounds; round++) {
    const keep = round >= 0;
    const opened = time(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, snapshot);
      readJourney(doc);
      doc.destroy();
    });
    if (keep) open.push(opened);
    // a week of work since the version: 250 cards retitled, 100 deleted
    const today = new Y.Doc();
    Y.applyUpdate(today, snapshot);
    const cards = journey.cards;
    for (let i = 0; i < 250; i++) updateCard(today, cards[(i * 17 + round + 2) % cards.length]!.id, { title: `Reworded after the workshop ${i}` });
    for (let i = 0; i < 100; i++) deleteCard(today, cards[(i * 41 + round + 9) % cards.length]!.id);
    const version = new Y.Doc();
    Y.applyUpdate(version, snapshot);
    const before = readJourney(version);
    const diffed = time(() => {
      const after = readJourney(today);
      summarizeDiff(diffJourneys(before, after), before, after);
    });
    const restored = time(() => restoreVersion(today, version));
    if (keep) {
      diff.push(diffed);
      restore.push(restored);
    }
    today.destroy();
    version.destroy();
  }
  report('open a version for preview, p50', percentile(open, 50), 200, 'ms');
  report('open a version for preview, p95', percentile(open, 95), 200, 'ms');
  report('diff two versions + summary, p50', percentile(diff, 50), 200, 'ms');
  report('diff two versions + summary, p95', percentile(diff, 95), 200, 'ms');
  report('restore a version (350 cards differ), p50', percentile(restore, 50), 200, 'ms');
  report('restore a version (350 cards differ), p95', percentile(restore, 95), 200, 'ms');
  live.destroy();
}
