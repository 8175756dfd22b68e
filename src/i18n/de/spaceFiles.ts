import type { Messages } from '../types';

/** Dateien für einen ganzen Teamraum (Issue 16). */
export const spaceFiles: Messages['spaceFiles'] = {
  export: {
    button: 'Teamraum exportieren',
    hint: 'Alle Maps dieses Teamraums, die dieses Gerät hat, mit der Persona-Bibliothek als eine ZIP-Datei herunterladen',
    busy: 'Wird exportiert…',
    failed: 'Der Teamraum konnte nicht exportiert werden: {{reason}}',
  },
  import: {
    hint: 'Einen Teamraum aus einem Export (.waymark-space.zip) neu anlegen',
    orRecreate: '…oder einen aus einem Export neu anlegen',
    busy: 'Der Teamraum wird importiert…',
    invalid: 'Diese Datei kann nicht als Teamraum importiert werden; nichts wurde geändert:',
    more_one: '…und {{count}} weiteres Problem.',
    more_other: '…und {{count}} weitere Probleme.',
    offline: 'Der Server ist nicht erreichbar. Ein Teamraum braucht ihn einmal, um angelegt zu werden; nichts wurde geändert. Versuchen Sie es wieder, wenn Sie online sind.',
    failed: 'Der Teamraum konnte nicht importiert werden: {{reason}}',
    done_one: '„{{name}}“ wurde als neuer Teamraum mit {{count}} Map importiert.',
    done_other: '„{{name}}“ wurde als neuer Teamraum mit {{count}} Maps importiert.',
  },
  cli: {
    usage: `  waymark space validate <datei.waymark-space.zip>
      Prüft einen Teamraum-Export; gibt Name, Maps, Karten und Personas des Teamraums aus,
      oder jedes Problem als „Datei: Pfad: Grund“ auf der Standardfehlerausgabe.`,
    missingFile: 'Nennen Sie den zu prüfenden Teamraum-Export (eine .waymark-space.zip-Datei).',
    unknownSubcommand: 'Unbekannter Teamraum-Befehl „{{command}}“. Verwenden Sie: waymark space validate <datei>.',
    summary: `ok: Teamraum „{{name}}“
Maps: {{maps}}
Karten: {{cards}}
Personas: {{personas}}`,
  },
};
