/**
 * The one colour scale for emotion scores (-3…+3): red through grey to green, each readable on
 * white. Canvas chips and curve points, present mode and the exported picture all draw with it.
 */
export function emotionColor(score: number): string {
  if (score <= -2) return '#b91c1c';
  if (score < 0) return '#c2410c';
  if (score === 0) return '#475569';
  if (score < 2) return '#15803d';
  return '#166534';
}
