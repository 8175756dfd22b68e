import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createI18n, localeFrom } from '../i18n';
import { createMapFromTemplate, TEMPLATE_KEYS, type TemplateKey } from '../model/templates';
import { SUPPORTED_LOCALES, type Locale } from '../model/types';
import { updateMeta } from '../model/ops/meta';
import { describeIssue, fileSizeIssue, parseMapFile, serializeMap } from '../schema';
import { journeyToDoc, readJourney } from '../model/doc';
import { exportMap } from '../export/exportMap';
import { EXPORT_FORMATS, FORMATS_WITHOUT_DOM, exportFormat, formatOfFileName, isExportFormat } from '../export/formats';
import { importFile } from '../export/import';
import { putImages } from '../model/images';
import { PAPER_SIZES, type PaperSize, type PdfPages } from '../export/pdf';
import type { Translate } from '../export/render';
import { cardLines, summaryText } from '../export/diffText';
import { diffJourneys, summarizeDiff } from '../model/journeyDiff';
import { detectMapping, feedbackDrafts, FEEDBACK_FIELDS, readFeedbackTable } from '../export/feedbackCsv';
import { addEvidence } from '../model/ops/evidence';
import { LIMITS } from '../model/limits';
import { buildSuggestionIndex, suggestCards } from '../model/evidenceSuggest';
import { archiveSummary, readSpaceArchive, SPACE_ARCHIVE_LIMITS } from '../export/spaceArchive';

const PAPERS = Object.keys(PAPER_SIZES) as PaperSize[];

/** Control characters (an ESC starting a terminal sequence, a line break inside a header) and bidi overrides shown as \u{…}. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
const PAGE_MODES: readonly PdfPages[] = ['fit', 'tile'];

export interface CliIO {
  /** text, or the bytes of a binary export (PDF) */
  stdout: (data: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** reads all of standard input, for `validate -` */
  readStdin: () => string;
  env: NodeJS.ProcessEnv;
  version: string;
}

/**
 * The `waymark` command for people who keep maps in git. Returns the exit code: 0 when all is
 * well, 1 when a file has problems, 2 when the command line itself is wrong.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const locale = localeFrom(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const t = createI18n(locale).t;
  /** format names, as the export dialog shows them, in a sentence: "A, B or C" */
  const names = (formats: readonly { labelKey: string }[]) =>
    new Intl.ListFormat(locale, { type: 'disjunction' }).format(formats.map((f) => t(f.labelKey)));
  const usage = () => {
    const [head, ...tail] = t('cli.usage', { templates: TEMPLATE_KEYS.join('|'), langs: SUPPORTED_LOCALES.join('|') }).split('\n');
    // the export and import commands' lines go before the last one (--help | --version)
    const last = tail.pop() ?? '';
    const exporting = t('exporting.cli.usage', {
      langs: SUPPORTED_LOCALES.join('|'),
      formats: FORMATS_WITHOUT_DOM.map((f) => f.id).join('|'),
      formatNames: names(FORMATS_WITHOUT_DOM),
      papers: PAPERS.join('|'),
      browserOnly: names(EXPORT_FORMATS.filter((f) => f.needsDom)),
    });
    return [head, ...tail, exporting, t('spaceFiles.cli.usage'), t('cli.store.usage'), last].join('\n');
  };
  const [command, ...rest] = argv;

  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${usage()}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${io.version}\n`);
    return 0;
  }

  try {
    if (command === 'new') return newMap(rest);
    if (command === 'validate') return validate(rest);
    if (command === 'export') return await exportCommand(rest);
    if (command === 'import') return importMap(rest);
    if (command === 'diff') return diffCommand(rest);
    if (command === 'evidence') return evidenceCommand(rest);
    if (command === 'space') return spaceCommand(rest);
    if (command === 'store') return await storeCommand(rest);
  } catch (error) {
    // parseArgs throws on unknown or malformed options
    io.stderr(`${t('cli.badArguments', { reason: (error as Error).message })}\n${usage()}\n`);
    return 2;
  }
  io.stderr(`${t('cli.unknownCommand', { command })}\n${usage()}\n`);
  return 2;

  function newMap(args: readonly string[]): number {
    const { values } = parseArgs({
      args: [...args],
      options: { template: { type: 'string', short: 't' }, lang: { type: 'string', short: 'l' }, title: { type: 'string' } },
      strict: true,
    });
    const template = values.template ?? 'blank';
    if (!(TEMPLATE_KEYS as readonly string[]).includes(template)) {
      io.stderr(`${t('cli.unknownTemplate', { template, templates: TEMPLATE_KEYS.join(', ') })}\n`);
      return 2;
    }
    const lang = values.lang ?? 'en';
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(lang)) {
      io.stderr(`${t('cli.unknownLang', { lang, langs: SUPPORTED_LOCALES.join(', ') })}\n`);
      return 2;
    }
    const doc = createMapFromTemplate(template as TemplateKey, lang as Locale);
    if (values.title !== undefined) updateMeta(doc, { title: values.title }, null);
    io.stdout(serializeMap(doc));
    return 0;
  }

  /** A file's text (or standard input's for "-"); null after printing why it cannot be read. */
  function readInput(file: string, report: (line: string) => void): string | null {
    try {
      if (file === '-') return io.readStdin();
      // Check the size before reading, so a huge file is refused without loading it.
      const tooLarge = fileSizeIssue(statSync(file).size);
      if (tooLarge) {
        report(describeIssue(tooLarge));
        return null;
      }
      return readFileSync(file, 'utf8');
    } catch (error) {
      report(`${file}: ${t('cli.cannotRead', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}`);
      return null;
    }
  }

  /** Writes the result to --out, or to standard output. */
  function writeOutput(out: string | undefined, data: string | Uint8Array): number {
    if (out === undefined) {
      io.stdout(data);
      return 0;
    }
    try {
      writeFileSync(out, data);
      return 0;
    } catch (error) {
      io.stderr(`${t('exporting.cli.cannotWrite', { file: out, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
      return 1;
    }
  }

  async function exportCommand(args: readonly string[]): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string', short: 'l' },
        stages: { type: 'string' },
        paper: { type: 'string' },
        pages: { type: 'string' },
      },
    });
    const file = positionals[0];
    if (file === undefined) {
      io.stderr(`${t('exporting.cli.missingFile')}\n`);
      return 2;
    }
    const format = values.format ?? (values.out ? (formatOfFileName(values.out) ?? path.extname(values.out).slice(1).toLowerCase()) : '');
    const formats = FORMATS_WITHOUT_DOM.map((f) => f.id).join(', ');
    if (!isExportFormat(format)) {
      io.stderr(`${t('exporting.cli.unknownFormat', { format, formats })}\n`);
      return 2;
    }
    if (exportFormat(format).needsDom) {
      io.stderr(`${t('exporting.cli.needsBrowser', { name: names([exportFormat(format)]), formats })}\n`);
      return 2;
    }
    if (values.paper !== undefined && !(PAPERS as readonly string[]).includes(values.paper)) {
      io.stderr(`${t('exporting.cli.unknownOption', { option: '--paper', value: values.paper, values: PAPERS.join(', ') })}\n`);
      return 2;
    }
    if (values.pages !== undefined && !(PAGE_MODES as readonly string[]).includes(values.pages)) {
      io.stderr(`${t('exporting.cli.unknownOption', { option: '--pages', value: values.pages, values: PAGE_MODES.join(', ') })}\n`);
      return 2;
    }
    if (values.lang !== undefined && !(SUPPORTED_LOCALES as readonly string[]).includes(values.lang)) {
      io.stderr(`${t('cli.unknownLang', { lang: values.lang, langs: SUPPORTED_LOCALES.join(', ') })}\n`);
      return 2;
    }
    const text = readInput(file, (line) => io.stderr(`${line}\n`));
    if (text === null) return 1;
    const result = parseMapFile(text);
    if (!result.ok) {
      for (const problem of result.issues) io.stderr(`${describeIssue(problem)}\n`);
      return 1;
    }
    const journey = readJourney(result.doc);
    let stageIds: string[] | null = null;
    if (values.stages !== undefined) {
      stageIds = values.stages.split(',').map((id) => id.trim()).filter(Boolean);
      const known = new Set(journey.stages.map((s) => s.id));
      const unknown = stageIds.find((id) => !known.has(id));
      if (unknown !== undefined) {
        io.stderr(`${t('exporting.cli.unknownStage', { id: unknown })}\n`);
        return 2;
      }
    }
    const lang = (values.lang as Locale | undefined) ?? journey.locale;
    const i18n = createI18n(lang);
    const translate: Translate = (key, options) => String(i18n.t(key, options as never));
    const exported = await exportMap(format, journey, {
      t: translate,
      locale: lang,
      stageIds,
      doc: result.doc,
      feedback: result.feedback,
      paper: values.paper as PaperSize | undefined,
      pages: values.pages as PdfPages | undefined,
    });
    // formats without a DOM write text or bytes, never a browser's Blob
    return writeOutput(values.out, exported.data as string | Uint8Array);
  }

  function importMap(args: readonly string[]): number {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string', short: 'o' }, title: { type: 'string' } },
    });
    const file = positionals[0];
    if (file === undefined) {
      io.stderr(`${t('exporting.cli.missingFile')}\n`);
      return 2;
    }
    const text = readInput(file, (line) => io.stderr(`${line}\n`));
    if (text === null) return 1;
    const result = importFile(file === '-' ? '' : path.basename(file), text, values.title !== undefined ? { title: values.title } : {});
    if (!result.ok) {
      for (const problem of result.issues) io.stderr(`${describeIssue(problem)}\n`);
      return 1;
    }
    const doc = journeyToDoc(result.journey);
    if (result.images?.length) doc.transact(() => putImages(doc, result.images!));
    return writeOutput(values.out, serializeMap(doc));
  }

  /** `waymark diff OLD NEW [--format text|json]`: what changed between two files of one map; exit 0 either way. */
  function diffCommand(args: readonly string[]): number {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { format: { type: 'string', short: 'f' } } });
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') {
      io.stderr(`${t('exporting.cli.unknownOption', { option: '--format', value: format, values: 'text, json' })}\n`);
      return 2;
    }
    if (positionals.length !== 2) {
      io.stderr(`${t('cli.diffNeedsTwoFiles')}\n`);
      return 2;
    }
    const journeys = [];
    for (const file of positionals) {
      const text = readInput(file, (line) => io.stderr(`${line}\n`));
      if (text === null) return 1;
      const result = parseMapFile(text);
      if (!result.ok) {
        for (const problem of result.issues) io.stderr(`${file}: ${describeIssue(problem)}\n`);
        return 1;
      }
      journeys.push(readJourney(result.doc));
    }
    const [before, after] = journeys as [ReturnType<typeof readJourney>, ReturnType<typeof readJourney>];
    const diff = diffJourneys(before, after);
    const translate: Translate = (key, options) => String(t(key, options as never));
    const summary = summaryText(diff, before, after, translate);
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ summary, counts: summarizeDiff(diff, before, after), diff }, null, 2)}\n`);
      return 0;
    }
    io.stdout(`${[summary, ...cardLines(diff, before, after, translate)].join('\n')}\n`);
    return 0;
  }

  /**
   * `waymark evidence MAP FEEDBACK.csv [--out FILE]`: the feedback file's rows into the map's
   * evidence inbox, read as the app's import dialog reads them (src/export/feedbackCsv.ts); the
   * map written back (or to --out). Exit 1 when either file cannot be read.
   */
  function evidenceCommand(args: readonly string[]): number {
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { out: { type: 'string', short: 'o' } } });
    if (positionals.length !== 2 || positionals.includes('-')) {
      io.stderr(`${t('cli.evidence.needsTwoFiles')}\n`);
      return 2;
    }
    const [mapFile, feedbackFile] = positionals as [string, string];
    const mapText = readInput(mapFile, (line) => io.stderr(`${line}\n`));
    if (mapText === null) return 1;
    const parsed = parseMapFile(mapText);
    if (!parsed.ok) {
      for (const problem of parsed.issues) io.stderr(`${mapFile}: ${describeIssue(problem)}\n`);
      return 1;
    }
    const feedbackText = readInput(feedbackFile, (line) => io.stderr(`${line}\n`));
    if (feedbackText === null) return 1;
    const read = readFeedbackTable(feedbackText);
    if (!read.ok) {
      for (const problem of read.issues) io.stderr(`${printable(`${feedbackFile}: ${describeIssue(problem)}`)}\n`);
      return 1;
    }
    const journey = readJourney(parsed.doc);
    const mapping = detectMapping(read.table);
    const { drafts, problems } = feedbackDrafts(read.table, mapping, journey);
    // A cell it cannot read is a problem of the file: nothing is written, so a script sees exit 1
    // and the map is as it was (the app's import dialog offers to go on without those cells).
    // A row with a score and no words (common in NPS exports) and a quote shortened to the limit
    // are notes, not problems: the rows are read as they are meant.
    const notes = problems.filter((p) => p.reason?.key === 'emptyText' || p.reason?.key === 'shortened');
    const refusals = problems.filter((p) => !notes.includes(p));
    if (mapping.columns.text === undefined || refusals.length > 0) {
      for (const problem of refusals) io.stderr(`${printable(`${feedbackFile}: ${describeIssue(problem)}`)}\n`);
      if (mapping.columns.text !== undefined) io.stderr(`${t('cli.evidence.nothingWritten', { count: refusals.length })}\n`);
      return 1;
    }
    for (const note of notes) io.stderr(`${printable(`${feedbackFile}: ${describeIssue(note)}`)}\n`);
    const { ids, refused } = addEvidence(parsed.doc, drafts);

    const lines: string[] = [t('cli.evidence.added', { count: ids.length, title: journey.title })];
    if (refused > 0) lines.push(t('cli.evidence.refused', { count: refused, max: LIMITS.evidence }));
    const separator = read.table.separator === ',' ? 'comma' : read.table.separator === ';' ? 'semicolon' : 'tab';
    lines.push(t('cli.evidence.separator', { separator: t(`cli.evidence.separators.${separator}`) }), t('cli.evidence.columns'));
    for (const field of FEEDBACK_FIELDS) {
      const at = mapping.columns[field];
      const name = t(`cli.evidence.fields.${field}`);
      lines.push(at === undefined ? t('cli.evidence.noColumn', { field: name }) : t('cli.evidence.column', { field: name, header: read.table.headers[at] ?? `#${at + 1}` }));
    }
    if (mapping.scale !== null) lines.push(t('cli.evidence.scale', { scale: t(`evidence.scales.${mapping.scale}`) }));
    lines.push(t('cli.evidence.defaultSource', { source: t(`evidence.sources.${mapping.source}`) }));

    // what the inbox would suggest first for each new item
    const index = buildSuggestionIndex(journey);
    const firstCounts = new Map<string, number>();
    for (const draft of drafts.slice(0, ids.length)) {
      const [first] = suggestCards({ text: draft.text, stageId: draft.stageId ?? null, channel: draft.channel ?? null }, index, 1);
      if (first) firstCounts.set(first.cardId, (firstCounts.get(first.cardId) ?? 0) + 1);
    }
    const suggested = [...firstCounts.values()].reduce((a, b) => a + b, 0);
    lines.push(t('cli.evidence.suggested', { suggested, total: ids.length }));
    if (firstCounts.size > 0) {
      const cards = new Map(journey.cards.map((c) => [c.id, c]));
      const stages = new Map(journey.stages.map((s) => [s.id, s.name]));
      lines.push(t('cli.evidence.topCards'));
      const top = [...firstCounts].sort((a, b) => b[1] - a[1]).slice(0, 10);
      for (const [cardId, count] of top) {
        const card = cards.get(cardId)!;
        lines.push(t('cli.evidence.topCard', { count, title: card.title.replace(/\s+/g, ' '), stage: stages.get(card.stageId) ?? '' }));
      }
    }
    const out = values.out ?? mapFile;
    const written = writeOutput(out, serializeMap(parsed.doc, parsed.feedback));
    if (written !== 0) return written;
    lines.push(t('cli.evidence.written', { file: out }));
    // headers, titles and cells come from files: no terminal escape or direction override reaches the terminal
    io.stdout(`${lines.map(printable).join('\n')}\n`);
    return 0;
  }

  /**
   * `waymark space validate FILE.zip`: checks a space export (src/export/spaceArchive.ts) as the
   * app's "Import space" reads it; prints what it holds and exits 0, or prints each problem as
   * `file: path: reason` on standard error and exits 1.
   */
  function spaceCommand(args: readonly string[]): number {
    const [sub, ...subArgs] = args;
    if (sub !== 'validate') {
      io.stderr(`${t('spaceFiles.cli.unknownSubcommand', { command: sub ?? '' })}\n`);
      return 2;
    }
    const { positionals } = parseArgs({ args: [...subArgs], allowPositionals: true, strict: true });
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) {
      io.stderr(`${t('spaceFiles.cli.missingFile')}\n`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      // the size first, so a huge file is refused without loading it
      const size = statSync(file).size;
      if (size > SPACE_ARCHIVE_LIMITS.archiveBytes) {
        io.stderr(`${file}: is too large (${(size / (1024 * 1024)).toFixed(1)} MiB); space exports are limited to ${(SPACE_ARCHIVE_LIMITS.archiveBytes / (1024 * 1024)).toFixed(1)} MiB\n`);
        return 1;
      }
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      io.stderr(`${file}: ${t('cli.cannotRead', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
      return 1;
    }
    const result = readSpaceArchive(bytes);
    if (!result.ok) {
      // names and messages come from the file: no terminal escape reaches the terminal
      for (const problem of result.issues) io.stderr(`${printable(`${file}: ${describeIssue(problem)}`)}\n`);
      return 1;
    }
    const summary = archiveSummary(result.archive);
    io.stdout(`${t('spaceFiles.cli.summary', { ...summary, name: printable(summary.name) })}\n`);
    return 0;
  }

  /**
   * `waymark store copy`: a relay's whole store from LevelDB to PostgreSQL or back (issue 17).
   * The stores' code is the relay's own (server/store), loaded only for this command.
   */
  async function storeCommand(args: readonly string[]): Promise<number> {
    const [sub, ...subArgs] = args;
    if (sub !== 'copy') {
      io.stderr(`${t('cli.store.unknownSubcommand', { command: printable(sub ?? '') })}\n`);
      return 2;
    }
    const { values } = parseArgs({
      args: [...subArgs],
      options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.from || !values.to) {
      io.stderr(`${t('cli.store.needsFromAndTo')}\n`);
      return 2;
    }
    if (values.from === values.to || (!/^postgres/i.test(values.from) && path.resolve(values.from) === path.resolve(values.to))) {
      io.stderr(`${t('cli.store.sameStore')}\n`);
      return 2;
    }
    const { CopyError, copyStore, describeStore, openStoreAt } = await import('../../server/store/copy');
    // a database is named without its password, in every message
    const from = printable(await describeStore(values.from));
    const to = printable(await describeStore(values.to));
    const opened: Array<{ close(): Promise<void> }> = [];
    try {
      const source = await openStoreAt(values.from, 'source');
      opened.push(source);
      const target = await openStoreAt(values.to, 'target');
      opened.push(target);
      const counts = await copyStore(source, target, { force: values.force ?? false });
      io.stdout(`${t('cli.store.copied', { from, to, ...counts })}\n`);
      return 0;
    } catch (error) {
      const reason = error instanceof CopyError ? error.message : `${(error as Error).message}`;
      io.stderr(`${t('cli.store.failed', { from, to, reason: printable(reason) })}\n`);
      return 1;
    } finally {
      for (const store of opened) await store.close().catch(() => {});
    }
  }

  function validate(args: readonly string[]): number {
    const { positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true });
    const file = positionals[0];
    if (file === undefined) {
      io.stderr(`${t('cli.missingFile')}\n`);
      return 2;
    }
    let text: string;
    try {
      if (file === '-') {
        text = io.readStdin();
      } else {
        // Check the size before reading, so a huge file is refused without loading it.
        const tooLarge = fileSizeIssue(statSync(file).size);
        if (tooLarge) {
          io.stdout(`${describeIssue(tooLarge)}\n`);
          return 1;
        }
        text = readFileSync(file, 'utf8');
      }
    } catch (error) {
      io.stdout(`${file}: ${t('cli.cannotRead', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
      return 1;
    }
    const result = parseMapFile(text);
    if (result.ok) {
      io.stdout(`${t('cli.ok')}\n`);
      return 0;
    }
    for (const problem of result.issues) io.stdout(`${describeIssue(problem)}\n`);
    return 1;
  }
}
