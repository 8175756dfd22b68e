import * as z from 'zod';
import { newId, newMapId } from '../model/ids';
import { defaultCard } from '../model/cardRecord';
import { laneKindFromWords } from '../model/laneKindLookup';
import { FALLBACK_LANE_KIND } from '../model/laneKinds';
import { LIMITS } from '../model/limits';
import { ordersAfter } from '../model/order';
import { defaultPhases } from '../model/phases';
import { DEFAULT_PHASE_IDS, EMOTION_MAX, type Card, type Journey, type Lane, type LaneKind, type Persona, type Stage } from '../model/types';
import { fileSizeIssue } from '../schema/file';
import { issue, type FileIssue } from '../schema/issues';
import { finish, guard, type ImportOptions, type ImportOutcome } from './importOutcome';

/**
 * OpenJourney (.ojf), the JSON of the Ptolemy journey mapper:
 *   { version, persona?, pointOfView?, stages: [{ id, name }], swimlanes: [{ id, name }],
 *     nodes: [{ id?, stageId, swimlaneId, title, description, severity, score (-5…+5),
 *               sentiment, purpose, isMomentOfTruth, icon, iconColor, tags,
 *               blueprint: { evidence, onstage, backstage, support } }] }
 *
 * Every node becomes a card in its stage and the lane made from its swimlane; a swimlane's name
 * picks the lane kind ("Pain Points" → pains, in English or German). Scores (-5…+5) become
 * emotions (-3…+3, rounded) and the original stays on the card as the tag `ojf:score=4` and a
 * line in its body. Blueprint fields become cards in a Backstage lane (made if the map has
 * none). Whatever has no field of its own in Waymark — severity, sentiment, purpose, icons,
 * fields this importer does not know — is written into the card's body: nothing is dropped.
 */

const MAX_TEXT = 100_000;
const idValue = z.union([z.string().max(200), z.number()]);
const optionalText = (max = MAX_TEXT) => z.string().max(max, `is longer than ${max} characters`).nullish();
const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]).nullish();
const textOrList = z.union([z.string().max(LIMITS.cardBody), z.array(z.string().max(LIMITS.cardBody)).max(100)]).nullish();

const nodeSchema = z.object({
  id: idValue.nullish(),
  stageId: idValue,
  swimlaneId: idValue,
  title: optionalText(),
  description: optionalText(),
  severity: scalar,
  score: z.number().min(-5, 'must be between -5 and +5').max(5, 'must be between -5 and +5').nullish(),
  sentiment: scalar,
  purpose: optionalText(),
  isMomentOfTruth: z.boolean().nullish(),
  icon: z.string().max(200).nullish(),
  iconColor: z.string().max(200).nullish(),
  tags: z.array(z.union([z.string().max(1000), z.number()])).max(500).nullish(),
  blueprint: z
    .object({ evidence: textOrList, onstage: textOrList, backstage: textOrList, support: textOrList })
    .nullish(),
});

const personaSchema = z.union([
  z.string().max(5000),
  z.object({
    name: z.string().max(1000).nullish(),
    role: z.string().max(1000).nullish(),
    description: z.string().max(5000).nullish(),
    quote: z.string().max(5000).nullish(),
    goals: z.array(z.string().max(1000)).max(100).nullish(),
    frustrations: z.array(z.string().max(1000)).max(100).nullish(),
  }),
]);

const ojfSchema = z.object({
  version: z.union([z.string().max(50), z.number()]),
  title: z.string().max(1000).nullish(),
  name: z.string().max(1000).nullish(),
  persona: personaSchema.nullish(),
  pointOfView: optionalText(LIMITS.description),
  stages: z.array(z.object({ id: idValue, name: z.string().max(1000) })).max(LIMITS.stages, `has more than ${LIMITS.stages} entries`),
  swimlanes: z.array(z.object({ id: idValue, name: z.string().max(1000) })).max(LIMITS.lanes - 1, `has more than ${LIMITS.lanes - 1} entries`),
  nodes: z.array(nodeSchema).max(LIMITS.cards / 2, `has more than ${LIMITS.cards / 2} entries`),
});

type OjfNode = z.output<typeof nodeSchema>;

const KNOWN_NODE_KEYS = new Set(Object.keys(nodeSchema.shape));
const KNOWN_ROOT_KEYS = new Set(Object.keys(ojfSchema.shape));
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A swimlane's name → the lane kind it describes (by the descriptors' aliases, English and German); else notes. */
export function laneKindFromName(name: string): LaneKind {
  return laneKindFromWords(name) ?? FALLBACK_LANE_KIND;
}

/** A score on -5…+5 as an emotion on -3…+3, rounded (half away from zero). */
export function scoreToEmotion(score: number): number {
  const scaled = (score * EMOTION_MAX) / 5;
  const rounded = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return Math.max(-EMOTION_MAX, Math.min(EMOTION_MAX, rounded)) || 0;
}

const BLUEPRINT_FIELDS = ['evidence', 'onstage', 'backstage', 'support'] as const;

export function importOjf(text: string, options: ImportOptions = {}): ImportOutcome {
  return guard(() => {
    const tooLarge = fileSizeIssue(text.length);
    if (tooLarge) return { ok: false, issues: [tooLarge] };
    if (text.trim() === '') return { ok: false, issues: [issue([], 'is empty')] };
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch (error) {
      return { ok: false, issues: [issue([], `is not valid JSON: ${(error as Error).message.slice(0, 200)}`)] };
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, issues: [issue([], 'is not an OpenJourney file: expected a JSON object with stages, swimlanes and nodes')] };
    }
    const parsed = ojfSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.slice(0, 200).map((i) => issue(i.path, i.message)) };
    return build(parsed.data, raw as Record<string, unknown>, options);
  });
}

function build(file: z.output<typeof ojfSchema>, raw: Record<string, unknown>, options: ImportOptions): ImportOutcome {
  const makeId = options.makeId ?? (() => newId());
  const problems: FileIssue[] = [];

  // stages, with phases spread over thirds of the journey (OpenJourney has no phases)
  const stageOrders = ordersAfter(null, file.stages.length);
  const stageById = new Map<string, Stage>();
  const stages: Stage[] = file.stages.map((s, i) => {
    const stage: Stage = {
      id: makeId(),
      name: clip(s.name, LIMITS.name),
      phase: DEFAULT_PHASE_IDS[Math.min(2, Math.floor((i * 3) / Math.max(1, file.stages.length)))]!,
      order: stageOrders[i]!,
      color: null,
      description: '',
    };
    const key = String(s.id);
    if (stageById.has(key)) problems.push(issue(['stages', i, 'id'], `duplicates the id "${key.slice(0, 60)}"`));
    stageById.set(key, stage);
    return stage;
  });

  const laneById = new Map<string, Lane>();
  const lanes: Lane[] = file.swimlanes.map((l, i) => {
    const lane: Lane = { id: makeId(), name: clip(l.name, LIMITS.name), kind: laneKindFromName(l.name), order: '', collapsed: false };
    const key = String(l.id);
    if (laneById.has(key)) problems.push(issue(['swimlanes', i, 'id'], `duplicates the id "${key.slice(0, 60)}"`));
    laneById.set(key, lane);
    return lane;
  });

  file.nodes.forEach((node, i) => {
    if (!stageById.has(String(node.stageId))) problems.push(issue(['nodes', i, 'stageId'], `refers to stage "${String(node.stageId).slice(0, 60)}", which does not exist`));
    if (!laneById.has(String(node.swimlaneId))) problems.push(issue(['nodes', i, 'swimlaneId'], `refers to swimlane "${String(node.swimlaneId).slice(0, 60)}", which does not exist`));
  });
  if (problems.length > 0) return { ok: false, issues: problems.slice(0, 200) };

  // a Backstage lane for blueprint fields, if any node has one and the map has no such lane
  const hasBlueprint = file.nodes.some((n) => BLUEPRINT_FIELDS.some((f) => listOf(n.blueprint?.[f]).length > 0));
  let backstage = lanes.find((l) => l.kind === 'backstage');
  if (hasBlueprint && !backstage) {
    backstage = { id: makeId(), name: 'Backstage', kind: 'backstage', order: '', collapsed: false };
    lanes.push(backstage);
  }
  const laneOrders = ordersAfter(null, lanes.length);
  lanes.forEach((l, i) => (l.order = laneOrders[i]!));

  const lastInCell = new Map<string, string>();
  const nextOrder = (stageId: string, laneId: string) => {
    const cell = `${stageId}/${laneId}`;
    const order = ordersAfter(lastInCell.get(cell) ?? null, 1)[0]!;
    lastInCell.set(cell, order);
    return order;
  };

  const rawNodes = Array.isArray(raw.nodes) ? (raw.nodes as unknown[]) : [];
  const cards: Card[] = [];
  file.nodes.forEach((node, i) => {
    const stage = stageById.get(String(node.stageId))!;
    const lane = laneById.get(String(node.swimlaneId))!;
    cards.push(nodeCard(node, rawNodes[i], stage, lane, makeId, nextOrder));
    if (backstage) {
      for (const field of BLUEPRINT_FIELDS) {
        for (const entry of listOf(node.blueprint?.[field])) {
          const title = entry.trim();
          if (!title) continue;
          const source = (node.title ?? '').trim() || `#${i + 1}`;
          const body = [title.length > LIMITS.cardTitle ? title : '', `Blueprint (${field}) of “${clip(source, 200)}”`].filter(Boolean).join('\n\n');
          cards.push(
            card(makeId, stage.id, backstage.id, nextOrder(stage.id, backstage.id), {
              title: clipWithEllipsis(title, LIMITS.cardTitle),
              body: clip(body, LIMITS.cardBody),
              tags: [`ojf:blueprint=${field}`],
            }),
          );
        }
      }
    }
  });

  // persona and point of view
  const personas: Persona[] = [];
  const description: string[] = [];
  if (file.pointOfView?.trim()) description.push(file.pointOfView.trim());
  if (file.persona) {
    const p = typeof file.persona === 'string' ? { name: file.persona } : file.persona;
    const name = (p.name ?? '').trim() || 'Persona';
    personas.push({
      id: makeId(),
      name: clipWithEllipsis(name.split('\n')[0]!, LIMITS.name),
      role: clip((p as { role?: string | null }).role ?? '', LIMITS.name),
      age: '',
      quote: clip((p as { quote?: string | null }).quote ?? '', LIMITS.personaText),
      goals: ((p as { goals?: string[] | null }).goals ?? []).slice(0, LIMITS.personaListItems).map((g) => clip(g, LIMITS.personaText)),
      frustrations: ((p as { frustrations?: string[] | null }).frustrations ?? []).slice(0, LIMITS.personaListItems).map((f) => clip(f, LIMITS.personaText)),
      color: '#2563eb',
      order: ordersAfter(null, 1)[0]!,
    });
    const about = (p as { description?: string | null }).description?.trim();
    if (name.length > LIMITS.name || name.includes('\n')) description.push(`Persona: ${name}`);
    if (about) description.push(`Persona: ${about}`);
  }
  const extras = unknownFields(raw, KNOWN_ROOT_KEYS);
  if (extras.length) description.push(...extras);

  const title = (file.title ?? file.name ?? '').trim() || options.title || 'Imported journey';
  const journey: Journey = {
    id: options.mapId ?? newMapId(),
    title: clipWithEllipsis(title, LIMITS.mapTitle),
    description: clipWithEllipsis(description.join('\n\n'), LIMITS.description),
    locale: 'en',
    createdAt: (options.now ?? new Date()).toISOString(),
    phases: defaultPhases(),
    stages,
    lanes,
    cards,
    personas,
    links: [],
  };
  return finish(journey, 'ojf');
}

function nodeCard(
  node: OjfNode,
  rawNode: unknown,
  stage: Stage,
  lane: Lane,
  makeId: () => string,
  nextOrder: (stageId: string, laneId: string) => string,
): Card {
  const title = (node.title ?? '').trim();
  const body: string[] = [];
  if (title.length > LIMITS.cardTitle) body.push(title);
  if (node.description?.trim()) body.push(node.description.trim());
  const details: string[] = [];
  const tags: string[] = [];
  if (node.score !== null && node.score !== undefined) {
    details.push(`Score: ${node.score > 0 ? '+' : ''}${node.score} (OpenJourney, −5…+5)`);
    tags.push(`ojf:score=${node.score}`);
  }
  if (node.severity !== null && node.severity !== undefined && String(node.severity).trim()) {
    details.push(`Severity: ${String(node.severity)}`);
    tags.push(`ojf:severity=${String(node.severity)}`);
  }
  if (node.sentiment !== null && node.sentiment !== undefined && String(node.sentiment).trim()) {
    details.push(`Sentiment: ${String(node.sentiment)}`);
    tags.push(`ojf:sentiment=${String(node.sentiment)}`);
  }
  if (node.purpose?.trim()) details.push(`Purpose: ${node.purpose.trim()}`);
  if (node.icon?.trim()) details.push(`Icon: ${node.icon.trim()}`);
  const hexColor = node.iconColor && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(node.iconColor) ? node.iconColor : null;
  if (node.iconColor?.trim()) details.push(`Icon colour: ${node.iconColor.trim()}`);
  if (node.id !== null && node.id !== undefined) details.push(`OpenJourney id: ${String(node.id)}`);
  details.push(...unknownFields(rawNode, KNOWN_NODE_KEYS));
  const rawBlueprint = typeof rawNode === 'object' && rawNode !== null ? Object.getOwnPropertyDescriptor(rawNode, 'blueprint')?.value : undefined;
  details.push(...unknownFields(rawBlueprint, new Set(BLUEPRINT_FIELDS)).map((line) => `Blueprint ${line}`));
  if (details.length) body.push(details.join('\n'));

  // the node's own tags first; what does not fit Waymark's tag limits goes into the body
  const ownTags = (node.tags ?? []).map((tag) => String(tag).trim()).filter(Boolean);
  const all = [...ownTags, ...tags];
  const kept = all.filter((tag) => tag.length <= LIMITS.tag).slice(0, LIMITS.tagsPerCard);
  const left = all.filter((tag) => !kept.includes(tag));
  if (left.length) body.push(`Tags: ${left.join(', ')}`);

  return card(makeId, stage.id, lane.id, nextOrder(stage.id, lane.id), {
    title: clipWithEllipsis(title, LIMITS.cardTitle),
    body: clipWithEllipsis(body.join('\n\n'), LIMITS.cardBody),
    emotion: node.score !== null && node.score !== undefined ? scoreToEmotion(node.score) : null,
    tags: [...new Set(kept)],
    momentOfTruth: node.isMomentOfTruth === true,
    color: hexColor,
  });
}

function card(
  makeId: () => string,
  stageId: string,
  laneId: string,
  order: string,
  fields: Partial<Pick<Card, 'title' | 'body' | 'emotion' | 'tags' | 'momentOfTruth' | 'color'>>,
): Card {
  // every field OpenJourney has no word for keeps its default (model/cardFields.ts)
  return { ...defaultCard(), ...fields, id: makeId(), stageId, laneId, order };
}

/** Fields of a raw object that the schema does not know, as "key: value" lines. */
function unknownFields(raw: unknown, known: ReadonlySet<string>): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const lines: string[] = [];
  for (const key of Object.keys(raw)) {
    if (known.has(key) || UNSAFE_KEYS.has(key)) continue;
    const value = Object.getOwnPropertyDescriptor(raw, key)?.value;
    if (value === null || value === undefined || value === '') continue;
    lines.push(`${clip(key, 100)}: ${describe(value)}`);
    if (lines.length >= 50) break;
  }
  return lines;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return clip(value, 2000);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return clip(JSON.stringify(value) ?? '', 2000);
  } catch {
    return '[nested value]';
  }
}

function listOf(value: string | string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

function clipWithEllipsis(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
