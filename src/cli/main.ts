import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createI18n, localeFrom } from '../i18n';
import { createMapFromTemplate, TEMPLATE_KEYS, type TemplateKey } from '../model/templates';
import { SUPPORTED_LOCALES, type Locale } from '../model/types';
import { updateMeta } from '../model/ops/meta';
import { describeIssue, fileSizeIssue, parseMapFile, serializeMap } from '../schema';
import { journeyToDoc, readJourney } from '../model/doc';
import { finishedRoundResults } from '../model/votes';
import { journeyToCsv } from '../export/csv';
import { importFile } from '../export/import';
import { renderJourneySvg } from '../export/svg';
import type { Translate } from '../export/render';

const EXPORT_FORMATS = ['svg', 'csv', 'json'] as const;

export interface CliIO {
  stdout: (text: string) => void;
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
export function runCli(argv: readonly string[], io: CliIO): number {
  const t = createI18n(localeFrom(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG)).t;
  const usage = () => {
    const [head, ...tail] = t('cli.usage', { templates: TEMPLATE_KEYS.join('|'), langs: SUPPORTED_LOCALES.join('|') }).split('\n');
    // the export and import commands' lines go before the last one (--help | --version)
    const last = tail.pop() ?? '';
    return [head, ...tail, t('exporting.cli.usage', { langs: SUPPORTED_LOCALES.join('|') }), last].join('\n');
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
    if (command === 'export') return exportMap(rest);
    if (command === 'import') return importMap(rest);
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
  function writeOutput(out: string | undefined, text: string): number {
    if (out === undefined) {
      io.stdout(text);
      return 0;
    }
    try {
      writeFileSync(out, text);
      return 0;
    } catch (error) {
      io.stderr(`${t('exporting.cli.cannotWrite', { file: out, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })}\n`);
      return 1;
    }
  }

  function exportMap(args: readonly string[]): number {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string', short: 'l' },
        stages: { type: 'string' },
      },
    });
    const file = positionals[0];
    if (file === undefined) {
      io.stderr(`${t('exporting.cli.missingFile')}\n`);
      return 2;
    }
    const format = values.format ?? (values.out ? path.extname(values.out).slice(1).toLowerCase() : '');
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      io.stderr(`${t('exporting.cli.unknownFormat', { format, formats: EXPORT_FORMATS.join(', ') })}\n`);
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
    const scoped = stageIds ? scope(journey, stageIds) : journey;
    if (format === 'json') return writeOutput(values.out, stageIds ? serializeMap(journeyToDoc(scoped)) : serializeMap(result.doc, result.feedback));
    if (format === 'csv') return writeOutput(values.out, journeyToCsv(scoped, finishedRoundResults(result.feedback)));
    const lang = (values.lang as Locale | undefined) ?? journey.locale;
    const i18n = createI18n(lang);
    const translate: Translate = (key, options) => String(i18n.t(key, options as never));
    return writeOutput(values.out, renderJourneySvg(journey, { t: translate, locale: lang, stageIds }));
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
    return writeOutput(values.out, serializeMap(journeyToDoc(result.journey)));
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

/** The stages named (in map order), their cards and the links between those cards. */
function scope(journey: ReturnType<typeof readJourney>, stageIds: readonly string[]): ReturnType<typeof readJourney> {
  const keep = new Set(stageIds);
  const cards = journey.cards.filter((c) => keep.has(c.stageId));
  const ids = new Set(cards.map((c) => c.id));
  return { ...journey, stages: journey.stages.filter((s) => keep.has(s.id)), cards, links: journey.links.filter((l) => ids.has(l.fromCardId) && ids.has(l.toCardId)) };
}
