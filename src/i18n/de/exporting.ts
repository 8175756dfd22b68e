import type { Messages } from '../types';

export const exporting: Messages['exporting'] = {
  image: {
    kind: 'Customer Journey Map',
    untitled: 'Unbenannte Journey',
    stages_one: '{{count}} Schritt',
    stages_other: '{{count}} Schritte',
    stagesOf_one: '{{count}} von {{total}} Schritten',
    stagesOf_other: '{{count}} von {{total}} Schritten',
    personas: 'Personas',
    unnamedPersona: 'Unbenannte Persona',
    morePersonas_one: '+ {{count}} weitere',
    morePersonas_other: '+ {{count}} weitere',
    footer: 'Erstellt mit Waymark',
  },
  dialog: {
    title: 'Map exportieren',
    close: 'Schließen',
    format: 'Format',
    formats: {
      png: 'PNG-Bild',
      svg: 'SVG-Bild',
      pdf: 'PDF-Dokument',
      json: 'Waymark-Datei (JSON)',
      csv: 'Tabelle (CSV)',
    },
    hints: {
      png: 'Für Folien und Chats. Für den Druck einen größeren Maßstab wählen.',
      svg: 'In jeder Größe scharf; öffnet in Browsern, Figma, Illustrator und Inkscape.',
      pdf: 'Vektorseiten zum Drucken und Weitergeben.',
      json: 'Die vollständige Map, zum erneuten Import oder für Git.',
      csv: 'Eine Zeile pro Karte, für Excel, Numbers oder Google Tabellen.',
    },
    scale: 'Maßstab',
    background: 'Hintergrund',
    backgrounds: { white: 'Weiß', transparent: 'Transparent' },
    paper: 'Papierformat',
    papers: { a4: 'A4', a3: 'A3', letter: 'Letter' },
    pages: 'Seiten',
    pageModes: { fit: 'Auf eine Seite einpassen', tile: 'Auf mehrere Seiten verteilen (lesbarer Druck)' },
    landscape: 'Querformat',
    scope: 'Was exportieren',
    scopes: { all: 'Ganze Map', stages: 'Ausgewählte Schritte' },
    stagesLegend: 'Schritte',
    selectAll: 'Alle auswählen',
    selectNone: 'Keine auswählen',
    noStages: 'Wählen Sie mindestens einen Schritt.',
    comments: 'Kommentare einschließen',
    export: 'Exportieren',
    exporting: 'Wird exportiert …',
    progress: 'Export: {{percent}} %',
    done: '„{{file}}“ gespeichert.',
    failed: 'Der Export ist fehlgeschlagen: {{reason}}',
    reducedScale: 'Diese Map ist für {{wanted}}× im Browser zu groß; sie wird mit {{scale}}× exportiert.',
    size: '{{width}} × {{height}} px',
  },
  import: {
    button: 'Importieren',
    buttonHint: 'Eine Waymark-Datei (.json), eine Tabelle (.csv) oder eine OpenJourney-Map (.ojf) importieren',
    drop: 'Datei hier ablegen, um sie als neue Map zu importieren',
    importing: '„{{file}}“ wird importiert …',
    imported: '„{{title}}“ importiert',
    problemsTitle: '„{{file}}“ konnte nicht importiert werden',
    problemsIntro_one: 'In Ihrer Bibliothek wurde nichts geändert. Es gibt ein Problem:',
    problemsIntro_other: 'In Ihrer Bibliothek wurde nichts geändert. Es gibt {{count}} Probleme:',
    moreProblems_one: '… und {{count}} weiteres Problem',
    moreProblems_other: '… und {{count}} weitere Probleme',
    close: 'Schließen',
    unknownFormat: 'ist keine Datei, die Waymark importieren kann: erwartet wird eine Waymark-Map (.json), ein CSV-Export (.csv) oder eine OpenJourney-Map (.ojf)',
    cannotRead: 'kann nicht gelesen werden: {{reason}}',
  },
  cli: {
    usage: `  waymark export <Datei|-> --format <{{formats}}> [--out <Pfad>] [--lang <{{langs}}>] [--stages <id,id,…>]
                 [--paper <{{papers}}>] [--pages <fit|tile>]
      Schreibt die Map als {{formatNames}}.
      Ohne --format entscheidet die Endung von --out.
      Ein PDF hat Seiten im Querformat: die ganze Map auf einer (--pages fit, Standard) oder in Druckgröße über mehrere verteilt (--pages tile).
      {{browserOnly}}: zeichnet ein Browser, daher nur über den Export-Dialog der App.
  waymark import <Datei.ojf|Datei.csv|Datei.json|-> [--out <Pfad>] [--title <Titel>]
      Wandelt eine OpenJourney-Map, einen CSV-Export oder eine Waymark-Datei in eine neue Waymark-Map-Datei um.`,
    missingFile: 'Nennen Sie die Datei oder „-“ für die Standardeingabe.',
    unknownFormat: 'Unbekanntes Format „{{format}}“. Möglich sind: {{formats}}.',
    needsBrowser: '{{name}} zeichnet ein Browser; hier lässt es sich nicht erstellen. Exportieren Sie es über den Export-Dialog der App oder wählen Sie: {{formats}}.',
    unknownOption: 'Unbekannter Wert „{{value}}“ für {{option}}. Möglich sind: {{values}}.',
    unknownStage: 'Diese Map hat keinen Schritt mit der ID „{{id}}“.',
    cannotWrite: '{{file}}: kann nicht geschrieben werden: {{reason}}',
  },
};
