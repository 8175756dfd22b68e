import { useEffect } from 'react';
import { create } from 'zustand';
import { inboxItems, type EvidenceItem } from '../../model/evidence';
import { buildSuggestionIndex, suggestInChunks, type Suggestion, type SuggestionIndex } from '../../model/evidenceSuggest';
import type { Journey } from '../../model/types';
import { useEditor } from '../../store/editorStore';

/**
 * Card suggestions for every inbox item (issue 18), computed in the background: after an import,
 * and again when items or cards change, in slices (`suggestInChunks`) so typing never waits for
 * them. The index of the cards is built again only when a card, stage or lane changed; an item
 * already suggested for keeps its suggestions while the cards stay the same (the journey view
 * keeps an unchanged item's object, so they are remembered by object).
 *
 * Runs while something shows them (the inbox panel, the assign dialog): `useSuggestions()`.
 */

export interface SuggestionsState {
  /** suggestions per inbox item id; an item not here is not computed yet */
  byItem: ReadonlyMap<string, readonly Suggestion[]>;
  /** items computed in the current run, and how many it has */
  done: number;
  total: number;
  running: boolean;
}

export const useSuggestionStore = create<SuggestionsState>()(() => ({ byItem: new Map(), done: 0, total: 0, running: false }));

/** How long the journey must stay still before a run starts: a burst of edits costs one run. */
const SETTLE_MS = 150;

let users = 0;
let stop: (() => void) | null = null;

/** Whether two lists hold the same objects in the same order (the journey view keeps unchanged records' objects). */
function sameObjects<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// kept between runs and between showings of the panel: reopening it costs nothing while the cards stay as they were
let index: SuggestionIndex | null = null;
let indexedFrom: Pick<Journey, 'cards' | 'stages' | 'lanes'> | null = null;
let memo = new WeakMap<EvidenceItem, readonly Suggestion[]>();

function startRunner(): () => void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let seen: Journey | null = null;

  const run = async (journey: Journey) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    if (!index || !indexedFrom || !sameObjects(indexedFrom.cards, journey.cards) || !sameObjects(indexedFrom.stages, journey.stages) || !sameObjects(indexedFrom.lanes, journey.lanes)) {
      index = buildSuggestionIndex(journey);
      indexedFrom = { cards: journey.cards, stages: journey.stages, lanes: journey.lanes };
      memo = new WeakMap();
    }
    const waiting = inboxItems(journey.evidence);
    const todo = waiting.filter((item) => !memo.has(item));
    const publish = () => {
      const byItem = new Map<string, readonly Suggestion[]>();
      for (const item of waiting) {
        const found = memo.get(item);
        if (found) byItem.set(item.id, found);
      }
      return byItem;
    };
    if (todo.length === 0) {
      useSuggestionStore.setState({ byItem: publish(), done: 0, total: 0, running: false });
      return;
    }
    useSuggestionStore.setState({ done: 0, total: todo.length, running: true });
    try {
      const found = await suggestInChunks(todo, index!, {
        signal: mine.signal,
        onProgress: (done) => {
          if (!mine.signal.aborted) useSuggestionStore.setState({ done });
        },
      });
      if (mine.signal.aborted) return;
      for (const item of todo) memo.set(item, found.get(item.id) ?? []);
      useSuggestionStore.setState({ byItem: publish(), done: todo.length, total: todo.length, running: false });
    } catch {
      // aborted by a newer run (which publishes its own), or the map closed
      if (controller === mine) useSuggestionStore.setState({ running: false });
    }
  };

  const schedule = (journey: Journey | null) => {
    if (!journey || journey === seen) return;
    seen = journey;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run(journey);
    }, SETTLE_MS);
  };

  // the live map's journey (a version being previewed is read-only: nothing is assigned there)
  const unsubscribe = useEditor.subscribe((state) => schedule(state.preview ? null : state.journey));
  const first = useEditor.getState();
  if (!first.preview && first.journey) {
    seen = first.journey;
    void run(first.journey);
  }
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    controller?.abort();
    useSuggestionStore.setState({ byItem: new Map(), done: 0, total: 0, running: false });
  };
}

/** Keeps the suggestions current until the returned function is called (counted: the last release stops them). */
export function retainSuggestions(): () => void {
  users++;
  if (users === 1) stop = startRunner();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users--;
    if (users === 0) {
      stop?.();
      stop = null;
    }
  };
}

/** Keeps the suggestions current while the calling component is mounted. */
export function useSuggestions(): void {
  useEffect(() => retainSuggestions(), []);
}
