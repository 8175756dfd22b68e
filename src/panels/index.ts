/** What the panels in src/panels/* share from this folder: a ticking clock and how a countdown reads. */
export { formatCountdown, useNow } from './useNow';
