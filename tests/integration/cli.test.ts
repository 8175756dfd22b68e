import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWaymark } from '../support/cli';
import { FORMAT_VERSION } from '../../src/schema';

const dir = mkdtempSync(path.join(tmpdir(), 'waymark-cli-'));

const waymark = runWaymark;

function writeTemp(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('waymark new', () => {
  it('writes a retail map in German to stdout, and that file validates', () => {
    const made = waymark(['new', '--template', 'retail', '--lang', 'de']);
    expect(made.code).toBe(0);
    const file = JSON.parse(made.stdout);
    expect(file).toMatchObject({ format: 'waymark', version: FORMAT_VERSION, journey: { locale: 'de' } });
    expect(file.journey.stages.map((s: { name: string }) => s.name)).toContain('Kauf');
    const checked = waymark(['validate', writeTemp('retail-de.json', made.stdout)]);
    expect(checked).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('makes every template, in English by default', () => {
    for (const template of ['retail', 'saas', 'service', 'hotel', 'blank']) {
      const made = waymark(['new', '--template', template]);
      expect(made.code).toBe(0);
      expect(JSON.parse(made.stdout).journey.locale).toBe('en');
    }
  });

  it('refuses an unknown template and says which exist', () => {
    const made = waymark(['new', '--template', 'bakery']);
    expect(made.code).toBe(2);
    expect(made.stderr).toMatch(/Unknown template "bakery".*retail, saas, service, hotel, blank/);
    expect(made.stdout).toBe('');
  });
});

describe('waymark validate', () => {
  it('prints each problem as path: reason and exits 1', () => {
    const file = JSON.parse(waymark(['new', '--template', 'saas']).stdout);
    file.journey.cards[3].emotion = 9;
    file.journey.cards[4].stageId = 'gone';
    const checked = waymark(['validate', writeTemp('broken.json', JSON.stringify(file))]);
    expect(checked.code).toBe(1);
    expect(checked.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^journey\.cards\[3\]\.emotion: must be between -3 and \+3$/),
      ]),
    );
    // reference checks run once the shape is right
    file.journey.cards[3].emotion = 1;
    const again = waymark(['validate', writeTemp('broken2.json', JSON.stringify(file))]);
    expect(again.stdout).toBe('journey.cards[4].stageId: refers to stage "gone", which does not exist\n');
  });

  it('exits 1 for a file that is not JSON', () => {
    const checked = waymark(['validate', writeTemp('notes.txt', 'Awareness, Consideration, Purchase')]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^\(file\): is not valid JSON/);
  });

  it('exits 1 for an empty file', () => {
    const checked = waymark(['validate', writeTemp('empty.json', '')]);
    expect(checked).toMatchObject({ code: 1, stdout: '(file): is empty\n' });
  });

  it('exits 1 for an oversized file without reading it', () => {
    const checked = waymark(['validate', writeTemp('huge.json', 'x'.repeat(40 * 1024 * 1024))]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^\(file\): is too large \(40\.0 MiB\)/);
  });

  it('exits 1 for a file that does not exist', () => {
    const checked = waymark(['validate', path.join(dir, 'nope.json')]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/nope\.json: cannot be read: ENOENT/);
  });

  it('reads standard input when the file is "-"', () => {
    const made = waymark(['new', '--template', 'service']).stdout;
    expect(waymark(['validate', '-'], { input: made })).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('speaks German when the terminal does', () => {
    const checked = waymark(['validate'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/Nennen Sie die zu prüfende Datei/);
  });
});
