import type { Messages } from '../types';

/** Präsentationsmodus: ein Schritt (oder eine Phase) nach dem anderen, im Vollbild. */
export const present: Messages['present'] = {
  documentTitle: '{{title}} · Präsentation',
  stageOf: 'Schritt {{index}} von {{count}}',
  phaseOf: 'Phase {{index}} von {{count}}',
  announceStage: 'Schritt {{index}} von {{count}}: {{name}}',
  announcePhase: 'Phase {{index}} von {{count}}: {{name}}',
  previousStage: 'Vorheriger Schritt',
  nextStage: 'Nächster Schritt',
  previousPhase: 'Vorherige Phase',
  nextPhase: 'Nächste Phase',
  exit: 'Präsentation beenden',
  notes: 'Sprechernotizen',
  noNotes: 'Für diesen Schritt gibt es noch keine Notizen. Sie entstehen aus der Beschreibung des Schritts im Editor.',
  mode: {
    label: 'Präsentieren',
    stage: 'Schritt für Schritt',
    phase: 'Phase für Phase',
  },
  fullscreen: 'Vollbild',
  exitFullscreen: 'Vollbild beenden',
  progress: 'Fortschritt der Journey',
  goToStage: 'Schritt {{index}}: {{name}}',
  feeling: 'Gefühl',
  noFeeling: 'Kein Gefühl bewertet',
  emptyLane: 'Noch nichts eingetragen',
  noStages: 'Diese Map hat noch keine Schritte. Lege im Editor einen an und präsentiere dann.',
  backToEditor: 'Zurück zum Editor',
  keys: '← → blättern · N Notizen · P Schritt / Phase · F Vollbild · Esc beenden',
};
