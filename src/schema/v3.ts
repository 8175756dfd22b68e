import * as z from 'zod';
import { journeySchemaV2, mapFileSchemaV2 } from './v2';
import type { JourneyBeforeV5, Same } from './v1';

/**
 * Format version 3 of the Waymark map file: version 2 (v2.ts) with service blueprints and the
 * customer's needs and senses — lanes may be of the kinds needs, senses, evidence, frontstage
 * and support, and a card may name its actor ("Receptionist"). The shapes are version 2's with
 * those additions (the lane-kind list and the card fields are read from the model), so a
 * version 2 file is a version 3 file as it stands: MIGRATIONS[2] only renumbers it. The number
 * changes so that a Waymark that predates these lanes says "update Waymark" rather than
 * refusing a lane kind it has never heard of.
 */

export const journeySchemaV3 = journeySchemaV2;

export const mapFileSchemaV3 = mapFileSchemaV2.extend({
  version: z.literal(3),
  journey: journeySchemaV3,
});

export type MapFileV3 = z.output<typeof mapFileSchemaV3>;

/** A compile error when a checked file's journey is not the model's `Journey` without what version 4 added (v4.ts). */
export const journeySchemaV3MatchesJourney: Same<z.output<typeof journeySchemaV3>, Omit<JourneyBeforeV5, 'evidence'>> = true;
