import { stageEmotionScores } from '../emotionCurve';
import { isDefaultPhaseId } from '../phases';
import { defaultPhaseName, shownPhaseName } from '../phaseNames';
import type { Journey } from '../types';
import { SPACE_LIMITS, type SpaceMapEntry } from './types';
import { boundedText, countOf, emotionOf, entryPersonas, entryPhases, MAX_CARD_COUNT, MAX_STAGE_COUNT, thumbnailOf, timeOf } from './values';

/** What a device reports about a map: everything of its entry but what the team sets in the library. */
export type MapReport = Omit<SpaceMapEntry, 'tags' | 'archived' | 'createdAt'>;

export interface MapReportOptions {
  /** ms since the epoch of the change being reported */
  now: number;
  /** the display name of who made it */
  by: string;
  /** the map's thumbnail SVG, or '' when none was drawn */
  thumbnail: string;
}

/**
 * A map's entry for the space index, worked out from the journey a device has open, so that
 * reporting a map is one call: `putMapEntry(indexDoc, mapEntryFromJourney(journey, …))`. What it
 * returns is already clamped as the index reads it, so a report of an unchanged map writes
 * nothing.
 *
 * Phases are those that hold at least one stage, in the map's order, named as the map shows
 * them (a default phase never renamed in the map's own language, phaseNames.ts): the library's
 * phase filter then finds the maps that have stages in "Onboarding", not every map that has the
 * three default phases.
 */
export function mapEntryFromJourney(journey: Journey, options: MapReportOptions): MapReport {
  const used = new Set(journey.stages.map((stage) => stage.phase));
  const phases = journey.phases
    .filter((phase) => used.has(phase.id))
    .map((phase) => shownPhaseName(phase, isDefaultPhaseId(phase.id) ? defaultPhaseName(phase.id, journey.locale) : ''));
  return {
    id: journey.id,
    title: boundedText(journey.title, SPACE_LIMITS.mapTitle),
    updatedAt: timeOf(options.now),
    updatedBy: boundedText(options.by, SPACE_LIMITS.updatedBy),
    thumbnail: thumbnailOf(options.thumbnail),
    personas: entryPersonas(journey.personas.map((persona) => persona.name)),
    phases: entryPhases(phases),
    stageCount: countOf(journey.stages.length, MAX_STAGE_COUNT),
    cardCount: countOf(journey.cards.length, MAX_CARD_COUNT),
    emotion: mapEmotion(journey),
  };
}

/**
 * How a map's journey feels overall, for a high-level map's stage that drills down to it: the
 * mean of its stage scores (the emotion curve's points, `stageEmotionScores` over the map's
 * Feelings lanes), each stage counting once however many cards scored it, to one decimal; null
 * when no stage is scored. Only stages the map still has count (a card a peer left in a deleted
 * stage is not on the curve either).
 */
export function mapEmotion(journey: Pick<Journey, 'stages' | 'lanes' | 'cards'>): number | null {
  const emotionLanes = new Set(journey.lanes.filter((lane) => lane.kind === 'emotions').map((lane) => lane.id));
  if (emotionLanes.size === 0) return null;
  const scores = stageEmotionScores(journey.cards, emotionLanes);
  let total = 0;
  let count = 0;
  for (const stage of journey.stages) {
    const score = scores.get(stage.id);
    if (score === undefined) continue;
    total += score;
    count += 1;
  }
  return count === 0 ? null : emotionOf(total / count);
}
