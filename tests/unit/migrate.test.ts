import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION, MIGRATIONS, migrate } from '../../src/schema';

describe('format migrations', () => {
  it('this build reads every version from 1 to the current one through the step table', () => {
    for (let v = 1; v < FORMAT_VERSION; v++) expect(MIGRATIONS[v], `missing migration ${v} → ${v + 1}`).toBeTypeOf('function');
  });

  it('brings an old file up one step at a time, in order', () => {
    const steps: string[] = [];
    const table = {
      1: (f: Record<string, unknown>) => (steps.push('1→2'), { ...f, renamed: f.old }),
      2: (f: Record<string, unknown>) => (steps.push('2→3'), { ...f, added: true }),
    };
    const result = migrate({ format: 'waymark', version: 1, old: 'x' }, table, 3);
    expect(steps).toEqual(['1→2', '2→3']);
    expect(result).toEqual({ ok: true, file: { format: 'waymark', version: 3, old: 'x', renamed: 'x', added: true } });
  });

  it('says which step is missing instead of guessing', () => {
    const result = migrate({ format: 'waymark', version: 1 }, {}, 2);
    expect(result).toEqual({ ok: false, issues: [{ path: 'version', message: expect.stringMatching(/no migration to version 2/) }] });
  });

  it('reports a step that fails rather than throwing', () => {
    const result = migrate({ format: 'waymark', version: 1 }, { 1: () => { throw new Error('boom'); } }, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/could not migrate from format version 1: boom/);
  });

  it('refuses a file from a newer version with a message that says so', () => {
    const result = migrate({ format: 'waymark', version: FORMAT_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/written by a newer Waymark/);
  });
});
