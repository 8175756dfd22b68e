import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/ARCHITECTURE.md names files, folders and symbols for its recipes. When code moves, a
 * recipe that points at a file that is gone misleads the next person; this keeps every path it
 * names real, and every `symbol` it attributes to a file present in that file.
 */
const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');

describe('docs/ARCHITECTURE.md', () => {
  it('names only files and folders that exist', () => {
    const paths = [...new Set([...doc.matchAll(/`((?:src|server|tests|bench|scripts|docs)\/[A-Za-z0-9_./<>-]*?)`/g)].map((m) => m[1]!))]
      .filter((p) => !p.includes('<'))
      .map((p) => p.replace(/\/$/, ''));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it('finds each symbol it places in a file in that file', () => {
    // "`SYMBOL` in `path`" and "`SYMBOL` (`path`" pairs
    const pairs = [...doc.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`(?: in| \()\s*`((?:src|server|tests)\/[^`]+)`/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.length).toBeGreaterThan(8);
    const missing = pairs.filter(([symbol, file]) => !readFileSync(path.join(root, file), 'utf8').includes(symbol));
    expect(missing).toEqual([]);
  });

  it('is linked from the README', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('docs/ARCHITECTURE.md');
  });
});
