import type { Messages } from '../types';

export const app: Messages['app'] = {
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
};
