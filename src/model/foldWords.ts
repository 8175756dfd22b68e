import { foldText } from './cardFilter';

/**
 * A text as words are compared: case and accents folded (cardFilter.ts), and "ß" written "ss", so
 * "Straße" and "STRASSE" meet. The evidence suggestions (evidenceSuggest.ts), the space search and
 * a persona's journeys (src/model/space/) fold with it. A module of its own so the library, which
 * matches persona names, does not load the suggestions with it.
 */
export function foldWords(text: string): string {
  return foldText(text).replace(/ß/g, 'ss');
}
