export const cli = {
  usage: `Usage:
  waymark new --template <{{templates}}> [--lang <{{langs}}>] [--title <title>]
      Writes a new map file, made from a template, to standard output.
  waymark validate <file|->
      Checks a map file; prints "ok", or each problem as "path: reason".
  waymark diff <old> <new> [--format text|json]
      Prints what changed between two files of a map: a summary, then one line per card.
  waymark --help | --version`,
  ok: 'ok',
  unknownCommand: 'Unknown command "{{command}}".',
  unknownTemplate: 'Unknown template "{{template}}". Choose one of: {{templates}}.',
  unknownLang: 'Unknown language "{{lang}}". Choose one of: {{langs}}.',
  missingFile: 'Name the file to check, or "-" for standard input.',
  cannotRead: 'cannot be read: {{reason}}',
  badArguments: '{{reason}}',
  diffNeedsTwoFiles: 'Name two map files: the older one first, then the newer.',
};
