import * as z from 'zod';
import { LIMITS } from '../model/limits';
import { isValidOrderKey } from '../model/order';
import type { CARD_FIELDS, FileSchemaKit } from '../model/cardFields';
import { cardFieldEntries } from '../model/cardRecord';
import { DEFAULT_PHASE_IDS, LANE_KINDS, SUPPORTED_LOCALES, type Card, type Comment, type Journey, type Persona, type Stage, type VoteDot, type VoteRound } from '../model/types';
import { imagesSchema } from './images';

/**
 * Format version 1 of the Waymark map file:
 *   { "format": "waymark", "version": 1, "journey": {…}, "feedback": { "comments": […], "rounds": […], "dots": […] }, "images": […] }
 * The feedback's threads (a comment's parentId, authorId, mentions), rounds and dots came later
 * and all have defaults, so files written before them still read; the version did not change.
 * Version 1 knew only the three default phases; version 2 (v2.ts) builds on this one and
 * differs only in phases, so everything else is defined here once.
 * Fields with a sensible default may be left out of a hand-written file; every string and list
 * has a ceiling, so a hostile file cannot make the app allocate without bound.
 */

export const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);
export const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `has more than ${max} entries`);

export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'is longer than 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may only contain letters, digits, "-" and "_"');

export const orderSchema = z.string().refine(isValidOrderKey, 'is not a valid order key (a fractional index such as "a0")');
export const colorSchema = z
  .string()
  .max(LIMITS.color)
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'must be a hex colour such as "#2563eb"');
const isoDate = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date and time');

/** A version 1 phase: one of the defaults, with its name. */
export const phaseSchema = z.object({ id: z.enum(DEFAULT_PHASE_IDS), name: text(LIMITS.name) });

export const stageSchema = z.object({
  id: idSchema,
  name: text(LIMITS.name),
  phase: z.enum(DEFAULT_PHASE_IDS),
  order: orderSchema,
  color: colorSchema.nullable().default(null),
  description: text(LIMITS.description).default(''),
});

export const laneSchema = z.object({
  id: idSchema,
  name: text(LIMITS.name),
  kind: z.enum(LANE_KINDS),
  order: orderSchema,
  collapsed: z.boolean().default(false),
});

/** What each card field's check is built from (model/cardFields.ts). */
const fileSchemaKit: FileSchemaKit = { z, text, list, id: idSchema, order: orderSchema, color: colorSchema };

type CardShape = { [K in keyof typeof CARD_FIELDS]: ReturnType<(typeof CARD_FIELDS)[K]['file']> };

/** One check per card field, from the field list; the list has exactly Card's fields, hence the cast. */
function cardShape(): CardShape {
  return Object.fromEntries(cardFieldEntries().map(([name, spec]) => [name, spec.file(fileSchemaKit)])) as unknown as CardShape;
}

export const cardSchema = z.object(cardShape());

/** True only when A and B are the same type (not merely assignable one way). */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** A type written out key by key, so `Same` compares it with a zod output (an intersection would never match). */
export type Flat<T> = { [K in keyof T]: T[K] };

/**
 * The model's journey as format versions 2 to 4 check it: without what version 5 added, a
 * stage's `detailMapId` and a persona's `libraryId` (v5.ts). Their `Same` checks compare with it.
 */
export type JourneyBeforeV5 = Flat<
  Omit<Journey, 'stages' | 'personas'> & { stages: Flat<Omit<Stage, 'detailMapId'>>[]; personas: Flat<Omit<Persona, 'libraryId'>>[] }
>;

/** A compile error when a parsed card is not exactly a `Card`, so imports need no casts. */
export const cardSchemaMatchesCard: Same<z.output<typeof cardSchema>, Card> = true;

export const personaSchema = z.object({
  id: idSchema,
  name: text(LIMITS.name),
  role: text(LIMITS.name).default(''),
  // added after format 1 was published: older files have none
  age: text(LIMITS.personaAge).default(''),
  quote: text(LIMITS.personaText).default(''),
  goals: list(text(LIMITS.personaText), LIMITS.personaListItems).default([]),
  frustrations: list(text(LIMITS.personaText), LIMITS.personaListItems).default([]),
  color: colorSchema,
  order: orderSchema,
});

export const linkSchema = z.object({
  id: idSchema,
  fromCardId: idSchema,
  toCardId: idSchema,
  label: text(LIMITS.linkLabel).default(''),
});

/** A person's identity id (an author, a voter, someone @mentioned). */
const identityIdSchema = z.string().min(1, 'must not be empty').max(LIMITS.identityId, `is longer than ${LIMITS.identityId} characters`);

export const commentSchema = z.object({
  id: idSchema,
  cardId: idSchema,
  parentId: idSchema.nullable().default(null),
  author: text(LIMITS.author),
  authorId: z.union([z.literal(''), identityIdSchema]).default(''),
  text: text(LIMITS.commentText),
  mentions: list(identityIdSchema, LIMITS.mentionsPerComment).default([]),
  at: isoDate,
  resolved: z.boolean().default(false),
  /** offered as customer evidence in a workshop (src/model/observations.ts); files before it have none */
  observation: z.boolean().default(false),
});

export const voteRoundSchema = z.object({
  id: idSchema,
  title: text(LIMITS.roundTitle),
  votesPerPerson: z
    .number()
    .int('must be a whole number')
    .min(1, `must be between 1 and ${LIMITS.votesPerPerson}`)
    .max(LIMITS.votesPerPerson, `must be between 1 and ${LIMITS.votesPerPerson}`),
  laneIds: list(idSchema, LIMITS.lanes).default([]),
  anonymous: z.boolean().default(false),
  startedAt: isoDate,
  startedBy: text(LIMITS.author).default(''),
  endsAt: isoDate.nullable().default(null),
  status: z.enum(['open', 'closed', 'revealed']),
});

export const voteDotSchema = z.object({
  id: idSchema,
  roundId: idSchema,
  cardId: idSchema,
  voterId: identityIdSchema,
  voterName: text(LIMITS.author).default(''),
  at: isoDate,
});

export const journeySchema = z.object({
  id: idSchema,
  title: text(LIMITS.mapTitle),
  description: text(LIMITS.description).default(''),
  locale: z.enum(SUPPORTED_LOCALES),
  createdAt: isoDate,
  phases: z
    .array(phaseSchema)
    .max(DEFAULT_PHASE_IDS.length)
    .default([])
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'names a phase twice'),
  stages: list(stageSchema, LIMITS.stages),
  lanes: list(laneSchema, LIMITS.lanes),
  cards: list(cardSchema, LIMITS.cards),
  personas: list(personaSchema, LIMITS.personas).default([]),
  links: list(linkSchema, LIMITS.links).default([]),
});

export const mapFileSchemaV1 = z.object({
  format: z.literal('waymark'),
  version: z.literal(1),
  journey: journeySchema,
  feedback: z
    .object({
      comments: list(commentSchema, LIMITS.comments).default([]),
      rounds: list(voteRoundSchema, LIMITS.rounds).default([]),
      dots: list(voteDotSchema, LIMITS.dots).default([]),
    })
    .default({ comments: [], rounds: [], dots: [] }),
  /** the cards' images (schema/images.ts); files written before images had none */
  images: imagesSchema,
});

export type MapFileV1 = z.output<typeof mapFileSchemaV1>;

/** Compile errors when a checked file does not give exactly the model's types, so no import path needs a cast (the journey: v2.ts). */
export const feedbackSchemaMatchesFeedback: Same<MapFileV1['feedback'], { comments: Comment[]; rounds: VoteRound[]; dots: VoteDot[] }> = true;
