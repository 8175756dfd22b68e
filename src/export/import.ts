import { newId, newMapId } from '../model/ids';
import { LIMITS } from '../model/limits';
import { ordersAfter } from '../model/order';
import { DEFAULT_PHASE_ORDERS, defaultPhases, nextPhaseColor } from '../model/phases';
import type { Card, Journey, Lane, Persona, Phase, Stage } from '../model/types';
import { normaliseEvidence, type EvidenceItem } from '../model/evidence';
import { fileSizeIssue, parseMapFile } from '../schema/file';
import { issue } from '../schema/issues';
import { readCsvCards } from './csv';
import { importOjf } from './importOjf';
import { finish, guard, type ImportedFeedback, type ImportFormat, type ImportOptions, type ImportOutcome } from './importOutcome';

/**
 * Importers: a file's text in, a new journey out — Waymark JSON, the CSV this app exports, and
 * OpenJourney (.ojf). Pure and total: they never throw, whatever the input (a throw inside is
 * caught and reported), refuse input over the map-file size limit before parsing, and give
 * every problem as a path and a reason. The journey has fresh ids throughout and a new map id,
 * so importing the same file twice gives two separate maps.
 */

export { guard, finish, type ImportFormat, type ImportedFeedback, type ImportOutcome, type ImportOptions } from './importOutcome';

/** Picks the importer by the file's extension, else by its content. */
export function importFile(fileName: string, text: string, options: ImportOptions = {}): ImportOutcome {
  return guard(() => {
    const tooLarge = fileSizeIssue(text.length);
    if (tooLarge) return { ok: false, issues: [tooLarge] };
    const title = options.title ?? titleFromFileName(fileName);
    const format = detectFormat(fileName, text);
    const opts = { ...options, title };
    if (format === 'waymark') return importWaymarkJson(text, opts);
    if (format === 'ojf') return importOjf(text, opts);
    if (format === 'csv') return importCsv(text, opts);
    return {
      ok: false,
      issues: [issue([], 'is not a file Waymark can import: expected a Waymark map (.json), a CSV export (.csv) or an OpenJourney map (.ojf)')],
    };
  });
}

export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.ojf')) return 'ojf';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  if (name.endsWith('.json')) return /"format"\s*:\s*"waymark"/.test(text.slice(0, 4096)) || !/"swimlanes"\s*:/.test(text) ? 'waymark' : 'ojf';
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{')) return /"swimlanes"\s*:/.test(text) && !/"format"\s*:\s*"waymark"/.test(text.slice(0, 4096)) ? 'ojf' : 'waymark';
  if (/^[^\r\n]*\bstage\b[^\r\n]*,/i.test(start) || /^[^\r\n]*,[^\r\n]*\btitle\b/i.test(start)) return 'csv';
  return null;
}

/** "Kundenreise 2025.waymark.json" → "Kundenreise 2025". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const title = base.replace(/(\.waymark)?\.(json|csv|tsv|ojf)$/i, '').trim();
  return (title || 'Imported journey').slice(0, LIMITS.mapTitle);
}

// ------------------------------------------------------------------ Waymark JSON

export function importWaymarkJson(text: string, options: ImportOptions = {}): ImportOutcome {
  return guard(() => {
    const result = parseMapFile(text);
    if (!result.ok) return result;
    result.doc.destroy();
    result.feedback.destroy();
    const { journey, cardIds, laneIds } = freshIds(result.file.journey, options);
    const outcome = finish(journey, 'waymark');
    if (!outcome.ok) return outcome;
    // the workshop's comments and votes come along, on the cards' new ids
    const { comments, rounds, dots } = result.file.feedback;
    return {
      ...outcome,
      // images are keyed by their bytes, not by ids: they come along as they are
      images: result.file.images,
      feedback: {
        comments: comments.map((c) => ({ ...c, cardId: cardIds.get(c.cardId)! })),
        rounds: rounds.map((r) => ({ ...r, laneIds: r.laneIds.flatMap((id) => laneIds.get(id) ?? []) })),
        dots: dots.map((d) => ({ ...d, cardId: cardIds.get(d.cardId)! })),
      },
    };
  });
}

/** The same journey under new ids (and a new map id and creation time), references kept. */
export function withFreshIds(journey: Journey, options: ImportOptions = {}): Journey {
  return freshIds(journey, options).journey;
}

function freshIds(journey: Journey, options: ImportOptions): { journey: Journey; cardIds: ReadonlyMap<string, string>; laneIds: ReadonlyMap<string, string> } {
  const makeId = options.makeId ?? (() => newId());
  const remap = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, makeId()]));
  const stages = remap(journey.stages);
  const lanes = remap(journey.lanes);
  const cards = remap(journey.cards);
  const personas = remap(journey.personas);
  return { cardIds: cards, laneIds: lanes, journey: {
    ...journey,
    id: options.mapId ?? newMapId(),
    createdAt: (options.now ?? new Date()).toISOString(),
    phases: journey.phases.map((p) => ({ ...p })),
    stages: journey.stages.map((s) => ({ ...s, id: stages.get(s.id)! })),
    lanes: journey.lanes.map((l) => ({ ...l, id: lanes.get(l.id)! })),
    personas: journey.personas.map((p) => ({ ...p, id: personas.get(p.id)!, goals: [...p.goals], frustrations: [...p.frustrations] })),
    cards: journey.cards.map((c) => ({
      ...c,
      id: cards.get(c.id)!,
      stageId: stages.get(c.stageId)!,
      laneId: lanes.get(c.laneId)!,
      personaIds: c.personaIds.map((p) => personas.get(p)!),
      tags: [...c.tags],
    })),
    links: journey.links.map((l) => ({ ...l, id: makeId(), fromCardId: cards.get(l.fromCardId)!, toCardId: cards.get(l.toCardId)! })),
    evidence: journey.evidence.map((e) => ({
      ...e,
      id: makeId(),
      cardId: e.cardId === null ? null : cards.get(e.cardId)!,
      stageId: e.stageId === null ? null : stages.get(e.stageId)!,
    })),
  } };
}

// ------------------------------------------------------------------ CSV

const PERSONA_COLORS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#4d7c0f'];

export function importCsv(text: string, options: ImportOptions = {}): ImportOutcome {
  return guard(() => {
    const tooLarge = fileSizeIssue(text.length);
    if (tooLarge) return { ok: false, issues: [tooLarge] };
    const read = readCsvCards(text);
    if (!read.ok) return read;
    const makeId = options.makeId ?? (() => newId());

    // the sheet's phase names that are no default phase become phases of the map's own, after the defaults
    const phases = defaultPhases();
    const ownPhaseByName = new Map<string, Phase>();
    const phaseOf = (c: (typeof read.cards)[number]): string => {
      if (c.ownPhase === null) return c.phase;
      const key = c.ownPhase.trim().toLocaleLowerCase();
      let phase = ownPhaseByName.get(key);
      if (!phase) {
        const order = ordersAfter(phases[phases.length - 1]?.order ?? DEFAULT_PHASE_ORDERS['post-purchase'], 1)[0]!;
        phase = { id: makeId(), name: c.ownPhase.trim(), color: nextPhaseColor(phases), order };
        ownPhaseByName.set(key, phase);
        phases.push(phase);
      }
      return phase.id;
    };
    const stageByKey = new Map<string, Stage>();
    const stageList: Stage[] = [];
    const laneByKey = new Map<string, Lane & { first: number }>();
    const personaByName = new Map<string, Persona>();
    // lanes in the order each stage lists them: merged into one order below
    const laneFollows = new Map<string, Set<string>>();
    let previous: { stage: string; lane: string } | null = null;

    for (const [row, c] of read.cards.entries()) {
      const phase = phaseOf(c);
      const stageKey = `${phase}\u0000${c.stage}`;
      if (!stageByKey.has(stageKey)) {
        const stage: Stage = { id: makeId(), name: c.stage, phase, order: '', color: null, description: '', detailMapId: null };
        stageByKey.set(stageKey, stage);
        stageList.push(stage);
      }
      const laneKey = `${c.laneKind}\u0000${c.lane}`;
      if (!laneByKey.has(laneKey)) laneByKey.set(laneKey, { id: makeId(), name: c.lane, kind: c.laneKind, order: '', collapsed: false, first: row });
      if (previous && previous.stage === stageKey && previous.lane !== laneKey) {
        const set = laneFollows.get(previous.lane) ?? new Set<string>();
        set.add(laneKey);
        laneFollows.set(previous.lane, set);
      }
      previous = { stage: stageKey, lane: laneKey };
      for (const name of c.personaIds) {
        if (!personaByName.has(name)) {
          const n = personaByName.size;
          personaByName.set(name, { id: makeId(), name, role: '', age: '', quote: '', goals: [], frustrations: [], color: PERSONA_COLORS[n % PERSONA_COLORS.length]!, order: '', libraryId: null });
        }
      }
    }
    if (phases.length > LIMITS.phases) return { ok: false, issues: [issue(['phase'], `names more than ${LIMITS.phases - 3} phases besides the three default ones`)] };
    if (stageList.length > LIMITS.stages) return { ok: false, issues: [issue(['stage'], `names more than ${LIMITS.stages} stages`)] };
    if (laneByKey.size > LIMITS.lanes) return { ok: false, issues: [issue(['lane'], `names more than ${LIMITS.lanes} lanes`)] };
    if (personaByName.size > LIMITS.personas) return { ok: false, issues: [issue(['personas'], `names more than ${LIMITS.personas} personas`)] };

    const laneKeys = orderLanes([...laneByKey.keys()], laneFollows);
    const stageOrders = ordersAfter(null, stageList.length);
    stageList.forEach((s, i) => (s.order = stageOrders[i]!));
    const laneOrders = ordersAfter(null, laneKeys.length);
    const lanes: Lane[] = laneKeys.map((key, i) => {
      const { first: _first, ...lane } = laneByKey.get(key)!;
      return { ...lane, order: laneOrders[i]! };
    });
    const personas = [...personaByName.values()];
    const personaOrders = ordersAfter(null, personas.length);
    personas.forEach((p, i) => (p.order = personaOrders[i]!));

    const evidenceTotal = read.cards.reduce((sum, c) => sum + c.evidence.length, 0);
    if (evidenceTotal > LIMITS.evidence) return { ok: false, issues: [issue(['evidence'], `holds more than ${LIMITS.evidence} evidence items`)] };
    const evidenceOrders = ordersAfter(null, evidenceTotal);
    const evidence: EvidenceItem[] = [];

    const lastInCell = new Map<string, string>();
    const cards: Card[] = read.cards.map(({ phase: _phase, ownPhase: _ownPhase, stage, lane, laneKind, evidence: drafts, ...fields }, row) => {
      const stageId = stageByKey.get(`${phaseOf(read.cards[row]!)}\u0000${stage}`)!.id;
      const laneId = laneByKey.get(`${laneKind}\u0000${lane}`)!.id;
      const cell = `${stageId}/${laneId}`;
      const order = ordersAfter(lastInCell.get(cell) ?? null, 1)[0]!;
      lastInCell.set(cell, order);
      const id = makeId();
      // the card's evidence, on the new card, in the cell's order
      for (const draft of drafts) evidence.push({ ...normaliseEvidence({ ...draft, cardId: id, stageId: null }), id: makeId(), order: evidenceOrders[evidence.length]! });
      // the CSV names personas; they have ids now
      return { ...fields, id, stageId, laneId, order, personaIds: fields.personaIds.map((name) => personaByName.get(name)!.id) };
    });

    const now = options.now ?? new Date();
    const journey: Journey = {
      id: options.mapId ?? newMapId(),
      title: (options.title ?? 'Imported journey').slice(0, LIMITS.mapTitle),
      description: '',
      // the language the sheet's phase and channel names were in, so it exports the same again
      locale: read.locale,
      createdAt: now.toISOString(),
      phases,
      stages: stageList,
      lanes,
      cards,
      personas,
      links: [],
      evidence,
    };
    return finish(journey, 'csv');
  });
}

/**
 * One lane order that keeps every stage's order of lanes (a topological sort of "comes after"
 * within each stage, ties broken by first appearance). Rows exported from one map always
 * agree; a hand-made file that contradicts itself falls back to first appearance.
 */
function orderLanes(keys: string[], follows: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const incoming = new Map(keys.map((k) => [k, 0]));
  for (const targets of follows.values()) for (const t of targets) incoming.set(t, (incoming.get(t) ?? 0) + 1);
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < keys.length) {
    let next: string | undefined;
    for (const k of keys) if (!done.has(k) && incoming.get(k) === 0) { next = k; break; }
    // a cycle: take the earliest remaining
    next ??= keys.find((k) => !done.has(k))!;
    done.add(next);
    out.push(next);
    for (const t of follows.get(next) ?? []) if (!done.has(t)) incoming.set(t, (incoming.get(t) ?? 1) - 1);
  }
  return out;
}
