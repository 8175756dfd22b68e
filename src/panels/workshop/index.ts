/** What other UI folders may use of the workshop panel: the round's countdown badge (present mode shows it). */
export { TimerBadge } from './TimerBadge';
