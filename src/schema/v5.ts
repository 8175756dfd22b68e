import * as z from 'zod';
import { LIMITS } from '../model/limits';
import type { Journey } from '../model/types';
import { idSchema, list, personaSchema, type Same } from './v1';
import { stageSchemaV2 } from './v2';
import { journeySchemaV4, mapFileSchemaV4 } from './v4';

/**
 * Format version 5 of the Waymark map file: version 4 (v4.ts) with what team spaces (issue 16)
 * put into a map —
 *   - a stage's `detailMapId`: another map of the space with its detailed sub-journey
 *     (model/detailMap.ts), or null;
 *   - a persona's `libraryId`: the space library persona it was taken from and follows
 *     (model/ops/libraryPersonas.ts), or null;
 *   - a card's `status` (idea, planned, inProgress, done or null), `owner` and `detailMapId`,
 *     which the card's check reads from the field list (model/cardFields.ts) like every card field.
 * All are additions with defaults, so a version 4 file is a version 5 file as it stands:
 * MIGRATIONS[4] only renumbers it. The number changes so that a Waymark that predates spaces
 * says "update Waymark" rather than dropping the team's statuses and links without a word.
 * The ids name things outside the file (a map, a library persona), so only their shape is
 * checked (`idSchema`, the map id rule), never that they resolve.
 */

export const stageSchemaV5 = stageSchemaV2.extend({
  detailMapId: idSchema.nullable().default(null),
});

export const personaSchemaV5 = personaSchema.extend({
  libraryId: idSchema.nullable().default(null),
});

export const journeySchemaV5 = journeySchemaV4.extend({
  stages: list(stageSchemaV5, LIMITS.stages),
  personas: list(personaSchemaV5, LIMITS.personas).default([]),
});

export const mapFileSchemaV5 = mapFileSchemaV4.extend({
  version: z.literal(5),
  journey: journeySchemaV5,
});

export type MapFileV5 = z.output<typeof mapFileSchemaV5>;

/** A compile error when a checked file's journey is not exactly the model's `Journey`, so no import path needs a cast. */
export const journeySchemaV5MatchesJourney: Same<z.output<typeof journeySchemaV5>, Journey> = true;
