#!/usr/bin/env node
/**
 * Makes this machine able to run every test, before `npm test` runs them.
 *
 * The suites drive a real Chromium (playwright-core, no bundled browser) and render exported PDFs
 * with poppler; the scale-out tests start their own Redis and PostgreSQL servers; none comes with Node. On a Debian/Ubuntu machine this installs what is missing
 * with apt-get (as root, or through passwordless sudo). Where it cannot, it names exactly what is
 * missing and how to get it, and fails before any test starts, so nothing is skipped silently.
 *
 * Each prerequisite is one row below: what the tests need, how to find it, which Debian package
 * provides it. Set CHROMIUM_PATH to use a browser elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const NODE_MIN = [20, 19];

/** @type {{ need: string, found: () => boolean, packages: string[] }[]} */
const PREREQUISITES = [
  {
    need: 'Chromium, for the end-to-end tests and PNG/PDF export tests',
    found: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
    packages: ['chromium', 'fonts-dejavu-core'],
  },
  {
    need: 'poppler (pdftoppm, pdfinfo), to render and inspect exported PDFs',
    found: () => onPath('pdftoppm') && onPath('pdfinfo'),
    packages: ['poppler-utils'],
  },
  {
    need: 'Redis (redis-server), for the tests of several relay processes (tests/support/redis.ts starts its own)',
    found: () => onPath('redis-server'),
    packages: ['redis-server'],
  },
  {
    need: 'PostgreSQL (initdb, postgres), for the PostgreSQL store tests (tests/support/postgres.ts starts its own)',
    found: () => postgresBin() !== null,
    packages: ['postgresql'],
  },
];

/** Debian keeps PostgreSQL's server programs off PATH, under /usr/lib/postgresql/<version>/bin. */
function postgresBin() {
  if (onPath('initdb') && onPath('postgres')) return '';
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  for (const version of readdirSync(base).sort().reverse()) {
    if (existsSync(`${base}/${version}/bin/initdb`) && existsSync(`${base}/${version}/bin/postgres`)) return `${base}/${version}/bin`;
  }
  return null;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function fail(lines) {
  console.error(['', 'The tests cannot run on this machine yet:', ...lines.map((l) => `  ${l}`), ''].join('\n'));
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NODE_MIN[0] || (major === NODE_MIN[0] && minor < NODE_MIN[1])) {
  fail([`Node ${NODE_MIN.join('.')} or newer is needed; this is ${process.versions.node}.`]);
}
if (!existsSync(new URL('../node_modules/.bin/vitest', import.meta.url))) {
  fail(['The dependencies are not installed: run `npm ci` first.']);
}

const missing = PREREQUISITES.filter((p) => !p.found());
if (missing.length > 0) {
  const packages = missing.flatMap((p) => p.packages);
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!onPath('apt-get') || (!isRoot && !sudo)) {
    fail([
      ...missing.map((p) => `missing: ${p.need}`),
      onPath('apt-get')
        ? `Install them as root: apt-get install -y ${packages.join(' ')}`
        : `This is not a Debian-like machine; install the equivalents of: ${packages.join(' ')}` +
          ' (or point CHROMIUM_PATH at a Chromium).',
    ]);
  }
  console.log(`Installing what the tests need: ${packages.join(' ')}`);
  const asRoot = (args) => (isRoot ? args : ['sudo', '-n', ...args]);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [asRoot(['apt-get', 'update', '-qq']), asRoot(['apt-get', 'install', '-y', '-qq', ...packages])]) {
    const run = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env });
    if (run.status !== 0) fail([`\`${args.join(' ')}\` failed (exit ${run.status}); install ${packages.join(' ')} by hand.`]);
  }
  const still = PREREQUISITES.filter((p) => !p.found());
  if (still.length > 0) fail(still.map((p) => `still missing after installing: ${p.need}`));
}
