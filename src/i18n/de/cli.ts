import type { Messages } from '../types';

export const cli: Messages['cli'] = {
  usage: `Aufruf:
  waymark new --template <{{templates}}> [--lang <{{langs}}>] [--title <Titel>]
      Schreibt eine neue Map-Datei aus einer Vorlage auf die Standardausgabe.
  waymark validate <Datei|->
      Prüft eine Map-Datei; gibt „ok“ aus oder jedes Problem als „Pfad: Grund“.
  waymark diff <alt> <neu> [--format text|json]
      Zeigt, was sich zwischen zwei Dateien einer Map geändert hat: eine Zusammenfassung, dann je Karte eine Zeile.
  waymark --help | --version`,
  ok: 'ok',
  unknownCommand: 'Unbekannter Befehl „{{command}}“.',
  unknownTemplate: 'Unbekannte Vorlage „{{template}}“. Möglich sind: {{templates}}.',
  unknownLang: 'Unbekannte Sprache „{{lang}}“. Möglich sind: {{langs}}.',
  missingFile: 'Nennen Sie die zu prüfende Datei oder „-“ für die Standardeingabe.',
  cannotRead: 'kann nicht gelesen werden: {{reason}}',
  badArguments: '{{reason}}',
  diffNeedsTwoFiles: 'Nennen Sie zwei Map-Dateien: zuerst die ältere, dann die neuere.',
};
