import type { Messages } from '../types';

export const app: Messages['app'] = {
  name: 'Waymark',
  tagline: 'Customer Journey Maps, die Ihrem Team gehören',
  untitledMap: 'Neue Customer Journey',
  export: 'Exportieren',
  present: 'Präsentieren',
  mapTitle: 'Titel der Map',
  renameMap: 'Map umbenennen',
  loadingMap: 'Map wird geöffnet …',
  mapNotFound: 'Diese Map ist nicht auf diesem Gerät',
  mapNotFoundHint: 'Sie wurde vielleicht gelöscht oder auf einem anderen Gerät bzw. in einem anderen Browser angelegt.',
  backToLibrary: 'Zurück zu allen Maps',
  notFound: 'Unter dieser Adresse gibt es nichts.',
  panels: { subject: { card: 'Karte', cards: 'Karten', stage: 'Schritt', nothing: 'Details' }, label: 'Seitenleiste', inspector: 'Karte', personas: 'Personas', comments: 'Kommentare', workshop: 'Workshop', versions: 'Versionsverlauf', unread_one: '{{count}} ungelesener Thread', unread_other: '{{count}} ungelesene Threads' },
  saveStatus: {
    loading: 'Wird geöffnet …',
    saving: 'Wird gespeichert …',
    saved: 'Auf diesem Gerät gespeichert',
    unavailable: 'Nicht auf diesem Gerät gespeichert',
    'quota-exceeded': 'Nicht gespeichert: Speicher voll',
    failed: 'Nicht gespeichert',
  },
  storage: {
    unavailable: 'Dieser Browser erlaubt Waymark nicht, Maps auf diesem Gerät zu speichern (privates Fenster oder blockierte Websitedaten). Sie können weiterarbeiten, aber die Map geht beim Schließen des Tabs verloren – exportieren Sie sie, um sie zu behalten.',
    'quota-exceeded': 'Der Speicher des Geräts ist voll. Ihre letzten Änderungen bleiben in diesem Tab erhalten und werden gespeichert, sobald wieder Platz ist. Früher Gespeichertes geht nicht verloren.',
    failed: 'Ihre letzten Änderungen konnten nicht gespeichert werden. Sie bleiben in diesem Tab erhalten; Waymark versucht es bei der nächsten Änderung erneut.',
    retry: 'Jetzt erneut versuchen',
  },
  language: 'Sprache',
  languages: { en: 'English', de: 'Deutsch' },
  onDemand: {
    loading: 'Wird geladen …',
    failed: 'Dieser Teil von Waymark konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
    retry: 'Erneut versuchen',
  },
};
