import { BLUEPRINT_PARTS, type BlueprintPart } from '../../model/laneKinds';
import { LIMITS } from '../../model/limits';
import { issue, type FileIssue } from '../../schema/issues';
import { encodeValue, type Detail } from './details';

/**
 * Reads an OpenJourney file liberally, as the Ptolemy journey mapper itself does: its published
 * shape (`version`, `persona`, `pointOfView`) and what its newer versions write (a `metadata`
 * object with title, persona, pov and version); blueprint entries as objects (`{item, type}`,
 * `{actor, action}`, `{system, description}`), as text or as lists of text; ids as text or
 * numbers, or none; fields it does not know kept as details. It refuses only what cannot be a
 * map — no stages or swimlanes, a node in a stage or swimlane that does not exist, a score off
 * the −5…+5 scale, more than a map holds — each as `path: reason`.
 */

export type Scalar = string | number | boolean;
type Path = (string | number)[];

export interface OjfEntry {
  part: BlueprintPart;
  /** the action, item or description; a plain-text entry's text */
  title: string;
  /** the actor or system ('' for evidence and plain-text entries) */
  actor: string;
  /** evidence only: "Physical", "Digital"… */
  type: string | null;
  extras: Detail[];
  waymark: unknown;
}

export interface OjfNode {
  id: string | null;
  stageKey: string;
  laneKey: string;
  title: string;
  description: string;
  score: number | null;
  severity: Scalar | null;
  sentiment: Scalar | null;
  purpose: Scalar | null;
  icon: Scalar | null;
  iconColor: string | null;
  isMomentOfTruth: boolean;
  tags: string[];
  blueprint: OjfEntry[];
  extras: Detail[];
  waymark: unknown;
}

export interface OjfStage {
  key: string;
  name: string;
  extras: Detail[];
  waymark: unknown;
}

export interface OjfLane {
  key: string;
  name: string;
  extras: Detail[];
  waymark: unknown;
}

export interface OjfMap {
  title: string | null;
  persona: { name: string; role: string; description: string; quote: string; goals: string[]; frustrations: string[] } | null;
  pointOfView: string;
  stages: OjfStage[];
  lanes: OjfLane[];
  nodes: OjfNode[];
  extras: Detail[];
  waymark: unknown;
}

export type ReadResult = { ok: true; map: OjfMap } | { ok: false; issues: FileIssue[] };

/** Keys an object from a file may have that must never be read as fields. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_TEXT = 100_000;
const MAX_EXTRAS = 50;
/** characters of one field this reader does not know */
const MAX_EXTRA = 10_000;
/** blueprint entries of one node: far more than any real node, small enough to stop a hostile file early */
const MAX_ENTRIES = 1_000;

/** The file's own blueprint key for each part. */
export const OJF_PART_KEYS: Record<BlueprintPart, string> = { evidence: 'evidence', frontstage: 'onstage', backstage: 'backstage', support: 'support' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property the file itself holds (never one inherited, never __proto__). */
function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? Object.getOwnPropertyDescriptor(object, key)?.value : undefined;
}

const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';

class Reader {
  readonly issues: FileIssue[] = [];

  problem(path: Path, reason: string): void {
    if (this.issues.length < 200) this.issues.push(issue(path, reason));
  }

  /** Text from text, a number or a truth value; nothing for null or a missing key; else a problem. */
  text(value: unknown, path: Path, max = MAX_TEXT): string {
    if (value === undefined || value === null) return '';
    if (!isScalar(value)) {
      this.problem(path, 'must be text');
      return '';
    }
    const text = String(value);
    if (text.length > max) this.problem(path, `is longer than ${max} characters`);
    return text;
  }

  id(value: unknown, path: Path): string | null {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      const id = String(value);
      if (id.length > 200) this.problem(path, 'is longer than 200 characters');
      return id;
    }
    this.problem(path, 'must be text or a number');
    return null;
  }

  list(value: unknown, path: Path, max: number): unknown[] | null {
    if (!Array.isArray(value)) {
      this.problem(path, 'must be a list');
      return null;
    }
    if (value.length > max) {
      this.problem(path, `has more than ${max} entries`);
      return null;
    }
    return value;
  }
}

/** The fields of an object other than `known`, as details (in the file's order). */
function extrasOf(object: Record<string, unknown>, known: ReadonlySet<string>, prefix = ''): Detail[] {
  const extras: Detail[] = [];
  for (const key of Object.keys(object)) {
    if (known.has(key) || UNSAFE_KEYS.has(key)) continue;
    const value = own(object, key);
    if (value === undefined) continue;
    // a value too long to be a note (a hostile file's nesting or padding) is kept as its first lines of text
    const encoded = typeof value === 'string' ? value : encodeValue(value);
    extras.push({ key: `${prefix}${key.slice(0, 100)}`, value: encoded.length > MAX_EXTRA ? `${encoded.slice(0, MAX_EXTRA)}…` : value });
    if (extras.length >= MAX_EXTRAS) break;
  }
  return extras;
}

const ROOT_KEYS = new Set(['version', 'metadata', 'title', 'name', 'persona', 'pointOfView', 'stages', 'swimlanes', 'nodes', 'waymark']);
const METADATA_KEYS = new Set(['title', 'persona', 'pov', 'pointOfView', 'version']);
const STAGE_KEYS = new Set(['id', 'name', 'waymark']);
const NODE_KEYS = new Set(['id', 'stageId', 'swimlaneId', 'title', 'description', 'severity', 'score', 'sentiment', 'purpose', 'isMomentOfTruth', 'icon', 'iconColor', 'tags', 'blueprint', 'waymark']);
const PERSONA_KEYS = ['name', 'role', 'description', 'quote'] as const;

export function readOjf(raw: unknown): ReadResult {
  const r = new Reader();
  if (!isObject(raw)) return { ok: false, issues: [issue([], 'is not an OpenJourney file: expected a JSON object with stages, swimlanes and nodes')] };
  const metadata = own(raw, 'metadata');
  const meta = isObject(metadata) ? metadata : {};
  if (metadata !== undefined && metadata !== null && !isObject(metadata)) r.problem(['metadata'], 'must be an object');

  const rawStages = own(raw, 'stages');
  const rawLanes = own(raw, 'swimlanes');
  if (rawStages === undefined) r.problem(['stages'], 'is missing: an OpenJourney map lists its stages');
  if (rawLanes === undefined) r.problem(['swimlanes'], 'is missing: an OpenJourney map lists its swimlanes');
  const stageList = rawStages === undefined ? [] : (r.list(rawStages, ['stages'], LIMITS.stages) ?? []);
  const laneList = rawLanes === undefined ? [] : (r.list(rawLanes, ['swimlanes'], LIMITS.lanes) ?? []);
  const rawNodes = own(raw, 'nodes');
  const nodeList = rawNodes === undefined || rawNodes === null ? [] : (r.list(rawNodes, ['nodes'], LIMITS.cards) ?? []);

  const stages = stageList.map((s, i) => readStage(r, s, ['stages', i], i));
  const lanes = laneList.map((l, i) => readStage(r, l, ['swimlanes', i], i));
  if (r.issues.length) return { ok: false, issues: r.issues };
  duplicates(r, stages, 'stages');
  duplicates(r, lanes, 'swimlanes');
  const stageKeys = new Set(stages.map((s) => s.key));
  const laneKeys = new Set(lanes.map((l) => l.key));
  const nodes = nodeList.map((n, i) => readNode(r, n, ['nodes', i]));
  // what each node says is checked first, where it points after: a wrong field is the first thing to fix
  if (r.issues.length) return { ok: false, issues: r.issues };
  nodes.forEach((node, i) => {
    if (!node) return;
    if (!stageKeys.has(node.stageKey)) r.problem(['nodes', i, 'stageId'], `refers to stage "${node.stageKey.slice(0, 60)}", which does not exist`);
    if (!laneKeys.has(node.laneKey)) r.problem(['nodes', i, 'swimlaneId'], `refers to swimlane "${node.laneKey.slice(0, 60)}", which does not exist`);
  });
  const cards = nodes.reduce((sum, n) => sum + 1 + (n?.blueprint.length ?? 0), 0);
  if (cards > LIMITS.cards) r.problem(['nodes'], `make ${cards} cards with their blueprint entries: a map holds at most ${LIMITS.cards}`);

  const persona = readPersona(r, own(raw, 'persona') ?? own(meta, 'persona'), own(raw, 'persona') !== undefined ? ['persona'] : ['metadata', 'persona']);
  const titleValue = own(raw, 'title') ?? own(raw, 'name') ?? own(meta, 'title');
  const title = titleValue === undefined || titleValue === null ? null : r.text(titleValue, ['title'], 1000);
  const pointOfView = r.text(own(raw, 'pointOfView') ?? own(meta, 'pov') ?? own(meta, 'pointOfView'), ['pointOfView'], LIMITS.description);
  const extras = [...extrasOf(raw, ROOT_KEYS), ...extrasOf(meta, METADATA_KEYS, 'metadata.')];
  if (r.issues.length) return { ok: false, issues: r.issues };
  return { ok: true, map: { title, persona, pointOfView, stages, lanes, nodes: nodes.filter((n): n is OjfNode => n !== null), extras, waymark: own(raw, 'waymark') } };
}

function readStage(r: Reader, raw: unknown, path: Path, index: number): OjfStage {
  if (!isObject(raw)) {
    // a bare name is a stage too
    if (typeof raw === 'string') return { key: `#${index}`, name: r.text(raw, path, 1000), extras: [], waymark: undefined };
    r.problem(path, 'must be an object with an id and a name');
    return { key: `#${index}`, name: '', extras: [], waymark: undefined };
  }
  // no id: nothing can point at it, but it is still a column (or a row) of the map
  const key = r.id(own(raw, 'id'), [...path, 'id']) ?? `#${index}`;
  // a "title" stands in for a missing name, and is then no field of its own
  const named = own(raw, 'name') !== undefined && own(raw, 'name') !== null;
  const name = r.text(named ? own(raw, 'name') : own(raw, 'title'), [...path, 'name'], 1000);
  return { key, name, extras: extrasOf(raw, named ? STAGE_KEYS : new Set([...STAGE_KEYS, 'title'])), waymark: own(raw, 'waymark') };
}

function duplicates(r: Reader, items: readonly { key: string }[], where: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) r.problem([where, i, 'id'], `duplicates the id "${item.key.slice(0, 60)}"`);
    seen.add(item.key);
  });
}

function readNode(r: Reader, raw: unknown, path: Path): OjfNode | null {
  if (!isObject(raw)) {
    r.problem(path, 'must be an object');
    return null;
  }
  const stageKey = r.id(own(raw, 'stageId'), [...path, 'stageId']);
  const laneKey = r.id(own(raw, 'swimlaneId'), [...path, 'swimlaneId']);
  if (stageKey === null) r.problem([...path, 'stageId'], 'is missing: a node sits in a stage');
  if (laneKey === null) r.problem([...path, 'swimlaneId'], 'is missing: a node sits in a swimlane');
  const extras = extrasOf(raw, NODE_KEYS);
  // a field of a kind this reader cannot use is kept as it was, like a field it does not know
  const scalar = (key: string): Scalar | null => {
    const value = own(raw, key);
    if (value === undefined || value === null || value === '') return null;
    if (isScalar(value)) return value;
    extras.push({ key, value });
    return null;
  };
  const severity = scalar('severity');
  const sentiment = scalar('sentiment');
  const purpose = scalar('purpose');
  const icon = scalar('icon');
  const color = scalar('iconColor');
  return {
    id: r.id(own(raw, 'id'), [...path, 'id']),
    stageKey: stageKey ?? '',
    laneKey: laneKey ?? '',
    title: r.text(own(raw, 'title'), [...path, 'title']),
    description: r.text(own(raw, 'description'), [...path, 'description']),
    score: readScore(r, own(raw, 'score'), [...path, 'score']),
    severity,
    sentiment,
    purpose,
    icon,
    iconColor: color === null ? null : String(color),
    isMomentOfTruth: readFlag(own(raw, 'isMomentOfTruth'), extras),
    tags: readTags(r, own(raw, 'tags'), [...path, 'tags']),
    blueprint: readBlueprint(r, own(raw, 'blueprint'), [...path, 'blueprint'], extras),
    extras,
    waymark: own(raw, 'waymark'),
  };
}

function readScore(r: Reader, value: unknown, path: Path): number | null {
  if (value === undefined || value === null || value === '') return null;
  const score = typeof value === 'string' ? Number(value.trim()) : value;
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    r.problem(path, 'must be a number between -5 and +5');
    return null;
  }
  if (score < -5 || score > 5) r.problem(path, 'must be between -5 and +5');
  return score;
}

function readFlag(value: unknown, extras: Detail[]): boolean {
  if (value === true || value === 'true' || value === 1) return true;
  if (value === undefined || value === null || value === false || value === 'false' || value === 0 || value === '') return false;
  extras.push({ key: 'isMomentOfTruth', value });
  return false;
}

function readTags(r: Reader, value: unknown, path: Path): string[] {
  if (value === undefined || value === null) return [];
  // "Mobile, Issue" as the tool's tag field takes it
  if (typeof value === 'string') return value.split(',').map((t) => t.trim()).filter(Boolean);
  const list = r.list(value, path, 500);
  if (!list) return [];
  const tags: string[] = [];
  // as they are: the tool trims its tags itself, and a map's own tags come back as they were
  list.forEach((tag, i) => {
    if (tag !== null && tag !== undefined) tags.push(r.text(tag, [...path, i], 1000));
  });
  return tags;
}

const ENTRY_KEYS: Record<BlueprintPart, { title: readonly string[]; actor: readonly string[] }> = {
  evidence: { title: ['item', 'title', 'name', 'description'], actor: [] },
  frontstage: { title: ['action', 'title', 'description'], actor: ['actor', 'role'] },
  backstage: { title: ['action', 'title', 'description'], actor: ['actor', 'role'] },
  support: { title: ['description', 'action', 'title'], actor: ['system', 'actor', 'team'] },
};

function readBlueprint(r: Reader, value: unknown, path: Path, nodeExtras: Detail[]): OjfEntry[] {
  if (value === undefined || value === null || value === '') return [];
  if (!isObject(value)) {
    nodeExtras.push({ key: 'blueprint', value });
    return [];
  }
  const known = new Set(Object.values(OJF_PART_KEYS));
  nodeExtras.push(...extrasOf(value, known, 'blueprint.'));
  const entries: OjfEntry[] = [];
  for (const part of BLUEPRINT_PARTS) {
    const key = OJF_PART_KEYS[part];
    const field = own(value, key);
    if (field === undefined || field === null || field === '') continue;
    const list = Array.isArray(field) ? field : [field];
    if (list.length > MAX_ENTRIES) {
      r.problem([...path, key], `has more than ${MAX_ENTRIES} entries`);
      continue;
    }
    list.forEach((entry, i) => {
      const read = readEntry(r, part, entry, Array.isArray(field) ? [...path, key, i] : [...path, key]);
      if (read) entries.push(read);
    });
  }
  return entries;
}

function readEntry(r: Reader, part: BlueprintPart, entry: unknown, path: Path): OjfEntry | null {
  if (entry === null || entry === undefined) return null;
  if (isScalar(entry)) {
    const title = String(entry).trim();
    return title ? { part, title: r.text(title, path), actor: '', type: null, extras: [], waymark: undefined } : null;
  }
  if (!isObject(entry)) {
    r.problem(path, 'must be text or an object');
    return null;
  }
  const keys = ENTRY_KEYS[part];
  const titleKey = keys.title.find((k) => isScalar(own(entry, k)) && String(own(entry, k)) !== '') ?? keys.title[0]!;
  const actorKey = keys.actor.find((k) => isScalar(own(entry, k)) && String(own(entry, k)) !== '') ?? keys.actor[0];
  const typeValue = part === 'evidence' ? own(entry, 'type') : undefined;
  const used = new Set([titleKey, 'waymark', ...(actorKey ? [actorKey] : []), ...(part === 'evidence' && (isScalar(typeValue) || typeValue == null) ? ['type'] : [])]);
  const title = r.text(own(entry, titleKey), [...path, titleKey]);
  const actor = actorKey ? r.text(own(entry, actorKey), [...path, actorKey]) : '';
  const type = part === 'evidence' && isScalar(typeValue) ? String(typeValue) : null;
  const extras = extrasOf(entry, used);
  if (!title.trim() && !actor.trim() && extras.length === 0 && own(entry, 'waymark') === undefined) return null;
  return { part, title, actor, type, extras, waymark: own(entry, 'waymark') };
}

function readPersona(r: Reader, value: unknown, path: Path): OjfMap['persona'] {
  if (value === undefined || value === null || value === '') return null;
  if (isScalar(value)) return { name: r.text(value, path, 5000), role: '', description: '', quote: '', goals: [], frustrations: [] };
  if (!isObject(value)) {
    r.problem(path, 'must be text or an object');
    return null;
  }
  const [name, role, description, quote] = PERSONA_KEYS.map((k) => r.text(own(value, k), [...path, k], 5000));
  const strings = (key: string) => {
    const list = own(value, key);
    if (list === undefined || list === null) return [];
    return (r.list(list, [...path, key], 100) ?? []).map((item, i) => r.text(item, [...path, key, i], 1000));
  };
  return { name: name!, role: role!, description: description!, quote: quote!, goals: strings('goals'), frustrations: strings('frustrations') };
}
