import type { Messages } from '../types';

export const cli: Messages['cli'] = {
  usage: `Aufruf:
  waymark new --template <{{templates}}> [--lang <{{langs}}>] [--title <Titel>]
      Schreibt eine neue Map-Datei aus einer Vorlage auf die Standardausgabe.
  waymark validate <Datei|->
      Prüft eine Map-Datei; gibt „ok“ aus oder jedes Problem als „Pfad: Grund“.
  waymark diff <alt> <neu> [--format text|json]
      Zeigt, was sich zwischen zwei Dateien einer Map geändert hat: eine Zusammenfassung, dann je Karte eine Zeile.
  waymark evidence <Map> <Feedback.csv> [--out <Datei>]
      Legt die Zeilen einer Datei mit Kundenfeedback in den Beleg-Eingang der Map und schreibt die
      Map zurück (oder nach --out); zeigt erkannte Spalten, Vorschläge und Probleme.
  waymark --help | --version`,
  ok: 'ok',
  unknownCommand: 'Unbekannter Befehl „{{command}}“.',
  unknownTemplate: 'Unbekannte Vorlage „{{template}}“. Möglich sind: {{templates}}.',
  unknownLang: 'Unbekannte Sprache „{{lang}}“. Möglich sind: {{langs}}.',
  missingFile: 'Nennen Sie die zu prüfende Datei oder „-“ für die Standardeingabe.',
  cannotRead: 'kann nicht gelesen werden: {{reason}}',
  badArguments: '{{reason}}',
  diffNeedsTwoFiles: 'Nennen Sie zwei Map-Dateien: zuerst die ältere, dann die neuere.',
  evidence: {
    needsTwoFiles: 'Nennen Sie zuerst die Map-Datei, dann die Feedback-Datei (CSV).',
    added_one: '{{count}} Beleg in den Eingang von „{{title}}“ gelegt.',
    added_other: '{{count}} Belege in den Eingang von „{{title}}“ gelegt.',
    refused_one: '{{count}} Zeile ausgelassen: Eine Map fasst höchstens {{max}} Belege.',
    refused_other: '{{count}} Zeilen ausgelassen: Eine Map fasst höchstens {{max}} Belege.',
    separator: 'Trennzeichen: {{separator}}',
    separators: { comma: 'Komma', semicolon: 'Semikolon', tab: 'Tabulator' },
    columns: 'Spalten:',
    column: '  {{field}} ← „{{header}}“',
    noColumn: '  {{field}}: keine',
    scale: 'Bewertungen gelesen als {{scale}}.',
    defaultSource: 'Zeilen ohne bekannte Quelle zählen als: {{source}}.',
    fields: { text: 'Text', source: 'Quelle', date: 'Datum', score: 'Bewertung', reference: 'Referenz', sentiment: 'Stimmung', count: 'Anzahl', stage: 'Schritt', channel: 'Kanal' },
    suggested: '{{suggested}} von {{total}} Belegen haben einen Kartenvorschlag.',
    topCards: 'Am häufigsten zuerst vorgeschlagene Karten:',
    topCard: '  {{count}} × {{title}} ({{stage}})',
    nothingWritten_one: 'Nichts geschrieben: {{count}} Zelle war nicht lesbar. Korrigieren oder leeren Sie sie und starten Sie erneut.',
    nothingWritten_other: 'Nichts geschrieben: {{count}} Zellen waren nicht lesbar. Korrigieren oder leeren Sie sie und starten Sie erneut.',
    written: 'Map nach {{file}} geschrieben.',
  },
  store: {
    usage: `  waymark store copy --from <DATA_DIR|postgres://…> --to <DATA_DIR|postgres://…> [--force]
      Kopiert alles, was ein Relay speichert (Dokument, Tokens und Sperre jeder Map, Teamräume,
      Versionen), aus einem LevelDB-DATA_DIR nach PostgreSQL oder zurück. Halten Sie die Relays
      vorher an. Ein Ziel, das nicht leer ist, wird nur mit --force genommen (dann zusammengeführt).`,
    unknownSubcommand: 'Unbekannter Speicher-Befehl „{{command}}“. Verwenden Sie: waymark store copy --from <…> --to <…>.',
    needsFromAndTo: 'Nennen Sie beide Speicher: --from <DATA_DIR|postgres://…> --to <DATA_DIR|postgres://…>.',
    sameStore: '--from und --to nennen denselben Speicher.',
    failed: 'Nichts weiter von {{from}} nach {{to}} kopiert: {{reason}}',
    copied: `{{from}} nach {{to}} kopiert:
  Räume: {{rooms}}
  Zugangsdatensätze: {{access}}
  Teamräume: {{spaces}}
  Versionen: {{versions}}`,
  },
};
