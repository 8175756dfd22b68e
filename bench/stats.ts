import { performance } from 'node:perf_hooks';

/** Times `fn` once per call, returning milliseconds. */
export function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

/** One printed result line: what, the figure, the target and how far from it (ratio < 1 is inside). */
export function report(what: string, value: number, target: number, unit: 'ms' | 'bytes'): void {
  const shown = unit === 'ms' ? fmt(value) : `${value.toFixed(0)} bytes`;
  const goal = unit === 'ms' ? fmt(target) : `${target} bytes`;
  const ratio = value / target;
  console.log(`${what.padEnd(46)} ${shown.padStart(12)}   target < ${goal.padEnd(10)} ratio ${ratio.toFixed(2)} ${ratio < 1 ? 'ok' : 'OVER'}`);
}
