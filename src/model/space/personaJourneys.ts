import { stageEmotionScores } from '../emotionCurve';
import { foldWords } from '../foldWords';
import type { Journey, Persona } from '../types';

/**
 * Every journey of a space a persona appears in, with each journey's emotion curve stage by
 * stage, for the persona page to draw them side by side ("where does Anna suffer most?").
 *
 * A map's persona is the library persona when it is linked to it (its `libraryId`, set when a
 * map uses a persona of the space's library): a linked persona matches by that id only, so a
 * map's own "Anna" is not taken for the library's "Anna", and a renamed library persona still
 * finds its maps. A persona that is not linked (maps from before the library, or a persona a
 * map made itself) matches by name, folded (case, accents, "ß"), as a team would recognise it.
 */

export interface PersonaMatcher {
  /** the library persona's id: a map persona linked to it matches */
  libraryId?: string | null;
  /** the persona's name: an unlinked map persona of that name (folded) matches */
  name?: string | null;
}

export interface PersonaJourneyStage {
  id: string;
  /** as typed in the map; '' when it has none */
  name: string;
  phase: string;
  /** the map's emotion curve at this stage (emotionCurve.ts), null where no feeling was scored */
  score: number | null;
  /** the same, from only the scored cards tagged with this persona; null where there are none */
  personaScore: number | null;
}

export interface PersonaJourney {
  mapId: string;
  title: string;
  /** the map's personas that are this persona (usually one) */
  personaIds: string[];
  /** in the map's order */
  stages: PersonaJourneyStage[];
}

export interface PersonaMap {
  id: string;
  title: string;
  journey: Pick<Journey, 'personas' | 'stages' | 'lanes' | 'cards'>;
}

function sameName(name: string): string {
  return foldWords(name).trim().replace(/\s+/g, ' ');
}

/** The map persona's link to the library, read defensively: the field is newer than many maps and any peer may have written it. */
function libraryIdOf(persona: Persona): string | null {
  const value = (persona as { libraryId?: unknown }).libraryId;
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Whether a map's persona is the one the matcher names. */
export function isSamePersona(persona: Persona, matcher: PersonaMatcher): boolean {
  const linked = libraryIdOf(persona);
  if (linked !== null) return typeof matcher.libraryId === 'string' && linked === matcher.libraryId;
  if (typeof matcher.name !== 'string') return false;
  const wanted = sameName(matcher.name);
  return wanted !== '' && sameName(persona.name) === wanted;
}

/** The maps the persona appears in (in the order given) with their curves; a name alone is a matcher by name. */
export function personaJourneys(matcher: PersonaMatcher | string, maps: readonly PersonaMap[]): PersonaJourney[] {
  const match: PersonaMatcher = typeof matcher === 'string' ? { name: matcher } : matcher;
  const out: PersonaJourney[] = [];
  for (const map of maps) {
    const { journey } = map;
    const personaIds = journey.personas.filter((persona) => isSamePersona(persona, match)).map((persona) => persona.id);
    if (personaIds.length === 0) continue;
    const emotionLanes = new Set(journey.lanes.filter((lane) => lane.kind === 'emotions').map((lane) => lane.id));
    const scores = stageEmotionScores(journey.cards, emotionLanes);
    const theirs = new Set(personaIds);
    const personaScores = stageEmotionScores(
      journey.cards.filter((card) => card.personaIds.some((id) => theirs.has(id))),
      emotionLanes,
    );
    out.push({
      mapId: map.id,
      title: map.title,
      personaIds,
      stages: journey.stages.map((stage) => ({
        id: stage.id,
        name: stage.name,
        phase: stage.phase,
        score: scores.get(stage.id) ?? null,
        personaScore: personaScores.get(stage.id) ?? null,
      })),
    });
  }
  return out;
}
