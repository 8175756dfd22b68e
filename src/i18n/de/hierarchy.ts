/** Journey-Hierarchie (Issue 16): vom Schritt oder von der Karte in eine Detail-Map und zurück. */
export const hierarchy = {
  stage: {
    open: 'Detail-Map „{{title}}“ öffnen: {{cards}}, {{feeling}}',
    feeling: 'im Mittel {{label}} ({{score}})',
    noFeeling: 'noch keine Gefühle bewertet',
    missing: 'Detail-Map nicht in diesem Teamraum',
    missingHint: 'Die Map, in die dieser Schritt führt, ist nicht im Teamraum der offenen Map, oder dieses Gerät ist ihm nicht beigetreten.',
  },
  card: {
    open: 'Detail-Map „{{title}}“ öffnen',
    missing: 'Führt in eine Map, die nicht in diesem Teamraum ist',
  },
  trail: {
    label: 'Zurück nach oben in der Journey-Hierarchie',
    back: 'Zurück zu „{{title}}“',
    levels_one: '{{count}} Stufe darüber',
    levels_other: '{{count}} Stufen darüber',
  },
  /** a link to a map of the space archived since, in the inspector's choice */
  archived: '{{title}} (archiviert)',
  untitled: 'Unbenannte Map',
};
