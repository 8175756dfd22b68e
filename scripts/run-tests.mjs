#!/usr/bin/env node
/**
 * Runs every test: the browser suite and the rest side by side, as two vitest runs.
 *
 * Why two runs: vitest runs a project without file parallelism (the end-to-end project: one
 * Chromium at a time, see vitest.config.ts) as a group of its own *after* all other files, and on a
 * 2-core machine its default is one worker. The end-to-end files spend half their time waiting on
 * the browser and the relay, so run one after the other behind the rest they left a core idle for
 * ten minutes. Here the browser files still run one at a time, and the node files one at a time
 * next to them: two test files at once, never two browsers.
 *
 * Each run's lines are prefixed with its name; the exit code is non-zero when either failed.
 * Arguments (`npm test -- tests/unit/foo.test.ts`) go to one plain `vitest run`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
const args = process.argv.slice(2);

/** @param {string} name @param {string[]} extra @returns {Promise<number>} */
function run(name, extra) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...vitest, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // through a pipe vitest prints one line per file, which interleaves readably; colours only
      // when this run's own output is a terminal (vitest colours whenever FORCE_COLOR is set at all)
      env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : { ...process.env, NO_COLOR: '1' },
    });
    const prefix = name ? `[${name}] ` : '';
    for (const [stream, out] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ]) {
      createInterface({ input: stream }).on('line', (line) => out.write(prefix + line + '\n'));
    }
    // a signal (CI's time limit, Ctrl+C) ends both runs, and with them their relays and browsers
    const stop = (signal) => child.kill(signal);
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (args.length) process.exit(await run('', args));

const started = Date.now();
const [browser, rest] = await Promise.all([
  run('e2e', ['--project', 'e2e']),
  run('node', ['--project', 'unit', '--project', 'relay-postgres']),
]);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\nend-to-end: ${browser === 0 ? 'passed' : 'FAILED'} · unit, integration and relay-postgres: ${rest === 0 ? 'passed' : 'FAILED'} · ${minutes} min`);
process.exit(browser || rest);
