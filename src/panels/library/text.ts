/**
 * Text helpers for the library: search that ignores case and accents, and "last changed" as
 * relative time in the UI language. Pure, so the integration tests can check them directly.
 */

/** Lower case, accents removed, ß → ss: "Über Straße" and "uber strasse" fold alike. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word of the query appears somewhere in the title (in any order); an empty query matches all. */
export function matchesQuery(title: string, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(title);
  return words.every((word) => haystack.includes(word));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "5 minutes ago", "yesterday", „vor 5 Minuten“, „gestern“: the time since `then` in the
 * largest unit that fits, via Intl.RelativeTimeFormat. Under 45 seconds (and for a time in the
 * future, from a clock that runs ahead) it is `justNow`.
 */
export function relativeTime(then: number, now: number, language: string, justNow: string): string {
  const elapsed = now - then;
  if (!Number.isFinite(elapsed) || elapsed < 45_000) return justNow;
  let format = formatters.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    formatters.set(language, format);
  }
  const [value, unit] = largestUnit(elapsed);
  return format.format(-value, unit);
}

function largestUnit(elapsed: number): [number, Intl.RelativeTimeFormatUnit] {
  if (elapsed < 45 * MINUTE) return [Math.max(1, Math.round(elapsed / MINUTE)), 'minute'];
  if (elapsed < 22 * HOUR) return [Math.round(elapsed / HOUR), 'hour'];
  if (elapsed < 6 * DAY) return [Math.max(1, Math.round(elapsed / DAY)), 'day'];
  if (elapsed < 26 * DAY) return [Math.max(1, Math.round(elapsed / (7 * DAY))), 'week'];
  if (elapsed < 320 * DAY) return [Math.max(1, Math.round(elapsed / (30.44 * DAY))), 'month'];
  return [Math.max(1, Math.round(elapsed / (365.25 * DAY))), 'year'];
}

/** "4 March 2025, 14:05" in the UI language, for the tooltip next to the relative time. */
export function absoluteTime(then: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(then);
}

/** "2.4 MB": a size for people, in the units storage settings use (1 MB = 1,000,000 bytes). */
export function formatBytes(bytes: number, language?: string): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
