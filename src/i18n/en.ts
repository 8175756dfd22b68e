/** English strings. German (de.ts) must have the same keys; a test checks that. */
export const en = {
  app: {
    name: 'Waymark',
    tagline: 'Customer journey maps your team owns',
    language: 'Language',
    languages: { en: 'English', de: 'Deutsch' },
    library: {
      heading: 'Start a journey map',
      intro: 'Pick a template to begin. Each one is a complete journey you can adapt: stages, personas, touchpoints, an emotion curve, pain points and opportunities.',
      templateLanguage: 'Template language',
      stats: '{{stages}} stages · {{lanes}} lanes · {{cards}} cards · {{personas}} personas',
      download: 'Download map file',
      downloadHint: 'Saves the map as a .waymark.json file you can keep in git and check with "npx waymark validate".',
    },
    templates: {
      retail: 'Retail purchase, online and in store',
      saas: 'SaaS trial to renewal',
      service: 'Service appointment and repair',
      blank: 'Blank map with the standard lanes',
    },
  },
  cli: {
    usage: `Usage:
  waymark new --template <{{templates}}> [--lang <{{langs}}>] [--title <title>]
      Writes a new map file, made from a template, to standard output.
  waymark validate <file|->
      Checks a map file; prints "ok", or each problem as "path: reason".
  waymark --help | --version`,
    ok: 'ok',
    unknownCommand: 'Unknown command "{{command}}".',
    unknownTemplate: 'Unknown template "{{template}}". Choose one of: {{templates}}.',
    unknownLang: 'Unknown language "{{lang}}". Choose one of: {{langs}}.',
    missingFile: 'Name the file to check, or "-" for standard input.',
    cannotRead: 'cannot be read: {{reason}}',
    badArguments: '{{reason}}',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
