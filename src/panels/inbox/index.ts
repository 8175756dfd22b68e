/**
 * The evidence inbox (issue 18). The panel and its three dialogs (import feedback, paste lines,
 * assign to card) are fetched on demand: src/app/parts.ts imports them from their files, and
 * nothing here may import them. What other modules may use: how an item and a suggestion read.
 */
export { cardName, itemDate, itemFacts, suggestionWhy } from './itemText';
