import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createI18n, localeFrom } from '../i18n';
import { createMapFromTemplate, TEMPLATE_KEYS, type TemplateKey } from '../model/templates';
import { SUPPORTED_LOCALES, type Locale } from '../model/types';
import { updateMeta } from '../model/ops/meta';
import { describeIssue, fileSizeIssue, parseMapFile, serializeMap } from '../schema';

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
  const usage = () =>
    t('cli.usage', { templates: TEMPLATE_KEYS.join('|'), langs: SUPPORTED_LOCALES.join('|') });
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
