import * as z from 'zod';
import { EVIDENCE_SOURCES, isEvidenceDate, SCORE_SCALES, scoreFits, SENTIMENTS } from '../model/evidence';
import { LIMITS } from '../model/limits';
import { CHANNELS } from '../model/types';
import { idSchema, list, orderSchema, text, type JourneyBeforeV5, type Same } from './v1';
import { journeySchemaV3, mapFileSchemaV3 } from './v3';

/**
 * Format version 4 of the Waymark map file: version 3 (v3.ts) with customer evidence — the
 * journey's `evidence` list (model/evidence.ts: a quote or finding, its source, reference, date,
 * sentiment, count and score, on a card or in the inbox with `cardId` null) and a card's
 * `confidence` (observed, assumed, proposed; model/confidence.ts). Both are additions with
 * defaults, so a version 3 file is a version 4 file as it stands: MIGRATIONS[3] only renumbers
 * it. The number changes so that a Waymark that predates evidence says "update Waymark" rather
 * than dropping the team's research without a word.
 */

export const evidenceSchema = z
  .object({
    id: idSchema,
    cardId: idSchema.nullable().default(null),
    text: text(LIMITS.evidenceText),
    source: z.enum(EVIDENCE_SOURCES).default('other'),
    reference: text(LIMITS.evidenceReference).default(''),
    date: z.string().refine((d) => d === '' || isEvidenceDate(d), 'must be a day as YYYY-MM-DD, or empty').default(''),
    sentiment: z.enum(SENTIMENTS).nullable().default(null),
    count: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(LIMITS.evidenceCount).default(1),
    score: z.number().nullable().default(null),
    scale: z.enum(SCORE_SCALES).nullable().default(null),
    stageId: idSchema.nullable().default(null),
    channel: z.enum(CHANNELS).nullable().default(null),
    addedBy: text(LIMITS.author).default(''),
    order: orderSchema,
  })
  .superRefine((item, ctx) => {
    if (item.score === null) return;
    if (item.scale === null) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'must name the scale (nps, csat or stars) of the score' });
    else if (!scoreFits(item.score, item.scale)) ctx.addIssue({ code: 'custom', path: ['score'], message: `is not a whole number on the ${item.scale} scale` });
  })
  // a scale without a score says nothing; the model keeps neither (evidence.ts, normaliseEvidence)
  .transform((item) => (item.score === null ? { ...item, scale: null } : item));

export const journeySchemaV4 = journeySchemaV3.extend({
  evidence: list(evidenceSchema, LIMITS.evidence).default([]),
});

export const mapFileSchemaV4 = mapFileSchemaV3.extend({
  version: z.literal(4),
  journey: journeySchemaV4,
});

export type MapFileV4 = z.output<typeof mapFileSchemaV4>;

/** A compile error when a checked file's journey is not the model's `Journey` without what version 5 added (v5.ts). */
export const journeySchemaV4MatchesJourney: Same<z.output<typeof journeySchemaV4>, JourneyBeforeV5> = true;
