import { create } from 'zustand';
import type { EvidenceItem } from '../model/evidence';
import { useEditor } from './editorStore';

/**
 * The evidence inbox's UI state (issue 18): which unassigned items are picked, the filter, which
 * items the "Assign to card…" dialog is about, the feedback file waiting in the import dialog and
 * the last thing the inbox said. Never map content: the items themselves are `journey.evidence`
 * (the Y.Doc), and assigning one is `assignEvidence` (src/model/ops/evidence.ts).
 *
 * Kept apart from the panel (loaded on demand) so the actions and the canvas, which are in the
 * first load, can read and set it without pulling in the CSV reader or the suggestions.
 */

/** The drag data type of inbox items dragged onto a card: a JSON array of item ids. */
export const EVIDENCE_DRAG_TYPE = 'application/x-waymark-evidence';

export interface InboxState {
  /** items picked in the list (checkboxes, click, shift-click), in the order picked */
  selected: readonly string[];
  /** the last item picked without shift, where a shift-click range starts */
  anchor: string | null;
  /** the row with the keyboard focus, what "Assign to card…" is about when nothing is picked */
  active: string | null;
  /** the list's filter box */
  filter: string;
  /** the items the "Assign to card…" dialog assigns */
  assigning: readonly string[];
  /** a feedback file picked for import, read by the import dialog */
  importFile: File | null;
  /** the last outcome the inbox announces ("12 items assigned to …"); shown and read out once */
  notice: { text: string; id: number } | null;
  /** bumped when the list should give the keyboard focus to its active row (after a dialog assigned the row it came from) */
  focusRequest: number;
}

export interface InboxCommands {
  setFilter(filter: string): void;
  /** replace the picked items, toggle one in or out, or add a range (shift-click) from the anchor over `order` */
  pick(id: string, mode: 'replace' | 'toggle' | 'range', order?: readonly string[]): void;
  setPicked(ids: readonly string[]): void;
  setActive(id: string | null): void;
  /** forget picked, active and assigning items that are no longer in the inbox */
  prune(inboxIds: ReadonlySet<string>): void;
  startAssign(ids: readonly string[]): void;
  finishAssign(): void;
  openImport(file: File): void;
  closeImport(): void;
  say(text: string): void;
  requestRowFocus(): void;
  reset(): void;
}

export type InboxStore = InboxState & InboxCommands;

const initial: InboxState = { selected: [], anchor: null, active: null, filter: '', assigning: [], importFile: null, notice: null, focusRequest: 0 };

let notices = 0;

export const useInbox = create<InboxStore>()((set, get) => ({
  ...initial,
  setFilter(filter) {
    if (get().filter !== filter) set({ filter });
  },
  pick(id, mode, order = []) {
    const { selected, anchor } = get();
    if (mode === 'replace') set({ selected: [id], anchor: id, active: id });
    else if (mode === 'toggle') set({ selected: toggled(selected, id), anchor: id, active: id });
    else set({ selected: withRange(selected, order, anchor ?? id, id), active: id });
  },
  setPicked(ids) {
    set({ selected: [...new Set(ids)], anchor: ids[ids.length - 1] ?? null });
  },
  setActive(active) {
    if (get().active !== active) set({ active });
  },
  prune(inboxIds) {
    const { selected, active, anchor, assigning } = get();
    const keep = (id: string) => inboxIds.has(id);
    const next: Partial<InboxState> = {};
    if (!selected.every(keep)) next.selected = selected.filter(keep);
    if (active !== null && !keep(active)) next.active = null;
    if (anchor !== null && !keep(anchor)) next.anchor = null;
    if (!assigning.every(keep)) next.assigning = assigning.filter(keep);
    if (Object.keys(next).length > 0) set(next);
  },
  startAssign(ids) {
    set({ assigning: [...new Set(ids)] });
  },
  finishAssign() {
    set({ assigning: [] });
  },
  openImport(importFile) {
    set({ importFile });
  },
  closeImport() {
    set({ importFile: null });
  },
  say(text) {
    set({ notice: { text, id: ++notices } });
  },
  requestRowFocus() {
    set({ focusRequest: get().focusRequest + 1 });
  },
  reset() {
    set(initial);
  },
}));

function toggled(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** The picked items plus every item between `from` and `to` in `order` (both ends included). */
export function withRange(selected: readonly string[], order: readonly string[], from: string, to: string): string[] {
  let a = order.indexOf(from);
  const b = order.indexOf(to);
  if (b === -1) return [...selected];
  if (a === -1) a = b;
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return [...new Set([...selected, ...order.slice(lo, hi + 1)])];
}

/**
 * What "Assign to card…" is about: the picked items when the active row is one of them or no row
 * is active, else the active row alone (the one the keyboard is on), else nothing.
 */
export function assignTargets(state: Pick<InboxState, 'selected' | 'active'>): string[] {
  const { selected, active } = state;
  if (selected.length > 0 && (active === null || selected.includes(active))) return [...selected];
  return active !== null ? [active] : [...selected];
}

/**
 * Whether an item matches the filter box: every word of the query (case and accents ignored)
 * appears in its text or its reference. An empty query matches everything.
 */
export function matchesFilter(item: Pick<EvidenceItem, 'text' | 'reference'>, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  let haystack = folded.get(item);
  if (haystack === undefined) {
    haystack = fold(`${item.text}\n${item.reference}`);
    folded.set(item, haystack);
  }
  return words.every((w) => haystack.includes(w));
}

/** Each item's folded words, worked out once: the journey view keeps an unchanged item's object, so typing in the filter over 10,000 items folds none again. */
const folded = new WeakMap<object, string>();

/** The query's words, folded as `matchesFilter` compares them. */
export function filterWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Lower case without accents: "Rückgabe" matches "ruckgabe" and "RÜCKGABE". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The items the filter lets through, in inbox order. */
export function filterInbox<T extends Pick<EvidenceItem, 'text' | 'reference'>>(items: readonly T[], query: string): readonly T[] {
  const words = filterWords(query);
  return words.length === 0 ? items : items.filter((item) => matchesFilter(item, words));
}

const unassignedCounts = new WeakMap<readonly EvidenceItem[], number>();

/** How many items wait in the inbox; counted once per evidence list (the journey view keeps a list while nothing changes). */
export function unassignedCount(items: readonly EvidenceItem[]): number {
  let count = unassignedCounts.get(items);
  if (count === undefined) {
    count = 0;
    for (const item of items) if (item.cardId === null) count++;
    unassignedCounts.set(items, count);
  }
  return count;
}

/** Where each row starts when rows have their own heights: `offsets[i]` is row i's top, `offsets[n]` the list's height. */
export function rowOffsets(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + Math.max(0, heights[i]!);
  return offsets;
}

/** The row under a y position of the list (the last row below its end). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The rows of a windowed list worth rendering: those in view plus `overscan` above and below, by
 * the rows' offsets (`rowOffsets`); `end` is exclusive.
 */
export function windowByOffsets(offsets: Float64Array, scrollTop: number, viewHeight: number, overscan = 4): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  const last = rowAt(offsets, Math.max(0, scrollTop) + Math.max(0, viewHeight));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

// Another map (or none): its picks, filter, file and notice belong to the map they were made on.
useEditor.subscribe((state, previous) => {
  if (state.session !== previous.session) useInbox.getState().reset();
});
