import { strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { writeSpaceArchive } from '../../src/export/spaceArchive';
import { readJourney } from '../../src/model/doc';
import { addLibraryPersona, initSpaceIndex, putMapEntry, readSpaceIndex } from '../../src/model/space';
import { mapEntryFromJourney } from '../../src/model/space/entryFromJourney';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';
import { runWaymark } from '../support/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'waymark-space-cli-'));

function archive(name: string): { bytes: Uint8Array; cards: number; mapIds: string[] } {
  const index = new Y.Doc();
  initSpaceIndex(index, name);
  addLibraryPersona(index, { name: 'Mia' });
  addLibraryPersona(index, { name: 'Jonas' });
  const maps = [createMapFromTemplate('retail', 'en'), createMapFromTemplate('saas', 'en')];
  for (const doc of maps) putMapEntry(index, mapEntryFromJourney(readJourney(doc), { now: 1_700_000_000_000, by: 'Ana', thumbnail: '' }));
  const read = readSpaceIndex(index);
  const files = maps.map((doc) => toJSON(doc));
  return {
    bytes: writeSpaceArchive({ name: read.name, exportedAt: new Date(), index: read.maps, personas: read.personas, maps: files }),
    cards: files.reduce((n, f) => n + f.journey.cards.length, 0),
    mapIds: files.map((f) => f.journey.id),
  };
}

const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};

describe('waymark space validate', () => {
  it('prints what a good space export holds and exits 0', () => {
    const { bytes, cards } = archive('CX team Nord');
    const file = write('team.waymark-space.zip', bytes);
    const run = runWaymark(['space', 'validate', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`ok: space "CX team Nord"\nmaps: 2\ncards: ${cards}\npersonas: 2\n`);
    const de = runWaymark(['space', 'validate', file], { env: { LANG: 'de_DE.UTF-8' } });
    expect(de.stdout).toBe(`ok: Teamraum „CX team Nord“\nMaps: 2\nKarten: ${cards}\nPersonas: 2\n`);
  });

  it('prints each problem as file: path: reason on standard error and exits 1', () => {
    const { bytes, mapIds } = archive('Broken');
    const files = unzipSync(bytes);
    const name = `maps/${mapIds[1]}.waymark.json`;
    const map = JSON.parse(new TextDecoder().decode(files[name]));
    map.journey.cards[3].emotion = 9;
    files[name] = strToU8(JSON.stringify(map));
    files[`maps/${mapIds[0]}.waymark.json`] = strToU8('{ not json');
    const file = write('broken.waymark-space.zip', zipSync(files));
    const run = runWaymark(['space', 'validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escape(file)}: maps/${mapIds[0]}\\.waymark\\.json: is not valid JSON: `)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escape(file)}: maps/${mapIds[1]}\\.waymark\\.json: journey\\.cards\\[3\\]\\.emotion: `)));
  });

  it('refuses a path traversal name, a file that is no zip and a missing file with exit 1, and a wrong command line with exit 2', () => {
    const evil = write('evil.zip', zipSync({ '../escape.json': strToU8('{}'), 'space.json': strToU8('{}') }));
    const run = runWaymark(['space', 'validate', evil]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${evil}: "../escape.json": is not a plain relative path inside the archive (no "..", no leading "/", no drive, no backslash)\n`);
    const text = write('not.zip', strToU8('hello'));
    expect(runWaymark(['space', 'validate', text])).toMatchObject({ code: 1, stdout: '', stderr: `${text}: (file): is not a zip file\n` });
    expect(runWaymark(['space', 'validate', path.join(dir, 'nope.zip')])).toMatchObject({ code: 1, stderr: `${path.join(dir, 'nope.zip')}: cannot be read: ENOENT\n` });
    expect(runWaymark(['space', 'validate'])).toMatchObject({ code: 2, stderr: 'Name the space export to check (a .waymark-space.zip file).\n' });
    expect(runWaymark(['space', 'check', text]).code).toBe(2);
    expect(runWaymark(['--help']).stdout).toContain('waymark space validate <file.waymark-space.zip>');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
