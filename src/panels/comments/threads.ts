import type { Journey, Thread } from '../../model';

/** The threads on one card, as the map-wide list shows them. */
export interface CardThreadGroup {
  cardId: string;
  /** null when the card is gone (deleted while its comments stayed) */
  card: { title: string; stageName: string; laneName: string } | null;
  threads: Thread[];
}

/**
 * Threads grouped by card, the groups in map order (cards that are gone last), the threads of a
 * group in the order they were started. Resolved threads only when `showResolved`.
 */
export function groupThreadsByCard(
  threads: readonly Thread[],
  journey: Pick<Journey, 'cards' | 'stages' | 'lanes'> | null,
  showResolved: boolean,
): CardThreadGroup[] {
  const byCard = new Map<string, Thread[]>();
  for (const thread of threads) {
    if (thread.root.resolved && !showResolved) continue;
    const list = byCard.get(thread.root.cardId);
    if (list) list.push(thread);
    else byCard.set(thread.root.cardId, [thread]);
  }
  if (byCard.size === 0) return [];
  const stages = new Map(journey?.stages.map((s) => [s.id, s.name]) ?? []);
  const lanes = new Map(journey?.lanes.map((l) => [l.id, l.name]) ?? []);
  const groups: CardThreadGroup[] = [];
  for (const card of journey?.cards ?? []) {
    const list = byCard.get(card.id);
    if (!list) continue;
    byCard.delete(card.id);
    groups.push({
      cardId: card.id,
      card: { title: card.title, stageName: stages.get(card.stageId) ?? '', laneName: lanes.get(card.laneId) ?? '' },
      threads: list,
    });
  }
  for (const [cardId, list] of byCard) groups.push({ cardId, card: null, threads: list });
  return groups;
}

/** A card's threads split into the open ones and the resolved ones, each in the order started. */
export function splitResolved(threads: readonly Thread[]): { open: Thread[]; resolved: Thread[] } {
  const open: Thread[] = [];
  const resolved: Thread[] = [];
  for (const thread of threads) (thread.root.resolved ? resolved : open).push(thread);
  return { open, resolved };
}

/** The text to send: trailing and leading blank space dropped; null when nothing is left. */
export function commentToSend(text: string, max: number): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return trimmed.length > max ? trimmed.slice(0, max) : trimmed;
}
