/**
 * What the panels in src/panels/* share from this folder: a ticking clock and how a countdown
 * reads, and the on-demand parts' loader and boundary (loading and failure states).
 */
export { formatCountdown, useNow } from './useNow';
export { onDemand, OnDemandBoundary, type OnDemandComponent } from './onDemand';
