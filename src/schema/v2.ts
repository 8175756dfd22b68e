import * as z from 'zod';
import { LIMITS } from '../model/limits';
import { colorSchema, idSchema, journeySchema, list, mapFileSchemaV1, orderSchema, stageSchema, text, type JourneyBeforeV5, type Same } from './v1';

/**
 * Format version 2 of the Waymark map file: version 1 (v1.ts) with phases of the map's own.
 * A phase has an id (the three defaults keep theirs, others are generated), a name, a colour
 * and an order; a stage names any phase of the file (references.ts checks that it exists).
 * Version 1 files are brought here by MIGRATIONS[1] (v1ToV2.ts).
 */

export const phaseSchemaV2 = z.object({
  id: idSchema,
  name: text(LIMITS.name).default(''),
  color: colorSchema,
  order: orderSchema,
});

export const stageSchemaV2 = stageSchema.extend({ phase: idSchema });

export const journeySchemaV2 = journeySchema.extend({
  phases: list(phaseSchemaV2, LIMITS.phases)
    .min(1, 'must list at least one phase')
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'names a phase twice'),
  stages: list(stageSchemaV2, LIMITS.stages),
});

export const mapFileSchemaV2 = mapFileSchemaV1.extend({
  version: z.literal(2),
  journey: journeySchemaV2,
});

export type MapFileV2 = z.output<typeof mapFileSchemaV2>;

/** A compile error when a checked file's journey is not the model's `Journey` without what later versions added. */
export const journeySchemaMatchesJourney: Same<z.output<typeof journeySchemaV2>, Omit<JourneyBeforeV5, 'evidence'>> = true;
