import { strToU8, zipSync, type Zippable } from 'fflate';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { archiveSummary, mapEntryName, readSpaceArchive, remapJourney, SPACE_ARCHIVE_LIMITS, writeSpaceArchive, type SpaceArchiveInput } from '../../src/export/spaceArchive';
import { crc32, isSafeEntryName, readZip } from '../../src/export/zip';
import { readJourney } from '../../src/model/doc';
import { imageKey, setCardImage, type CardImage } from '../../src/model/images';
import { addPersonaFromLibrary } from '../../src/model/ops/libraryPersonas';
import { setStageDetailMap } from '../../src/model/ops/drillDown';
import { addLibraryPersona, initSpaceIndex, putMapEntry, readSpaceIndex, setMapArchived, setMapTags } from '../../src/model/space';
import { mapEntryFromJourney } from '../../src/model/space/entryFromJourney';
import { createMapFromTemplate } from '../../src/model/templates';
import { toJSON } from '../../src/schema';

/** A made-up JPEG: the format's first bytes, then bytes that differ by `seed`. */
function jpeg(seed: number, size = 64): CardImage {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return { key: imageKey(bytes), mime: 'image/jpeg', width: 400, height: 300, bytes };
}

/** A space of two maps (the overview's first stage drills down to the detail map, both follow one library persona, one card has a photo), tagged and one archived. */
function space(): { input: SpaceArchiveInput; docs: Y.Doc[] } {
  const index = new Y.Doc();
  initSpaceIndex(index, 'CX team Nord');
  const personaId = addLibraryPersona(index, { name: 'Mia', role: 'Commuter', goals: ['get there'], frustrations: ['delays'], quote: 'On time, please.' })!;
  const library = readSpaceIndex(index).personas;
  const overview = createMapFromTemplate('retail', 'en');
  const detail = createMapFromTemplate('saas', 'de');
  const detailId = readJourney(detail).id;
  setStageDetailMap(overview, readJourney(overview).stages[0]!.id, detailId, null);
  for (const doc of [overview, detail]) addPersonaFromLibrary(doc, library[0]!, null);
  const photo = jpeg(7);
  setCardImage(overview, [readJourney(overview).cards[0]!.id], photo, null);
  for (const doc of [overview, detail]) putMapEntry(index, { ...mapEntryFromJourney(readJourney(doc), { now: 1_700_000_000_000, by: 'Ana', thumbnail: '<svg/>' }), createdAt: 1_600_000_000_000 });
  setMapTags(index, detailId, ['checkout', 'Q3']);
  setMapArchived(index, detailId, true);
  const read = readSpaceIndex(index);
  expect(personaId).toBeTruthy();
  return {
    docs: [overview, detail],
    input: { name: read.name, exportedAt: new Date('2026-12-04T12:00:00Z'), index: read.maps, personas: read.personas, maps: [toJSON(overview), toJSON(detail)] },
  };
}

const zip = (files: Record<string, string | Uint8Array>, level: 0 | 6 = 6) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])) as Zippable, { level });

function validArchiveFiles(): Record<string, Uint8Array> {
  const { input } = space();
  const result = readZip(writeSpaceArchive(input), SPACE_ARCHIVE_LIMITS);
  if (!result.ok) throw new Error(result.message);
  return Object.fromEntries(result.entries.map((e) => [e.name, e.data]));
}

const messages = (bytes: Uint8Array) => {
  const result = readSpaceArchive(bytes);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('a space export written and read back', () => {
  it('is lossless: every map, its comments, votes and images, the index (without thumbnails) and the persona library come back equal', () => {
    const { input } = space();
    const bytes = writeSpaceArchive(input);
    const result = readSpaceArchive(bytes);
    if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    const { manifest, maps } = result.archive;
    expect(manifest.space).toEqual({ name: 'CX team Nord', exportedAt: '2026-12-04T12:00:00.000Z' });
    expect(manifest.index).toEqual(input.index.map(({ thumbnail: _t, ...rest }) => rest));
    expect(manifest.index.find((e) => e.archived)?.tags).toEqual(['checkout', 'Q3']);
    expect(manifest.personas).toEqual(input.personas);
    expect(maps.map((m) => m.id)).toEqual(input.index.map((e) => e.id));
    for (const map of maps) {
      const written = input.maps.find((m) => m.journey.id === map.id)!;
      expect(map.file.journey).toEqual(written.journey);
      expect(map.file.feedback).toEqual(written.feedback);
      expect(map.file.images.map((i) => i.key)).toEqual(written.images.map((i) => i.key));
    }
    expect(maps.flatMap((m) => m.file.images)).toHaveLength(1);
    expect(archiveSummary(result.archive)).toEqual({ name: 'CX team Nord', maps: 2, cards: input.maps.reduce((n, m) => n + m.journey.cards.length, 0), personas: 1 });
  });

  it('lays the zip out as space.json and maps/<id>.waymark.json, each map file being the map export as it stands', () => {
    const { input } = space();
    const read = readZip(writeSpaceArchive(input), SPACE_ARCHIVE_LIMITS);
    if (!read.ok) throw new Error(read.message);
    expect(read.entries.map((e) => e.name).sort()).toEqual(['space.json', ...input.maps.map((m) => mapEntryName(m.journey.id))].sort());
    const first = read.entries.find((e) => e.name === mapEntryName(input.maps[0]!.journey.id))!;
    expect(JSON.parse(new TextDecoder().decode(first.data))).toEqual(JSON.parse(JSON.stringify(input.maps[0])));
  });

  it('moves ids consistently when a map gets a new one: drill-down links and library persona links follow', () => {
    const { input } = space();
    const [overview, detail] = input.maps;
    const mapIds = new Map([[detail!.journey.id, 'newDetailId']]);
    const libraryId = input.personas[0]!.id;
    const personaIds = new Map([[libraryId, 'newPersonaId']]);
    const moved = remapJourney(overview!.journey, mapIds, personaIds);
    expect(moved.id).toBe(overview!.journey.id);
    expect(moved.stages[0]!.detailMapId).toBe('newDetailId');
    expect(moved.personas.filter((p) => p.libraryId !== null).map((p) => p.libraryId)).toEqual(['newPersonaId']);
    expect(remapJourney(detail!.journey, mapIds, personaIds).id).toBe('newDetailId');
  });
});

describe('a hostile or broken space export', () => {
  it('refuses a zip bomb by its declared size before inflating anything', () => {
    const files = validArchiveFiles();
    // an honest header saying 40 MiB for one map, over the per-file limit of a map file (32 MiB)
    const big = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const bytes = zip({ ...files, [mapEntryName('bomb')]: big });
    expect(messages(bytes)).toEqual([expect.stringMatching(/^maps\/bomb\.waymark\.json: is 40\.0 MiB uncompressed; an entry is limited to 32\.0 MiB$/)]);
  });

  it('refuses a zip bomb whose headers lie about the size, stopping the inflation as soon as it passes the declared size', () => {
    const files = validArchiveFiles();
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    const bytes = zip({ ...files, [mapEntryName('liar')]: big });
    // patch the declared uncompressed size (central directory and local header) down to 100 bytes
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = 0; at < bytes.length - 4; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x02014b50 && new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true))) === mapEntryName('liar')) view.setUint32(at + 24, 100, true);
    }
    const started = performance.now();
    expect(messages(bytes)).toEqual(['maps/liar.waymark.json: inflates to more than the 100 bytes it declares (a zip bomb?); refused']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops inflating past the total limit even when every entry is within its own', () => {
    const result = readZip(
      zip({ a: new Uint8Array(600_000), b: new Uint8Array(600_000) }),
      { archiveBytes: 1e6, entries: 10, entryBytes: 1e6, totalBytes: 1_000_000 },
    );
    expect(result).toEqual({ ok: false, path: '(file)', message: 'would be more than 1.0 MiB uncompressed; a space export is limited to that' });
  });

  it('refuses 10,000 entries without reading them', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10_000; i++) files[`maps/m${i}.waymark.json`] = '{}';
    expect(messages(zip(files, 0))).toEqual(['(file): has 10000 entries; a space export holds at most 2001']);
  });

  it.each(['../x', 'maps/../../etc/passwd', '/etc/passwd', 'C:\\evil.json', 'maps\\x.json', 'a//b', './space.json'])('refuses the entry name %j (path traversal)', (name) => {
    const files = validArchiveFiles();
    const result = messages(zip({ ...files, [name]: '{}' }));
    expect(result).toHaveLength(1);
    expect(result[0]).toContain('is not a plain relative path inside the archive');
    expect(isSafeEntryName(name)).toBe(false);
  });

  it('names a map file that is not JSON by its place in the archive', () => {
    const files = validArchiveFiles();
    const id = Object.keys(files).find((n) => n.startsWith('maps/'))!;
    expect(messages(zip({ ...files, [id]: 'PK not json at all' }))).toEqual([expect.stringMatching(new RegExp(`^${id.replace(/\./g, '\\.')}: is not valid JSON: `))]);
  });

  it('reports a bad card in a map file by archive file and path, as the map importer does', () => {
    const files = validArchiveFiles();
    const id = Object.keys(files).find((n) => n.startsWith('maps/'))!;
    const file = JSON.parse(new TextDecoder().decode(files[id]));
    file.journey.cards[3].emotion = 'very happy';
    expect(messages(zip({ ...files, [id]: JSON.stringify(file) }))[0]).toMatch(new RegExp(`^${id.replace(/\./g, '\\.')}: journey\\.cards\\[3\\]\\.emotion: `));
  });

  it('refuses a newer format version, and a wrong format name, in space.json', () => {
    const files = validArchiveFiles();
    const manifest = JSON.parse(new TextDecoder().decode(files['space.json']));
    expect(messages(zip({ ...files, 'space.json': JSON.stringify({ ...manifest, version: 2 }) }))).toEqual([
      'space.json: version: is 2: this space export was written by a newer Waymark (this one reads version 1); update Waymark',
    ]);
    expect(messages(zip({ ...files, 'space.json': JSON.stringify({ ...manifest, version: 0 }) }))).toEqual(['space.json: version: must be 1 (this Waymark reads space exports of version 1)']);
    expect(messages(zip({ ...files, 'space.json': JSON.stringify({ ...manifest, format: 'waymark' }) }))).toEqual(['space.json: format: must be "waymark-space"']);
  });

  it('refuses duplicate map ids in the index, and the same entry twice in the zip', () => {
    const files = validArchiveFiles();
    const manifest = JSON.parse(new TextDecoder().decode(files['space.json']));
    const twice = { ...manifest, index: [...manifest.index, manifest.index[0]] };
    expect(messages(zip({ ...files, 'space.json': JSON.stringify(twice) }))).toEqual([`space.json: index[2].id: names map "${manifest.index[0].id}" twice`]);
    // two entries under one name: written by hand, as zip libraries refuse to
    const one = zip({ 'space.json': files['space.json']! }, 0);
    const doubled = duplicateEntry(one);
    expect(messages(doubled)).toEqual(['space.json: is in the archive twice']);
  });

  it('refuses a map file whose journey id differs from its name, a map the index does not list, a listed map that is missing, and no space.json', () => {
    const files = validArchiveFiles();
    const [a, b] = Object.keys(files).filter((n) => n.startsWith('maps/'));
    expect(messages(zip({ ...files, [a!]: files[b!]! }))).toContainEqual(expect.stringContaining(`${a}: journey.id: is "`));
    expect(messages(zip({ ...files, [mapEntryName('stray')]: files[a!]! }))).toEqual(['maps/stray.waymark.json: is a map the index (space.json) does not list']);
    const { [b!]: _gone, ...without } = files;
    expect(messages(zip(without))).toEqual([expect.stringMatching(/^space\.json: index\[\d\]\.id: names map ".+" but the archive has no maps\/.+\.waymark\.json$/)]);
    const { 'space.json': _m, ...noManifest } = files;
    expect(messages(zip(noManifest))).toEqual(['space.json: is missing: this is not a Waymark space export']);
  });

  it('refuses what is no zip at all, a damaged entry, and an unknown file beside the maps, without throwing', () => {
    expect(messages(strToU8('just text'))).toEqual(['(file): is not a zip file']);
    expect(messages(new Uint8Array(0))).toEqual(['(file): is not a zip file']);
    const files = validArchiveFiles();
    const stored = zip({ 'space.json': files['space.json']! }, 0);
    const at = stored.indexOf(0x7b); // the manifest's first "{"
    stored[at + 10] = stored[at + 10]! ^ 0xff;
    expect(messages(stored)).toEqual(['space.json: is damaged (CRC-32 does not match)']);
    expect(messages(zip({ ...files, 'notes.txt': 'hello' }))).toEqual(['notes.txt: is not part of a space export (expected space.json and maps/<map id>.waymark.json)']);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });
});

/** A stored zip of one entry rewritten to hold that entry twice (same name), central directory and all. */
function duplicateEntry(one: Uint8Array): Uint8Array {
  const view = new DataView(one.buffer, one.byteOffset, one.byteLength);
  const end = one.length - 22;
  const cdSize = view.getUint32(end + 12, true);
  const cdAt = view.getUint32(end + 16, true);
  const local = one.subarray(0, cdAt);
  const central = one.subarray(cdAt, cdAt + cdSize);
  const second = new Uint8Array(central);
  new DataView(second.buffer).setUint32(42, local.length, true);
  const out = new Uint8Array(local.length * 2 + cdSize * 2 + 22);
  out.set(local, 0);
  out.set(local, local.length);
  out.set(central, local.length * 2);
  out.set(second, local.length * 2 + cdSize);
  out.set(one.subarray(end), local.length * 2 + cdSize * 2);
  const outView = new DataView(out.buffer);
  const outEnd = out.length - 22;
  outView.setUint16(outEnd + 8, 2, true);
  outView.setUint16(outEnd + 10, 2, true);
  outView.setUint32(outEnd + 12, cdSize * 2, true);
  outView.setUint32(outEnd + 16, local.length * 2, true);
  return out;
}

