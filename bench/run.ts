import { runAttackBench } from './attack.bench';
import { runEditorBench } from './editor.bench';
import { runEvidenceBench } from './evidence.bench';
import { runExportBench } from './export.bench';
import { runFirstLoadBench } from './firstload.bench';
import { runModelBench } from './model.bench';
import { runOpportunitiesBench } from './opportunities.bench';
import { runRelayBench } from './relay.bench';
import { runSpaceBench } from './space.bench';
import { runSpaceSyncBench } from './space-sync.bench';
import { runVersionsRelayBench } from './versions-relay.bench';
import { runVersionsBench } from './versions.bench';

/** `npm run bench`: prints figures and their ratio to the targets; asserts nothing. */
console.log('Waymark benchmarks — figures, targets and ratios (ratio < 1 is within target)');
runModelBench();
runVersionsBench();
runOpportunitiesBench();
await runFirstLoadBench();
await runEditorBench();
await runEvidenceBench();
runSpaceBench();
await runSpaceSyncBench();
await runExportBench();
await runRelayBench();
await runVersionsRelayBench();
await runAttackBench();
