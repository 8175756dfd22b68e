import type { Messages } from './en';

export const de: Messages = {
  app: {
    name: 'Waymark',
    tagline: 'Customer Journey Maps, die Ihrem Team gehören',
    language: 'Sprache',
    languages: { en: 'English', de: 'Deutsch' },
    library: {
      heading: 'Eine Journey Map beginnen',
      intro: 'Wählen Sie eine Vorlage. Jede ist eine vollständige Journey zum Anpassen: Phasen, Personas, Touchpoints, eine Emotionskurve, Schmerzpunkte und Chancen.',
      templateLanguage: 'Sprache der Vorlage',
      stats: '{{stages}} Phasen · {{lanes}} Ebenen · {{cards}} Karten · {{personas}} Personas',
      download: 'Map-Datei herunterladen',
      downloadHint: 'Speichert die Map als .waymark.json-Datei, die Sie in Git ablegen und mit „npx waymark validate“ prüfen können.',
    },
    templates: {
      retail: 'Einkauf im Handel, online und im Geschäft',
      saas: 'SaaS: vom Test bis zur Verlängerung',
      service: 'Servicetermin und Reparatur',
      blank: 'Leere Map mit den Standardebenen',
    },
  },
  cli: {
    usage: `Aufruf:
  waymark new --template <{{templates}}> [--lang <{{langs}}>] [--title <Titel>]
      Schreibt eine neue Map-Datei aus einer Vorlage auf die Standardausgabe.
  waymark validate <Datei|->
      Prüft eine Map-Datei; gibt „ok“ aus oder jedes Problem als „Pfad: Grund“.
  waymark --help | --version`,
    ok: 'ok',
    unknownCommand: 'Unbekannter Befehl „{{command}}“.',
    unknownTemplate: 'Unbekannte Vorlage „{{template}}“. Möglich sind: {{templates}}.',
    unknownLang: 'Unbekannte Sprache „{{lang}}“. Möglich sind: {{langs}}.',
    missingFile: 'Nennen Sie die zu prüfende Datei oder „-“ für die Standardeingabe.',
    cannotRead: 'kann nicht gelesen werden: {{reason}}',
    badArguments: '{{reason}}',
  },
};
