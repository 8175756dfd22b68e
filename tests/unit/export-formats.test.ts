import { describe, expect, it } from 'vitest';
import { exportMap, NeedsBrowserError } from '../../src/export/exportMap';
import { EXPORT_FORMATS, FORMATS_WITHOUT_DOM, formatOfFileName, isExportFormat } from '../../src/export/formats';
import { importOjf } from '../../src/export/importOjf';
import { createI18n } from '../../src/i18n';
import { readJourney } from '../../src/model/doc';
import { createMapFromTemplate } from '../../src/model/templates';
import { parseMapFile } from '../../src/schema';

/* The one list of export formats, and the one function that writes each of them. */

const en = createI18n('en');
const t = (key: string, options?: Record<string, unknown>) => String(en.t(key, options as never));

describe('the format list', () => {
  it('names every format in English and German, with its own id and extension', () => {
    for (const locale of ['en', 'de'] as const) {
      const i18n = createI18n(locale);
      for (const format of EXPORT_FORMATS) {
        expect(i18n.exists(format.labelKey), `${locale} ${format.labelKey}`).toBe(true);
        expect(i18n.exists(format.hintKey), `${locale} ${format.hintKey}`).toBe(true);
      }
    }
    expect(new Set(EXPORT_FORMATS.map((f) => f.id)).size).toBe(EXPORT_FORMATS.length);
    expect(new Set(EXPORT_FORMATS.map((f) => f.extension)).size).toBe(EXPORT_FORMATS.length);
  });

  it('tells a format from a file name', () => {
    expect(formatOfFileName('Map.PDF')).toBe('pdf');
    expect(formatOfFileName('map.waymark.json')).toBe('json');
    expect(formatOfFileName('map.json')).toBe('json');
    expect(formatOfFileName('Kundenreise.OJF')).toBe('ojf');
    expect(formatOfFileName('map.gif')).toBeNull();
    expect(isExportFormat('svg')).toBe(true);
    expect(isExportFormat('gif')).toBe(false);
  });

  it('only PNG needs a browser', () => {
    expect(EXPORT_FORMATS.filter((f) => f.needsDom).map((f) => f.id)).toEqual(['png']);
  });
});

describe('exportMap', () => {
  const doc = createMapFromTemplate('retail', 'en');
  const journey = readJourney(doc);
  const date = new Date('2026-12-03T12:00:00Z');

  it.each(FORMATS_WITHOUT_DOM.map((f) => [f.id, f] as const))('writes %s without a DOM, named after the map', async (id, format) => {
    const progress: number[] = [];
    const file = await exportMap(id, journey, { t, date, doc, onProgress: (f) => progress.push(f) });
    expect(file.mimeType).toBe(format.mimeType);
    expect(file.fileName).toBe(`Omnichannel retail purchase.${format.extension}`);
    expect(file.data instanceof Blob).toBe(false);
    expect((file.data as string | Uint8Array).length).toBeGreaterThan(0);
    expect(progress[0]).toBeGreaterThan(0);
  });

  it('writes a PDF whose bytes are a PDF, and JSON that reads back as the same journey', async () => {
    const pdf = await exportMap('pdf', journey, { t, date });
    expect(Buffer.from(pdf.data as Uint8Array).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const json = await exportMap('json', journey, { t, doc });
    const parsed = parseMapFile(json.data as string);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(readJourney(parsed.doc)).toEqual(journey);
  });

  it('writes OpenJourney that the import reads back with the same cards', async () => {
    const file = await exportMap('ojf', journey, { t, doc });
    expect(file.fileName).toBe('Omnichannel retail purchase.ojf');
    const ojf = JSON.parse(file.data as string);
    expect(ojf.version).toBe('1.0');
    expect(ojf.metadata).toMatchObject({ title: journey.title, version: '1.1.0' });
    const back = importOjf(file.data as string);
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(back.journey.cards.map((c) => c.title).sort()).toEqual(journey.cards.map((c) => c.title).sort());
  });

  it('limits every format to the stages asked for', async () => {
    const stage = journey.stages[1]!;
    const csv = (await exportMap('csv', journey, { t, stageIds: [stage.id] })).data as string;
    expect(csv.trim().split('\r\n')).toHaveLength(1 + journey.cards.filter((c) => c.stageId === stage.id).length);
    const json = JSON.parse((await exportMap('json', journey, { t, stageIds: [stage.id] })).data as string);
    expect(json.journey.stages.map((s: { id: string }) => s.id)).toEqual([stage.id]);
    expect(json.journey.lanes).toEqual(JSON.parse((await exportMap('json', journey, { t, doc })).data as string).journey.lanes);
  });

  it('refuses PNG where nothing can draw it', async () => {
    await expect(exportMap('png', journey, { t })).rejects.toBeInstanceOf(NeedsBrowserError);
  });
});
