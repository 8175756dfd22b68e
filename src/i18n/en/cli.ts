export const cli = {
  usage: `Usage:
  waymark new --template <{{templates}}> [--lang <{{langs}}>] [--title <title>]
      Writes a new map file, made from a template, to standard output.
  waymark validate <file|->
      Checks a map file; prints "ok", or each problem as "path: reason".
  waymark diff <old> <new> [--format text|json]
      Prints what changed between two files of a map: a summary, then one line per card.
  waymark evidence <map> <feedback.csv> [--out <file>]
      Adds the rows of a customer feedback file to the map's evidence inbox and writes the map
      back (or to --out); prints the columns it recognised, suggestions and problems.
  waymark --help | --version`,
  ok: 'ok',
  unknownCommand: 'Unknown command "{{command}}".',
  unknownTemplate: 'Unknown template "{{template}}". Choose one of: {{templates}}.',
  unknownLang: 'Unknown language "{{lang}}". Choose one of: {{langs}}.',
  missingFile: 'Name the file to check, or "-" for standard input.',
  cannotRead: 'cannot be read: {{reason}}',
  badArguments: '{{reason}}',
  diffNeedsTwoFiles: 'Name two map files: the older one first, then the newer.',
  evidence: {
    needsTwoFiles: 'Name the map file, then the feedback file (CSV).',
    added_one: 'Added {{count}} item to the evidence inbox of "{{title}}".',
    added_other: 'Added {{count}} items to the evidence inbox of "{{title}}".',
    refused_one: '{{count}} row left out: a map holds at most {{max}} evidence items.',
    refused_other: '{{count}} rows left out: a map holds at most {{max}} evidence items.',
    separator: 'Separator: {{separator}}',
    separators: { comma: 'comma', semicolon: 'semicolon', tab: 'tab' },
    columns: 'Columns:',
    column: '  {{field}} ← "{{header}}"',
    noColumn: '  {{field}}: none',
    scale: 'Scores read as {{scale}}.',
    defaultSource: 'Rows without a known source count as: {{source}}.',
    fields: { text: 'text', source: 'source', date: 'date', score: 'score', reference: 'reference', sentiment: 'sentiment', count: 'count', stage: 'stage', channel: 'channel' },
    suggested: '{{suggested}} of {{total}} items have a suggested card.',
    topCards: 'Cards suggested first most often:',
    topCard: '  {{count}} × {{title}} ({{stage}})',
    nothingWritten_one: 'Nothing written: {{count}} cell could not be read. Correct or empty it and run again.',
    nothingWritten_other: 'Nothing written: {{count}} cells could not be read. Correct or empty them and run again.',
    written: 'Map written to {{file}}.',
  },
  store: {
    usage: `  waymark store copy --from <DATA_DIR|postgres://…> --to <DATA_DIR|postgres://…> [--force]
      Copies everything a relay stores (every map's document, tokens and lock, spaces, versions)
      from a LevelDB DATA_DIR into PostgreSQL, or back. Stop the relays first. Refuses a target
      that is not empty unless --force (then it merges into it).`,
    unknownSubcommand: 'Unknown store command "{{command}}". Use: waymark store copy --from <…> --to <…>.',
    needsFromAndTo: 'Name both stores: --from <DATA_DIR|postgres://…> --to <DATA_DIR|postgres://…>.',
    sameStore: '--from and --to name the same store.',
    failed: 'Nothing more copied from {{from}} to {{to}}: {{reason}}',
    copied: `Copied {{from}} to {{to}}:
  rooms: {{rooms}}
  access records: {{access}}
  spaces: {{spaces}}
  versions: {{versions}}`,
  },
};
