import { create } from 'zustand';
import { LIMITS } from '../model/limits';
import { isWellFormedId } from '../model/ids';
import { storedObject } from './storedObject';

/**
 * The way down a journey hierarchy (issue 16): opening a stage's or card's detail map from a
 * high-level map leaves a trail, so the editor's top bar says "Parent › This map" and leads
 * back. It lives in sessionStorage, per tab (a second tab has its own way down) and through a
 * reload. The trail applies to one map, `at`: opened any other way (from the library, a link, a
 * search), the map shows no trail; going back up to a map on it cuts it there (the breadcrumb,
 * or the browser's Back). Titles are what the map was called when it was left, shown as text;
 * the top bar prefers the space index's current title.
 */

export interface TrailStep {
  id: string;
  title: string;
}

export interface DrillTrail {
  /** the map the trail leads to */
  at: string;
  /** the maps above it, the top one first */
  parents: TrailStep[];
}

/** How many levels a trail keeps (the oldest go first): a hierarchy deeper than this is a loop someone keeps walking. */
export const TRAIL_LIMIT = 12;

const KEY = 'waymark:drill-trail';

/** The trail after drilling down from `from` (the open map) to `to`; walking into a map already above cuts the trail there, so a loop never grows it. */
export function trailAfterDrill(trail: DrillTrail | null, from: TrailStep, to: string): DrillTrail {
  const above = trail && trail.at === from.id ? trail.parents : [];
  const chain = [...above, from];
  const at = chain.findIndex((step) => step.id === to);
  if (at >= 0) return { at: to, parents: chain.slice(0, at) };
  return { at: to, parents: chain.slice(-TRAIL_LIMIT) };
}

/** The trail that applies once `mapId` is open: the same when it leads there, cut when the map is above on it, else none. */
export function trailOnArrival(trail: DrillTrail | null, mapId: string): DrillTrail | null {
  if (!trail) return null;
  if (trail.at === mapId) return trail;
  const at = trail.parents.findIndex((step) => step.id === mapId);
  return at >= 0 ? { at: mapId, parents: trail.parents.slice(0, at) } : null;
}

/** A trail from what sessionStorage held (another version of the app, or someone's hand, may have written it); null when it is no trail. */
export function readTrail(raw: string | null): DrillTrail | null {
  const value = storedObject(raw);
  if (!value) return null;
  const { at, parents } = value;
  if (!isWellFormedId(at) || !Array.isArray(parents)) return null;
  const steps: TrailStep[] = [];
  for (const item of parents.slice(-TRAIL_LIMIT) as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { id, title } = item as { id?: unknown; title?: unknown };
    if (!isWellFormedId(id)) return null;
    steps.push({ id, title: typeof title === 'string' ? title.slice(0, LIMITS.mapTitle) : '' });
  }
  return { at, parents: steps };
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** the trail as last written, for when sessionStorage refuses (private mode, full): it then lives for this page only */
let memory: string | null = null;

function load(): DrillTrail | null {
  try {
    const s = storage();
    if (s) return readTrail(s.getItem(KEY));
  } catch {
    // fall back to this page's copy
  }
  return readTrail(memory);
}

function save(trail: DrillTrail | null): void {
  memory = trail && trail.parents.length > 0 ? JSON.stringify(trail) : null;
  try {
    const s = storage();
    if (!s) return;
    if (memory !== null) s.setItem(KEY, memory);
    else s.removeItem(KEY);
  } catch {
    // storage refused: `memory` keeps it for this page
  }
}

/** The trail of the map open in the editor (null: none), for the top bar. */
export const useDrillTrail = create<{ trail: DrillTrail | null }>()(() => ({ trail: null }));

/** The open map drills down to `to`: the trail leads there next (the caller then opens it). */
export function recordDrill(from: TrailStep, to: string): void {
  const next = trailAfterDrill(load(), from, to);
  save(next);
}

/** The editor opened `mapId`: the trail that applies to it, kept and shown. */
export function arriveAtMap(mapId: string): void {
  const trail = trailOnArrival(load(), mapId);
  save(trail);
  useDrillTrail.setState({ trail: trail && trail.parents.length > 0 ? trail : null });
}

/** A map was opened from the library (or the library shown): no trail leads anywhere now. */
export function clearTrail(): void {
  save(null);
  useDrillTrail.setState({ trail: null });
}
