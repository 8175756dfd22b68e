// A space's index document, its operations and the space-wide views built from its maps (issue 16).
export * from './types';
export * from './doc';
export * from './ops';
export * from './entryFromJourney';
export * from './search';
export * from './personaJourneys';
