import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_DEFAULTS, readConfig } from '../../server/config';

/**
 * A server setting is one entry in server/config.ts (ENV_DEFAULTS, ServerConfig, readConfig) and
 * one row in the README's tables; these tests keep the two in step, so an operator never meets a
 * variable the README does not name, or a README row the server ignores.
 */
const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
/** `| \`NAME\` | default | what it sets |` rows of the README's configuration tables */
const documented = new Map(
  [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)`\s*\|\s*([^|]*)\|/gm)].map((m) => [m[1]!, m[2]!.trim()]),
);

describe('server settings', () => {
  it('every environment variable the server reads is documented in the README, and every documented one is read', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(ENV_DEFAULTS).sort());
  });

  it('the README states the default the server really uses for every numeric setting', () => {
    for (const [key, value] of Object.entries(ENV_DEFAULTS)) {
      const stated = /^`(\d+)`/.exec(documented.get(key) ?? '')?.[1];
      if (/^\d+$/.test(value) && stated !== undefined) expect(`${key}=${stated}`).toBe(`${key}=${value}`);
    }
  });

  it('the defaults start a server as they are', () => {
    expect(() => readConfig({})).not.toThrow();
  });

  it('no server module reads the environment except through config.ts', () => {
    const offenders = readdirSync(path.join(root, 'server'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|mjs)$/.test(f) && f !== 'config.ts')
      .filter((f) => /process\.env\.|process\.env\[/.test(readFileSync(path.join(root, 'server', f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
