import { LIMITS } from '../limits';
import { EMOTION_MAX, EMOTION_MIN } from '../types';
import { isValidOrderKey } from '../order';
import { SPACE_LIMITS } from './types';

/**
 * What each value of a space's index may be. Every member of a space can write its index, and a
 * member is a peer like any other: a hostile one writes numbers where titles go, ten-megabyte
 * strings, arrays of ten thousand tags. The reader (doc.ts) and the writers (ops.ts,
 * entryFromJourney.ts) pass every value through these, so what the library shows is bounded
 * by SPACE_LIMITS whoever wrote it, and what this device writes is already what it would read.
 */

/** A string cut to `max` characters; anything else is ''. */
export function boundedText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return value.length > max ? value.slice(0, max) : value;
}

/**
 * A list of names (a map's personas or phases): strings only, trimmed, empty ones and repeats
 * dropped, each cut to `maxChars`, at most `maxItems`. It stops reading once the list is full,
 * so a peer's array of a million entries costs no more than one of `maxItems`.
 */
export function nameList(value: unknown, maxItems: number, maxChars: number, same: (name: string) => string = (name) => name): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of value as unknown[]) {
    if (out.length >= maxItems) break;
    if (typeof item !== 'string') continue;
    const name = boundedText(item.trim(), maxChars);
    const key = same(name);
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** A map's tags: as `nameList`, and "Onboarding" and "onboarding" are one tag (the first spelling stays). */
export function tagList(value: unknown): string[] {
  return nameList(value, SPACE_LIMITS.tags, SPACE_LIMITS.tag, (tag) => tag.toLocaleLowerCase('en'));
}

/** The persona names of a map's entry. */
export function entryPersonas(value: unknown): string[] {
  return nameList(value, SPACE_LIMITS.personasPerMap, SPACE_LIMITS.entryName);
}

/** The phase names of a map's entry. */
export function entryPhases(value: unknown): string[] {
  return nameList(value, SPACE_LIMITS.phasesPerMap, SPACE_LIMITS.entryName);
}

/**
 * A map's thumbnail: an SVG document as a string, at most SPACE_LIMITS.thumbnailChars, else ''
 * (the tile then draws its placeholder). The library shows it only as an image
 * (`<img src="data:image/svg+xml,…">`), where scripts and external loads do not run, never
 * inlined into the page; the prefix check only keeps other payloads out of the index.
 */
export function thumbnailOf(value: unknown): string {
  return typeof value === 'string' && value.length <= SPACE_LIMITS.thumbnailChars && value.startsWith('<svg') ? value : '';
}

/** The latest time a Date can hold; a peer's larger number is no time. */
const MAX_TIME = 8.64e15;

/** ms since the epoch: a finite number from 0 to the end of Date's range (whole ms), else 0. */
export function timeOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME ? Math.floor(value) : 0;
}

/** A count shown on a tile: a whole number from 0 to `max`, else 0. */
export function countOf(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(max, Math.floor(value)) : 0;
}

/** A map's overall emotion in its entry: a finite number cut to −3…+3 and rounded to one decimal, else null (not scored). */
export function emotionOf(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const clamped = Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, value));
  // + 0 turns a −0 into 0, so every replica writes and compares the same value
  return Math.round(clamped * 10) / 10 + 0;
}

export const MAX_STAGE_COUNT = LIMITS.stages;
export const MAX_CARD_COUNT = LIMITS.cards;

/** What a library persona is drawn in when its colour is missing or not a colour. */
export const LIBRARY_PERSONA_COLOR = '#7c3aed';

/** A hex colour ("#7c3aed", "#fff", with alpha up to 8 digits), else the default: it goes into a style, so nothing else passes. */
export function colorOf(value: unknown): string {
  return typeof value === 'string' && /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(value) ? value : LIBRARY_PERSONA_COLOR;
}

/** A fractional-index key, else 'a0' (the persona then sorts by id among the others a peer broke). */
export function orderKeyOf(value: unknown): string {
  return typeof value === 'string' && isValidOrderKey(value) ? value : 'a0';
}

/** A library persona's goals or frustrations: strings only, each cut, at most LIMITS.personaListItems. */
export function personaList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value as unknown[]) {
    if (out.length >= LIMITS.personaListItems) break;
    if (typeof item === 'string') out.push(boundedText(item, LIMITS.personaText));
  }
  return out;
}
