import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bigMap, primeAwareness, registerMap, sleep, writeRoom, type AttackArgs, type AttackName, type Figures } from '../tests/support/attacks';
import {
  AttackRunner,
  EditProbe,
  HARNESS_ROOT,
  HealthProbe,
  RssSampler,
  VICTIM_ADDRESS,
  crashLine,
  rssOf,
  scrapeMetrics,
  spawnServer,
  type LatencyStats,
  type ServerProcess,
} from '../tests/support/attackProbes';
import { staticDir } from '../tests/support/relay';

/**
 * The attack report: every attack of tests/support/attacks.ts against the relay of a checkout,
 * one line each, figures only.
 *
 *   node --import tsx bench/attacks-report.ts [--root <repo dir>] [--out <file>] [--only a1,d1]
 *        [--static <built app dir>] [--store memory|leveldb]
 *
 * For each attack the checkout's server is started afresh as a child process
 * (`node --import tsx server/index.ts`, PORT=0, LOG_LEVEL=info, STORE=memory unless told), a
 * legitimate pair of stock y-websocket clients edits a map of its own (the victim) and /healthz is
 * polled: first 3 s without the attack (the base), then while the attack runs (in a process of its
 * own, tests/support/attackRunner.ts) and a moment after. Each line: whether the server died
 * (exit code and the error), its RSS before / peak / after, /healthz p50/p99/max during (and p99
 * without), the victim's edit latency p99 during (and without), the event loop's longest delay
 * from /metrics when it answers without a token, then the attack's own figures. A dead server is
 * a result; the next attack gets a new one.
 *
 * The app (for the HTTP checks) is the checkout's dist/ if built, else built into a temporary
 * folder with the checkout's own Vite.
 */

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = path.resolve(option('root') ?? HARNESS_ROOT);
const only = option('only')?.split(',');
const outFile = option('out');
const store = option('store') ?? 'memory';

process.setMaxListeners(0);

const out: string[] = [];
function print(line: string): void {
  console.log(line);
  out.push(line);
  if (outFile) writeFileSync(outFile, `${out.join('\n')}\n`);
}

function builtApp(): string {
  const given = option('static');
  if (given) return path.resolve(given);
  if (existsSync(path.join(root, 'dist', 'index.html'))) return path.join(root, 'dist');
  const dir = mkdtempSync(path.join(tmpdir(), 'waymark-attack-app-'));
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status === 0 && existsSync(path.join(dir, 'index.html'))) return dir;
  console.error('could not build the app; the HTTP checks see a stand-in page');
  return staticDir();
}

interface Context {
  server: ServerProcess;
  port: number;
  runner: AttackRunner;
  /** whatever setup prepared for the attack */
  data: Record<string, unknown>;
  cleanup: Array<() => void>;
}

interface Scenario {
  key: string;
  title: string;
  env?: Record<string, string>;
  setup?: (ctx: Context) => Promise<void>;
  attack: (ctx: Context) => { name: AttackName; args: AttackArgs<AttackName> };
  /** added after the attack's figures */
  note?: (figures: Figures, ctx: Context) => string;
}

let mapCounter = 0;
const newId = (what: string) => `${what}-${Date.now().toString(36)}-${++mapCounter}`;
const BUDGET_MS = 1000; // UPDATE_CHECK_TIMEOUT_MS as the server is started (its default)

function attack<N extends AttackName>(name: N, args: AttackArgs<N>): { name: AttackName; args: AttackArgs<AttackName> } {
  return { name, args: args as AttackArgs<AttackName> };
}

/**
 * d: near-budget updates from `maps` of the attacker's own maps at once, one edit connection each.
 * With two, their checks and the relay's own integrations overlap.
 */
function nearBudget(key: string, maps: number): Scenario {
  return {
    key,
    title: `near-budget updates, ${maps} own map${maps > 1 ? 's' : ''} (edit), 20 s`,
    setup: async (ctx) => {
      const calibration = await ctx.runner.run('calibrateNearBudget', { budgetMs: BUDGET_MS, fraction: 0.8, plantedLength: 2500 }).result;
      ctx.data.calibration = calibration;
      const own = [];
      for (let i = 0; i < maps; i++) {
        const map = await registerMap(ctx.port, newId('near'));
        own.push({ room: map.id, editToken: map.editToken, viewToken: map.viewToken });
      }
      ctx.data.maps = own;
    },
    attack: (ctx) =>
      attack('nearBudgetUpdates', {
        port: ctx.port,
        maps: ctx.data.maps as Array<{ room: string; editToken: string; viewToken: string }>,
        count: (ctx.data.calibration as Figures).count!,
        plantedLength: 2500,
        budgetMs: BUDGET_MS,
        durationMs: 20_000,
      }),
    note: (_figures, ctx) => {
      const c = ctx.data.calibration as Figures;
      return `calibrated here: ${c.count} items, ${c.bytes} bytes, ${c.costMs!.toFixed(0)} ms = ${(100 * c.fractionOfBudget!).toFixed(0)} % of ${BUDGET_MS} ms`;
    },
  };
}

const scenarios: Scenario[] = [
  {
    key: 'a1',
    title: 'deep awareness, then query-awareness',
    setup: async (ctx) => {
      ctx.data.map = await registerMap(ctx.port, newId('deep'));
    },
    attack: (ctx) => {
      const map = ctx.data.map as { id: string; viewToken: string };
      return attack('deepAwareness', { port: ctx.port, room: map.id, token: map.viewToken, depth: 5000, followUp: 'query' });
    },
  },
  {
    key: 'a2',
    title: 'deep awareness, then a peer joins',
    setup: async (ctx) => {
      ctx.data.map = await registerMap(ctx.port, newId('deep'));
    },
    attack: (ctx) => {
      const map = ctx.data.map as { id: string; viewToken: string };
      return attack('deepAwareness', { port: ctx.port, room: map.id, token: map.viewToken, depth: 5000, followUp: 'join' });
    },
  },
  {
    key: 'b1',
    title: 'awareness id flood, null states, 1 view conn, 20 s',
    setup: async (ctx) => {
      ctx.data.map = await registerMap(ctx.port, newId('flood'));
    },
    attack: (ctx) => {
      const map = ctx.data.map as { id: string; viewToken: string };
      return attack('awarenessIdFlood', { port: ctx.port, room: map.id, token: map.viewToken, mode: 'null', durationMs: 20_000 });
    },
  },
  {
    key: 'b2',
    title: 'awareness id flood, small states, 1 view conn, 20 s',
    setup: async (ctx) => {
      ctx.data.map = await registerMap(ctx.port, newId('flood'));
    },
    attack: (ctx) => {
      const map = ctx.data.map as { id: string; viewToken: string };
      return attack('awarenessIdFlood', { port: ctx.port, room: map.id, token: map.viewToken, mode: 'small', durationMs: 20_000 });
    },
  },
  {
    key: 'c1',
    title: 'cheap requests on 4 unread view sockets, big map, 15 s',
    setup: async (ctx) => {
      const map = await registerMap(ctx.port, newId('big'));
      ctx.data.map = map;
      const update = bigMap(3000);
      ctx.data.roomBytes = await writeRoom({ port: ctx.port, room: map.id, token: map.ownerToken }, update);
      // a workshop's worth of presence (an attacker can add its own): what a query-awareness sends back
      const presence = await primeAwareness({ port: ctx.port, room: map.id, token: map.viewToken }, 300);
      ctx.data.awarenessBytes = presence.bytes;
      ctx.cleanup.push(presence.close);
    },
    attack: (ctx) => {
      const map = ctx.data.map as { id: string; viewToken: string };
      return attack('cheapRequestFlood', { port: ctx.port, room: map.id, token: map.viewToken, sockets: 4, kind: 'both', durationMs: 15_000 });
    },
    note: (figures, ctx) => `roomBytes=${ctx.data.roomBytes} awarenessBytes=${ctx.data.awarenessBytes} requestsPerSecond=${((figures.messages ?? 0) / 15).toFixed(0)}`,
  },
  nearBudget('d1', 1),
  nearBudget('d2', 2),
  {
    key: 'e1',
    title: 'workshop subversion: comment link, view link',
    setup: async (ctx) => {
      ctx.data.map = await registerMap(ctx.port, newId('workshop'));
    },
    attack: (ctx) => {
      const map = ctx.data.map as { id: string; ownerToken: string; commentToken: string; viewToken: string };
      return attack('workshopSubversion', { port: ctx.port, mapId: map.id, ownerToken: map.ownerToken, commentToken: map.commentToken, viewToken: map.viewToken });
    },
    note: (figures) => {
      const subversions = [
        'presenterSet',
        'timerStarted',
        'ownerCommentEdited',
        'ownerCommentDeleted',
        'commentAsOwner',
        'otherVotersDotDeleted',
        'inventedVoterDots',
        'openRoundRevealed',
        'followsSpoof',
      ];
      const reached = subversions.filter((s) => figures[s] === 1);
      return `SUCCEEDED ${reached.length}/${subversions.length}: ${reached.join(', ') || 'none'}`;
    },
  },
  {
    key: 'f1',
    title: 'anonymous registrations from one address, 5 s',
    attack: (ctx) => attack('registrationFlood', { port: ctx.port, durationMs: 5000, concurrency: 8 }),
  },
  {
    key: 'f2',
    title: 'bytes into one room (owner, 1 MiB updates, up to 100 MiB)',
    setup: async (ctx) => {
      ctx.data.map = await registerMap(ctx.port, newId('bytes'));
    },
    attack: (ctx) => {
      const map = ctx.data.map as { id: string; ownerToken: string };
      return attack('roomBytes', { port: ctx.port, room: map.id, token: map.ownerToken, maxBytes: 100 * 1024 * 1024, chunkBytes: 1024 * 1024, durationMs: 60_000 });
    },
  },
  {
    key: 'f3',
    title: 'WebSocket upgrades from one address (up to 2000)',
    setup: async (ctx) => {
      const targets = [];
      for (let i = 0; i < 5; i++) {
        // as many maps as the server lets one address register (at least one)
        const map = await registerMap(ctx.port, newId('sockets')).catch((error: unknown) => {
          if (i === 0) throw error;
          return null;
        });
        if (!map) break;
        targets.push({ room: map.id, token: map.viewToken }, { room: `${map.id}/feedback`, token: map.viewToken });
      }
      ctx.data.targets = targets;
    },
    attack: (ctx) => attack('socketCount', { port: ctx.port, targets: ctx.data.targets as Array<{ room: string; token: string }>, max: 2000, holdMs: 2000 }),
  },
  {
    key: 'f4',
    title: 'raw TCP sockets that never send (3000, watched 100 s)',
    attack: (ctx) => attack('silentTcp', { port: ctx.port, count: 3000, durationMs: 100_000 }),
  },
  {
    key: 'g1',
    title: 'HTTP: headers, assets, /metrics, POST existing id',
    setup: async (ctx) => {
      ctx.data.map = await registerMap(ctx.port, newId('http'));
    },
    attack: (ctx) => attack('httpChecks', { port: ctx.port, existingId: (ctx.data.map as { id: string }).id }),
  },
];

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes > 0 ? `${(bytes / MB).toFixed(0)}` : '-');
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const lat = (s: LatencyStats) => `${ms(s.p50)}/${ms(s.p99)}/${ms(s.max)} ms, ${s.over100} of ${s.count} over 100 ms${s.failed ? `, ${s.failed} failed` : ''}`;
const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const figuresText = (f: Figures) =>
  Object.entries(f)
    .map(([k, v]) => `${k}=${num(v)}`)
    .join(' ');

async function runScenario(scenario: Scenario, runner: AttackRunner, app: string): Promise<void> {
  const label = `${scenario.key} ${scenario.title}`.padEnd(56);
  let server: ServerProcess;
  try {
    server = await spawnServer(root, {
      STORE: store,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'waymark-attack-data-')),
      STATIC_DIR: app,
      UPDATE_CHECK_TIMEOUT_MS: String(BUDGET_MS),
      ...scenario.env,
    });
  } catch (error) {
    print(`${label} | server did not start: ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  const ctx: Context = { server, port: server.port, runner, data: {}, cleanup: [] };
  let probe: EditProbe | null = null;
  // a server that stops answering altogether must not hold up the report: it goes, and everything
  // waiting on it fails fast
  const watchdog = setTimeout(() => server.child.kill('SIGKILL'), 240_000);
  try {
    const victim = await registerMap(server.port, newId('victim'));
    probe = new EditProbe(server.port, victim.id, victim.editToken, victim.viewToken, 1);
    if (!(await probe.ready())) throw new Error('the victim clients did not sync');
    await scenario.setup?.(ctx);

    // the base: the same server, the same victim, no attack
    let health = new HealthProbe(server.port);
    probe.start();
    await sleep(3000);
    const baseHealth = await health.stop();
    const baseEdit = await probe.stop();

    await runner.start();
    await scrapeMetrics(server.port); // resets the event-loop delay histogram
    const rssBefore = rssOf(server.pid);
    const sampler = new RssSampler(server.pid);
    health = new HealthProbe(server.port);
    probe.start();
    const started = performance.now();
    const { name, args } = scenario.attack(ctx);
    let figures: Figures;
    let failure = '';
    try {
      figures = await runner.run(name, args).result;
    } catch (error) {
      figures = {};
      failure = ` | attack failed: ${(error as Error).message.split('\n')[0]}`;
    }
    const attackSeconds = (performance.now() - started) / 1000;
    await sleep(1500); // what the attack left behind
    const during = await health.stop();
    const edit = await probe.stop();
    const rssPeak = sampler.stop();
    const rssAfter = rssOf(server.pid);
    const metrics = server.exit ? null : await scrapeMetrics(server.port);
    const loopMax = metrics?.get('waymark_nodejs_eventloop_lag_max_seconds');
    const heap = metrics?.get('waymark_nodejs_heap_size_used_bytes');

    const exit = server.exit;
    const fate = exit
      ? `DIED exit ${exit.code ?? exit.signal} after ${((exit.at - started) / 1000).toFixed(1)} s (${crashLine(server.stderr()) || 'no error printed'})`
      : 'alive';
    print(
      `${label} | ${fate} | RSS ${mb(rssBefore)}/${mb(rssPeak)}/${exit ? 'dead' : mb(rssAfter)} MB` +
        `${heap ? ` heap ${mb(heap)} MB` : ''} | healthz ${lat(during)}${exit ? ' (refused once dead)' : ''} (base p99 ${ms(baseHealth.p99)})` +
        ` | victim edit p99/max ${ms(edit.p99)}/${ms(edit.max)} ms${edit.failed ? ` (${edit.failed} lost)` : ''} (base p99 ${ms(baseEdit.p99)})` +
        `${loopMax !== undefined ? ` | loop max ${ms(loopMax * 1000)} ms` : ''} | ${attackSeconds.toFixed(0)} s | ${figuresText(figures)}` +
        `${scenario.note ? ` | ${scenario.note(figures, ctx)}` : ''}${failure}`,
    );
  } catch (error) {
    const exit = server.exit;
    print(`${label} | setup failed: ${(error as Error).message.split('\n')[0]}${exit ? ` (server DIED exit ${exit.code ?? exit.signal}: ${crashLine(server.stderr())})` : ''}`);
  } finally {
    clearTimeout(watchdog);
    for (const cleanup of ctx.cleanup) cleanup();
    probe?.destroy();
    await server.stop();
  }
}

const app = builtApp();
const runner = new AttackRunner();
const head = `git -C ${root} rev-parse --short HEAD`;
const commit = spawnSync('sh', ['-c', head], { encoding: 'utf8' }).stdout.trim();
print(`Attack report: ${root} @ ${commit || '?'}, STORE=${store}, UPDATE_CHECK_TIMEOUT_MS=${BUDGET_MS}, node ${process.version}, ${new Date().toISOString()}`);
print(`Attackers connect from 127.0.0.1; the victim's clients and the /healthz poller from ${VICTIM_ADDRESS}; relays get METRICS_TOKEN for the scrapes`);
print('Per line: fate | server RSS before/peak/after (heap after, from /metrics) | /healthz p50/p99/max during, requests over 100 ms (base p99 without attack) | victim edit fan-out p99/max during (base p99) | event-loop max delay (/metrics) | attack seconds | attack figures');
for (const scenario of scenarios) {
  if (only && !only.includes(scenario.key)) continue;
  await runScenario(scenario, runner, app);
}
runner.close();
process.exit(0);
