/**
 * The formats a map exports to, once: the export dialog offers them in this order, the
 * `waymark export --format` option accepts and lists them, and `exportMap` (exportMap.ts) has
 * one writer per id, which the compiler checks.
 */
export interface ExportFormatInfo {
  /** what `--format` takes, and the key of the format's writer */
  id: string;
  /** the format's name in the export dialog and the command line's help (i18n key) */
  labelKey: string;
  /** one line in the export dialog on what the format is for (i18n key) */
  hintKey: string;
  /** of the file written: `<title>.<extension>` */
  extension: string;
  mimeType: string;
  /** drawn on a browser's canvas: the command line cannot write it */
  needsDom: boolean;
}

export const EXPORT_FORMATS = [
  {
    id: 'png',
    labelKey: 'exporting.dialog.formats.png',
    hintKey: 'exporting.dialog.hints.png',
    extension: 'png',
    mimeType: 'image/png',
    needsDom: true,
  },
  {
    id: 'svg',
    labelKey: 'exporting.dialog.formats.svg',
    hintKey: 'exporting.dialog.hints.svg',
    extension: 'svg',
    mimeType: 'image/svg+xml',
    needsDom: false,
  },
  {
    id: 'pdf',
    labelKey: 'exporting.dialog.formats.pdf',
    hintKey: 'exporting.dialog.hints.pdf',
    extension: 'pdf',
    mimeType: 'application/pdf',
    needsDom: false,
  },
  {
    id: 'json',
    labelKey: 'exporting.dialog.formats.json',
    hintKey: 'exporting.dialog.hints.json',
    // says what the file is to someone browsing a folder, and still opens as JSON
    extension: 'waymark.json',
    mimeType: 'application/json',
    needsDom: false,
  },
  {
    id: 'csv',
    labelKey: 'exporting.dialog.formats.csv',
    hintKey: 'exporting.dialog.hints.csv',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    needsDom: false,
  },
  {
    id: 'ojf',
    labelKey: 'exporting.dialog.formats.ojf',
    hintKey: 'exporting.dialog.hints.ojf',
    extension: 'ojf',
    mimeType: 'application/json',
    needsDom: false,
  },
] as const satisfies readonly ExportFormatInfo[];

/** one entry of the list, with its literal id */
export type ExportFormatEntry = (typeof EXPORT_FORMATS)[number];
export type ExportFormat = ExportFormatEntry['id'];

export const isExportFormat = (value: unknown): value is ExportFormat => EXPORT_FORMATS.some((f) => f.id === value);

export function exportFormat(id: ExportFormat): ExportFormatEntry {
  return EXPORT_FORMATS.find((f) => f.id === id)!;
}

/** The formats that need no browser: what the command line writes. */
export const FORMATS_WITHOUT_DOM: readonly ExportFormatEntry[] = EXPORT_FORMATS.filter((f) => !f.needsDom);

/** The format a file name asks for by its extension ("map.pdf", "map.waymark.json", "map.json"), or null. */
export function formatOfFileName(name: string): ExportFormat | null {
  const lower = name.toLowerCase();
  const match = EXPORT_FORMATS.find((f) => lower.endsWith(`.${f.extension}`)) ?? EXPORT_FORMATS.find((f) => lower.endsWith(`.${f.id}`));
  return match?.id ?? null;
}
