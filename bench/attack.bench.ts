import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bigMap, registerMap, sleep, writeRoom, type BigMap, type Figures } from '../tests/support/attacks';
import { AttackRunner, EditProbe, HARNESS_ROOT, HealthProbe, RssSampler, spawnServer, type LatencyStats } from '../tests/support/attackProbes';
import { staticDir } from '../tests/support/relay';
import { fmt } from './stats';

/**
 * The relay under its cheapest attacks, from anonymous holders of a view link:
 * - c: sockets that never read, sending one-byte query-awareness and four-byte sync step 1
 *   requests at 95 messages per second, under the relay's rate limit; each step 1 is answered
 *   with the whole room (the retail template plus 3,000 cards, 1.2 MB, written by its owner first);
 * - b: connections announcing fresh awareness client ids (state null) at 95 messages of 64 KiB
 *   per second.
 * With 0, 1, 4 and 16 attacking connections (in a process of their own), it measures /healthz
 * latency (a fresh connection every 25 ms) and a legitimate edit's fan-out latency (one writer,
 * four receivers, stock y-websocket clients, one change at a time) over 5 s, and prints each p99
 * with its ratio to the figure without attackers (target ≤ 1.5). Each load gets a fresh relay, as
 * production runs it: a child process `node --import tsx server/index.ts` (STORE=memory) of this
 * checkout, or of ATTACK_BENCH_ROOT when set. Asserts nothing. About a minute and a half.
 */

interface Phase {
  kind: 'none' | 'c' | 'b';
  attackers: number;
}

const PHASES: Phase[] = [
  { kind: 'none', attackers: 0 },
  { kind: 'c', attackers: 1 },
  { kind: 'c', attackers: 4 },
  { kind: 'c', attackers: 16 },
  { kind: 'b', attackers: 1 },
  { kind: 'b', attackers: 4 },
  { kind: 'b', attackers: 16 },
];

const RAMP_MS = 1000;
const MEASURE_MS = 5000;
const RECEIVERS = 4;
const TARGET_RATIO = 1.5;

/** ATTACK_BENCH_DEBUG=1: each step of each phase on stderr */
const debug = process.env.ATTACK_BENCH_DEBUG ? (what: string) => console.error(`${new Date().toISOString().slice(11, 23)} ${what}`) : () => {};

const KIND_LABEL = { none: 'no attacker', c: 'unread query/step-1 flood', b: 'awareness id flood' } as const;

interface PhaseResult {
  health: LatencyStats;
  fanout: LatencyStats;
  rssPeak: number;
  died: string | null;
  attack: Figures;
}

/** the checkout whose relay is measured: this one, or ATTACK_BENCH_ROOT (another worktree, say) */
const ROOT = process.env.ATTACK_BENCH_ROOT ? path.resolve(process.env.ATTACK_BENCH_ROOT) : HARNESS_ROOT;

async function runPhase(phase: Phase, runner: AttackRunner, map: BigMap, app: string): Promise<PhaseResult> {
  const server = await spawnServer(ROOT, { STORE: 'memory', STATIC_DIR: app, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-attack-bench-')) });
  const { port } = server;
  debug(`${phase.kind}×${phase.attackers}: relay ${server.pid} on ${port}`);
  let probe: EditProbe | null = null;
  // a relay that no longer answers must not hold up the bench: it goes, and every probe fails fast
  const watchdog = setTimeout(() => server.child.kill('SIGKILL'), 90_000);
  try {
    const big = await registerMap(port, 'bench-big');
    await writeRoom({ port, room: big.id, token: big.ownerToken }, map);
    debug('map written');
    const victim = await registerMap(port, 'bench-victim');
    probe = new EditProbe(port, victim.id, victim.editToken, victim.viewToken, RECEIVERS);
    if (!(await probe.ready())) throw new Error('the legitimate clients did not sync');
    debug('legitimate clients synced');
    const sampler = new RssSampler(server.pid);
    const durationMs = RAMP_MS + MEASURE_MS + 500;
    const target = { port, room: big.id, token: big.viewToken, durationMs };
    const running =
      phase.kind === 'c'
        ? runner.run('cheapRequestFlood', { ...target, sockets: phase.attackers, kind: 'both' }, 60_000)
        : phase.kind === 'b'
          ? runner.run('awarenessIdFlood', { ...target, connections: phase.attackers, mode: 'null' }, 60_000)
          : null;
    await sleep(RAMP_MS);
    const health = new HealthProbe(port);
    probe.start();
    await sleep(MEASURE_MS);
    debug('measured');
    const result = { health: await health.stop(), fanout: await probe.stop() };
    debug('probes stopped');
    running?.stop();
    const attack = (await running?.result.catch(() => ({}))) ?? {};
    debug('attack stopped');
    const exit = server.exit;
    return { ...result, rssPeak: sampler.stop(), died: exit ? `exit ${exit.code ?? exit.signal}` : null, attack };
  } finally {
    clearTimeout(watchdog);
    probe?.destroy();
    await server.stop();
    debug('relay stopped');
  }
}

function line(what: string, value: number, base: number | null): void {
  if (base === null) {
    console.log(`${what.padEnd(46)} ${fmt(value).padStart(12)}`);
    return;
  }
  const ratio = value / Math.max(base, 0.001);
  console.log(`${what.padEnd(46)} ${fmt(value).padStart(12)}   target ≤ ${TARGET_RATIO} × ${fmt(base).padEnd(9)} ratio ${ratio.toFixed(2)} ${ratio <= TARGET_RATIO ? 'ok' : 'OVER'}`);
}

export async function runAttackBench(): Promise<void> {
  process.setMaxListeners(0); // one 'exit' listener per provider
  console.log(
    `\nAttack benchmark: /healthz and a legitimate edit's fan-out (1 writer → ${RECEIVERS}) p99 over ${MEASURE_MS / 1000} s while view-link attackers run;` +
      ` ratio to the figure without attackers (target ≤ ${TARGET_RATIO})`,
  );
  const map = bigMap(3000);
  const app = staticDir();
  const runner = new AttackRunner();
  await runner.start();
  let base: PhaseResult | null = null;
  try {
    for (const phase of PHASES) {
      const label = phase.attackers ? `${phase.attackers} × ${KIND_LABEL[phase.kind]}` : KIND_LABEL.none;
      let result: PhaseResult;
      try {
        result = await runPhase(phase, runner, map, app);
      } catch (error) {
        console.log(`  ${label}: could not run (${(error as Error).message.split('\n')[0]})`);
        continue;
      }
      base ??= result;
      line(`/healthz p99, ${label}`, result.health.p99, phase.attackers ? base.health.p99 : null);
      line(`fan-out p99, ${label}`, result.fanout.p99, phase.attackers ? base.fanout.p99 : null);
      const failed = result.health.failed + result.fanout.failed;
      const sent = result.attack.messages ?? 0;
      console.log(
        `${''.padEnd(4)}(relay RSS peak ${(result.rssPeak / 1024 / 1024).toFixed(0)} MB` +
          `${phase.attackers ? `, attackers sent ${sent} messages over ${result.attack.connections ?? 0} connections` : ''}` +
          `${failed ? `, ${failed} probes failed` : ''}${result.died ? `, relay DIED (${result.died})` : ''})`,
      );
    }
  } finally {
    runner.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runAttackBench();
  process.exit(0);
}
