import type { Card } from './types';

/**
 * What the card search asks for. Every part narrows: a card matches when it passes all of them.
 * An empty list or null bound means "any".
 */
export interface CardFilter {
  /** words looked for in the title, body, tags and actor (who does it); each word must appear somewhere */
  text: string;
  laneIds: readonly string[];
  /** the card is tagged with at least one of these personas */
  personaIds: readonly string[];
  /** the card carries at least one of these tags */
  tags: readonly string[];
  /** with either bound set, a card without an emotion score does not match */
  emotionMin: number | null;
  emotionMax: number | null;
}

export const EMPTY_CARD_FILTER: CardFilter = { text: '', laneIds: [], personaIds: [], tags: [], emotionMin: null, emotionMax: null };

/** Lower case without accents: "Café" is found by "cafe", and "Überweisung" by "uberweisung". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('en');
}

/** True when the filter narrows anything: an empty filter is no search at all. */
export function isFilterActive(filter: CardFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.laneIds.length > 0 ||
    filter.personaIds.length > 0 ||
    filter.tags.length > 0 ||
    filter.emotionMin !== null ||
    filter.emotionMax !== null
  );
}

/** Whether the card passes every part of the filter. */
export function matchCard(card: Card, filter: CardFilter): boolean {
  if (filter.laneIds.length > 0 && !filter.laneIds.includes(card.laneId)) return false;
  if (filter.personaIds.length > 0 && !card.personaIds.some((id) => filter.personaIds.includes(id))) return false;
  if (filter.tags.length > 0) {
    const wanted = new Set(filter.tags.map(foldText));
    if (!card.tags.some((tag) => wanted.has(foldText(tag)))) return false;
  }
  if (filter.emotionMin !== null || filter.emotionMax !== null) {
    if (card.emotion === null) return false;
    if (filter.emotionMin !== null && card.emotion < filter.emotionMin) return false;
    if (filter.emotionMax !== null && card.emotion > filter.emotionMax) return false;
  }
  const words = foldText(filter.text).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = foldText([card.title, card.body, ...card.tags, card.actor].join('\n'));
  return words.every((word) => haystack.includes(word));
}
