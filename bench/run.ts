import { runAttackBench } from './attack.bench';
import { runCanvasBench } from './canvas.bench';
import { runEditorBench } from './editor.bench';
import { runEvidenceBench } from './evidence.bench';
import { runExportBench } from './export.bench';
import { runFirstLoadBench } from './firstload.bench';
import { runModelBench } from './model.bench';
import { runOpportunitiesBench } from './opportunities.bench';
import { runRelayBench } from './relay.bench';
import { runScaleoutBench } from './scaleout.bench';
import { runSpaceBench } from './space.bench';
import { runSpaceSyncBench } from './space-sync.bench';
import { runVersionsRelayBench } from './versions-relay.bench';
import { runVersionsBench } from './versions.bench';

/**
 * `npm run bench`: prints figures and their ratio to the targets; asserts nothing. Every bench by
 * default; name some to run only those: `BENCH=canvas npm run bench`, or
 * `node --import tsx bench/run.ts canvas editor` (after `npm run build`).
 */
const benches: [name: string, run: () => void | Promise<void>][] = [
  ['model', runModelBench],
  ['versions', runVersionsBench],
  ['opportunities', runOpportunitiesBench],
  ['firstload', runFirstLoadBench],
  ['editor', runEditorBench],
  ['evidence', runEvidenceBench],
  ['space', runSpaceBench],
  ['space-sync', runSpaceSyncBench],
  ['export', runExportBench],
  ['relay', runRelayBench],
  ['scaleout', runScaleoutBench],
  ['versions-relay', runVersionsRelayBench],
  ['attack', runAttackBench],
  ['canvas', runCanvasBench],
];

const wanted = [...process.argv.slice(2), ...(process.env.BENCH ?? '').split(/[\s,]+/)].filter(Boolean);
const unknown = wanted.filter((name) => !benches.some(([n]) => n === name));
if (unknown.length > 0) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Known: ${benches.map(([n]) => n).join(', ')}`);
  process.exit(1);
}

console.log('Waymark benchmarks — figures, targets and ratios (ratio < 1 is within target)');
for (const [name, run] of benches) {
  if (wanted.length === 0 || wanted.includes(name)) await run();
}
