import * as z from 'zod';
import { LANE_KINDS } from '../../model/laneKinds';
import { LIMITS } from '../../model/limits';
import { CHANNELS, CONFIDENCE_LEVELS, OPPORTUNITY_STATUSES, SUPPORTED_LOCALES } from '../../model/types';
import { colorSchema, idSchema } from '../../schema/v1';
import { phaseSchemaV2 } from '../../schema/v2';
import { personaSchemaV5 } from '../../schema/v5';

/**
 * What a Waymark export adds to an OpenJourney file under the key `waymark` of the root, each
 * stage, swimlane, node and blueprint entry: the facts OpenJourney has no field for (a stage's
 * phase, a lane's kind, a card's channel and personas, links that are no blueprint link…). The
 * reference tool keeps fields it does not know (it copies objects whole), so a map that went
 * there and back keeps them; our import reads them back. Each piece is checked on its own and
 * one that does not check is ignored, never refused: it is a hint, the OpenJourney fields are
 * the map.
 */

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const cardId = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);

export const rootExtension = z.object({
  locale: lenient(z.enum(SUPPORTED_LOCALES)),
  phases: lenient(z.array(phaseSchemaV2).min(1).max(LIMITS.phases)),
  /** the map's personas as the map file has them (schema/v5.ts), with the space library persona each follows */
  personas: lenient(z.array(personaSchemaV5).max(LIMITS.personas)),
  links: lenient(z.array(z.object({ from: cardId, to: cardId, label: text(LIMITS.linkLabel) })).max(LIMITS.links)),
  /** the map's customer evidence, items as the map file has them (schema/v4.ts), each checked on its own on import */
  evidence: lenient(z.array(z.unknown()).max(LIMITS.evidence)),
});

export const stageExtension = z.object({
  phase: lenient(z.string().max(64)),
  color: lenient(colorSchema.nullable()),
  /** the stage's description: OpenJourney stages have none */
  description: lenient(text(LIMITS.description)),
  /** the map of the space with the stage's detailed sub-journey (model/detailMap.ts) */
  detailMapId: lenient(idSchema.nullable()),
});

export const laneExtension = z.object({
  kind: lenient(z.enum(LANE_KINDS)),
  collapsed: lenient(z.boolean()),
});

/** A field the export made up (from the emotion, the lane's kind, the card's id) and so no fact of its own. */
const derived = z.object({
  id: lenient(z.union([z.string(), z.number()])),
  score: lenient(z.number().nullable()),
  sentiment: lenient(z.string()),
  purpose: lenient(z.string()),
});

/** Card fields of both nodes and blueprint entries. */
const cardFacts = {
  /** the card's id in the map it was exported from: what `links` name */
  id: lenient(cardId),
  /** the card's place among all cards, so cards come back in the order they had in their cells */
  seq: lenient(z.number().int().min(0)),
  channel: lenient(z.enum(CHANNELS).nullable()),
  personaIds: lenient(z.array(cardId).max(LIMITS.personasPerCard)),
  votes: lenient(z.number().int().min(0).max(1_000_000)),
  confidence: lenient(z.enum(CONFIDENCE_LEVELS).nullable()),
  /** the opportunity board's status and owner (model/opportunityStatus.ts) */
  status: lenient(z.enum(OPPORTUNITY_STATUSES).nullable()),
  owner: lenient(text(LIMITS.owner)),
  /** the map of the space with the card's detailed sub-journey (model/detailMap.ts) */
  detailMapId: lenient(idSchema.nullable()),
  /** lines below the details marker that were no `key: value` */
  lines: lenient(z.array(text(LIMITS.cardBody)).max(200)),
};

export const nodeExtension = z.object({
  ...cardFacts,
  actor: lenient(text(LIMITS.actor)),
  derived: lenient(derived),
});

export const entryExtension = z.object({
  ...cardFacts,
  /** the swimlane (its id in the file) the card was in, when the map had more than one lane of its kind */
  lane: lenient(z.union([z.string(), z.number()])),
  description: lenient(text(LIMITS.cardBody)),
  tags: lenient(z.array(text(LIMITS.tag)).max(LIMITS.tagsPerCard)),
  emotion: lenient(z.number().int().min(-3).max(3).nullable()),
  color: lenient(colorSchema.nullable()),
  momentOfTruth: lenient(z.boolean()),
  linkLabel: lenient(text(LIMITS.linkLabel)),
  /** evidence only: its shape in the file has no actor */
  actor: lenient(text(LIMITS.actor)),
});

export type RootExtension = z.output<typeof rootExtension>;
export type NodeExtension = z.output<typeof nodeExtension>;
export type EntryExtension = z.output<typeof entryExtension>;

/** The extension read leniently: what checks, and nothing for the rest. */
export function readExtension<T extends z.ZodObject>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {});
  return (parsed.success ? parsed.data : schema.parse({})) as z.output<T>;
}
