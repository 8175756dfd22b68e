import { foldWords, stem } from '../evidenceSuggest';
import { LIMITS } from '../limits';
import type { Card } from '../types';

/**
 * Search across a space: map titles and the text of every card of every map, as the team
 * library's search box asks while someone types. Words are compared folded — case and accents
 * ("Überweisung" is found by "uberweisung"), "ß" as "ss", and a German umlaut also as its
 * two-letter spelling ("ueberweisung", "Mueller" finds "Müller") — and every word of the query
 * must match the same map title or the same card, in any of its fields. A word the user has
 * finished (followed by a space, or not the last) matches a whole word or another form of it
 * ("refunds" and "refund", "Lieferungen" and "Lieferung", by evidenceSuggest.ts's stems); the
 * last word, still being typed, matches the start of a word ("lief" finds "Lieferung").
 *
 * The index keeps, per map, each title's and card field's folded words as one string
 * (" word word "), so a query is a few `includes` per field, and a whole map whose words miss
 * a query word is passed over with one. `updateSpaceSearch` redoes one map (reusing the cards
 * whose text did not change), so a colleague's edit does not rebuild the space. Snippets and
 * their highlighted ranges are worked out for the hits shown only, on the text as written.
 */

export type SpaceSearchField = 'title' | 'card title' | 'body' | 'tags';

/** A map as the search reads it: only its cards' text matters. */
export interface SearchableMap {
  id: string;
  title: string;
  journey: { cards: readonly Pick<Card, 'id' | 'title' | 'body' | 'tags'>[] };
}

export interface SearchSnippet {
  /** the matching field's text around the first match, on one line; "…" where it was cut */
  text: string;
  /** [start, end) of each match in `text`, in order, not overlapping */
  ranges: [number, number][];
}

export interface SpaceSearchHit {
  mapId: string;
  /** null: the hit is the map's title */
  cardId: string | null;
  /** the field the snippet shows: the one that holds the most of the query's words */
  field: SpaceSearchField;
  snippet: SearchSnippet;
}

/** One searchable thing: a map's title, or a card. */
interface Unit {
  cardId: string | null;
  title: string;
  body: string;
  tags: readonly string[];
  /** " word word " of each field, '' when the field is empty */
  titleWords: string;
  tagsWords: string;
  bodyWords: string;
  /** the three together: a card without a query word is passed over with one look per word */
  allWords: string;
}

interface MapPart {
  id: string;
  title: string;
  /** the map's title first, then its cards in the journey's order */
  units: Unit[];
  /** every unit's words together: a map without a query word is passed over with one look */
  words: string;
}

export interface SpaceSearchIndex {
  readonly parts: Map<string, MapPart>;
  /** counts every change, so a view can tell the index changed without comparing it */
  version: number;
}

/** No word of a language is longer; a pasted key or blob is indexed by its first letters only. */
const MAX_WORD = 40;
/** A query longer than this is cut; more words than this are not looked at. */
const MAX_QUERY = 200;
const MAX_QUERY_WORDS = 8;
export const DEFAULT_SEARCH_LIMIT = 50;
/** Characters of a snippet, and how many of them stand before the first match when the text is cut. */
const SNIPPET_CHARS = 160;
const SNIPPET_LEAD = 40;

const SPLIT = /[^\p{L}\p{N}]+/u;
const UMLAUT = /[äöüÄÖÜ]|[aouAOU]\u0308/;
const UMLAUT_SPELLING: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** The text with its umlauts in their two-letter spelling ("Müller" → "Mueller"). */
function spellUmlauts(text: string): string {
  return text.normalize('NFC').replace(/[äöüÄÖÜ]/g, (letter) => UMLAUT_SPELLING[letter]!);
}

const stemCache = new Map<string, string>();
function stemmed(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size > 100_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** token → what it adds to a field's words: itself cut to MAX_WORD, and its stem when that differs. */
const pieceCache = new Map<string, string>();
function pieceOf(token: string): string {
  let piece = pieceCache.get(token);
  if (piece === undefined) {
    const word = token.length > MAX_WORD ? token.slice(0, MAX_WORD) : token;
    const s = stemmed(word);
    piece = s !== word && s !== '' ? `${word} ${s}` : word;
    if (pieceCache.size > 100_000) pieceCache.clear();
    pieceCache.set(token, piece);
  }
  return piece;
}

function addWords(folded: string, into: string[]): void {
  for (const token of folded.split(SPLIT)) if (token !== '') into.push(pieceOf(token));
}

/** Stands between a card's fields while they are folded together; folding leaves it as it is. */
const FIELD_BREAK = '\u0000';

/**
 * Each text's words, folded, each followed by its stem where that differs, as " word word " (''
 * for an empty text; a word said twice is there twice, which costs less than leaving it out). The
 * texts are folded in one go (folding is much of the cost of building the index) and split again.
 */
function wordsOfFields(texts: readonly string[]): string[] {
  const joined = texts.map((text) => text.replaceAll(FIELD_BREAK, ' ')).join(FIELD_BREAK);
  const plain = foldWords(joined).split(FIELD_BREAK);
  const spelled = UMLAUT.test(joined) ? foldWords(spellUmlauts(joined)).split(FIELD_BREAK) : null;
  return texts.map((text, i) => {
    if (text === '') return '';
    const words: string[] = [];
    addWords(plain[i] ?? '', words);
    // the umlaut spelling adds only where it differs ("mueller" beside "muller")
    if (spelled && spelled[i] !== plain[i]) addWords(spelled[i] ?? '', words);
    return words.length === 0 ? '' : ` ${words.join(' ')} `;
  });
}

function cut(text: unknown, max: number): string {
  if (typeof text !== 'string') return '';
  return text.length > max ? text.slice(0, max) : text;
}

function titleUnit(title: string): Unit {
  const text = cut(title, LIMITS.mapTitle);
  const [titleWords] = wordsOfFields([text]);
  return { cardId: null, title: text, body: '', tags: [], titleWords: titleWords!, tagsWords: '', bodyWords: '', allWords: titleWords! };
}

function cardUnit(card: SearchableMap['journey']['cards'][number], previous: Unit | undefined): Unit {
  const title = cut(card.title, LIMITS.cardTitle);
  const body = cut(card.body, LIMITS.cardBody);
  const tags = Array.isArray(card.tags) ? card.tags.slice(0, LIMITS.tagsPerCard).map((tag) => cut(tag, LIMITS.tag)) : [];
  if (previous && previous.title === title && previous.body === body && sameList(previous.tags, tags)) return previous;
  const [titleWords, tagsWords, bodyWords] = wordsOfFields([title, tags.join(' '), body]) as [string, string, string];
  return { cardId: card.id, title, body, tags, titleWords, tagsWords, bodyWords, allWords: titleWords + tagsWords + bodyWords };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function buildPart(map: SearchableMap, previous: MapPart | undefined): MapPart {
  const before = new Map<string, Unit>();
  if (previous) for (const unit of previous.units) if (unit.cardId !== null) before.set(unit.cardId, unit);
  const title = previous && previous.title === cut(map.title, LIMITS.mapTitle) ? previous.units[0]! : titleUnit(map.title);
  const units = [title, ...map.journey.cards.map((card) => cardUnit(card, before.get(card.id)))];
  return { id: map.id, title: title.title, units, words: units.map((u) => u.allWords).join('') };
}

/** The index of every map given, in that order (hits of equal weight keep it). */
export function buildSpaceSearch(maps: readonly SearchableMap[]): SpaceSearchIndex {
  const parts = new Map<string, MapPart>();
  for (const map of maps) parts.set(map.id, buildPart(map, undefined));
  return { parts, version: 0 };
}

/** Redoes one map's part (a new map is added at the end); cards whose text did not change are reused. */
export function updateSpaceSearch(index: SpaceSearchIndex, map: SearchableMap): void {
  index.parts.set(map.id, buildPart(map, index.parts.get(map.id)));
  index.version += 1;
}

/** Leaves a map out of the index (it left the space, or was deleted). */
export function removeFromSpaceSearch(index: SpaceSearchIndex, mapId: string): void {
  if (index.parts.delete(mapId)) index.version += 1;
}

// ------------------------------------------------------------------ query

interface QueryWord {
  /** the word folded, and in its umlaut spelling when that differs, cut to MAX_WORD */
  forms: string[];
  /** the last word while it is typed: matches the start of a word */
  prefix: boolean;
  /** what to look for in " word word " strings: any one of them matching is a match */
  needles: string[];
}

function queryWords(query: string): QueryWord[] {
  const text = query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query;
  const plain = foldWords(text).split(SPLIT).filter((w) => w !== '');
  const spelled = UMLAUT.test(text) ? foldWords(spellUmlauts(text)).split(SPLIT).filter((w) => w !== '') : plain;
  const typing = /[\p{L}\p{N}\p{M}]$/u.test(text);
  const words: QueryWord[] = [];
  for (let i = 0; i < plain.length && i < MAX_QUERY_WORDS; i++) {
    const forms = [...new Set([plain[i]!, spelled[i] ?? plain[i]!].map((w) => w.slice(0, MAX_WORD)))];
    const prefix = typing && i === plain.length - 1;
    const needles = new Set<string>();
    for (const form of forms) {
      if (prefix) needles.add(` ${form}`);
      else {
        needles.add(` ${form} `);
        needles.add(` ${stemmed(form)} `);
      }
    }
    words.push({ forms, prefix, needles: [...needles] });
  }
  return words;
}

function holds(words: string, word: QueryWord): boolean {
  if (words === '') return false;
  for (const needle of word.needles) if (words.includes(needle)) return true;
  return false;
}

const FIELD_RANK: Readonly<Record<SpaceSearchField, number>> = { title: 4, 'card title': 3, tags: 2, body: 1 };
/** Scores run from 1 × 16 + 1 to 4 × 16 + MAX_QUERY_WORDS: the field's rank first, then how many words it holds. */
const SCORE_SLOTS = 4 * 16 + MAX_QUERY_WORDS + 1;

interface Candidate {
  part: MapPart;
  unit: Unit;
  field: SpaceSearchField;
}

/** How many of the words the field holds. */
function wordsIn(field: string, words: readonly QueryWord[]): number {
  if (field === '') return 0;
  let n = 0;
  for (const word of words) if (holds(field, word)) n++;
  return n;
}

/**
 * The field of a unit that holds every query word, or null; the one with the most words, title
 * before tags before body. A unit missing a word anywhere costs one look per word, which is
 * what most cards cost.
 */
function matchUnit(unit: Unit, words: readonly QueryWord[]): { field: SpaceSearchField; count: number } | null {
  for (const word of words) if (!holds(unit.allWords, word)) return null;
  if (unit.cardId === null) return { field: 'title', count: words.length };
  const inTitle = wordsIn(unit.titleWords, words);
  if (inTitle === words.length) return { field: 'card title', count: inTitle };
  const inTags = wordsIn(unit.tagsWords, words);
  const inBody = inTags === words.length ? 0 : wordsIn(unit.bodyWords, words);
  if (inTitle >= inTags && inTitle >= inBody) return { field: 'card title', count: inTitle };
  if (inTags >= inBody) return { field: 'tags', count: inTags };
  return { field: 'body', count: inBody };
}

/**
 * The hits for a query, best first: map titles, then card titles, tags and bodies, and among
 * those the ones holding more of the words in one field; equal ones in the index's order. At
 * most `limit` hits, one per map title or card. An empty query finds nothing.
 *
 * Hits are kept in one list per score, each no longer than `limit`, so a one-letter query that
 * every card matches neither gathers nor sorts twenty thousand of them.
 */
export function searchSpace(index: SpaceSearchIndex, query: string, limit = DEFAULT_SEARCH_LIMIT): SpaceSearchHit[] {
  const words = queryWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const slots: Candidate[][] = Array.from({ length: SCORE_SLOTS }, () => []);
  for (const part of index.parts.values()) {
    if (!words.every((word) => holds(part.words, word))) continue;
    for (const unit of part.units) {
      const match = matchUnit(unit, words);
      if (!match) continue;
      const slot = slots[FIELD_RANK[match.field] * 16 + match.count]!;
      if (slot.length < limit) slot.push({ part, unit, field: match.field });
    }
  }
  const best: Candidate[] = [];
  for (let score = SCORE_SLOTS - 1; score >= 0 && best.length < limit; score--) {
    for (const candidate of slots[score]!) {
      if (best.length >= limit) break;
      best.push(candidate);
    }
  }
  return best.map((c) => ({
    mapId: c.part.id,
    cardId: c.unit.cardId,
    field: c.field,
    snippet: snippetOf(fieldText(c.unit, c.field), words),
  }));
}

function fieldText(unit: Unit, field: SpaceSearchField): string {
  if (field === 'body') return unit.body;
  if (field === 'tags') return unit.tags.join(', ');
  return unit.title;
}

// ------------------------------------------------------------------ snippets

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const MARK = /^\p{M}$/u;

/** Where in `token` (as written) its folded form reaches `length` characters: the end of the typed prefix to highlight. */
function prefixEnd(token: string, length: number, fold: (text: string) => string): number {
  let end = 0;
  for (const char of token) {
    end += char.length;
    if (fold(token.slice(0, end)).length >= length) break;
  }
  // keep a letter's combining marks with it
  while (end < token.length && MARK.test(token[end]!)) end++;
  return end;
}

const spelledFold = (text: string) => foldWords(spellUmlauts(text));

/** The [start, end) within `token` that a query word matches, or null. */
function tokenMatch(token: string, words: readonly QueryWord[]): [number, number] | null {
  const folded = foldWords(token).slice(0, MAX_WORD);
  const spelled = UMLAUT.test(token) ? spelledFold(token).slice(0, MAX_WORD) : folded;
  let best: [number, number] | null = null;
  for (const word of words) {
    for (const form of word.forms) {
      let end = -1;
      if (word.prefix) {
        if (folded.startsWith(form)) end = prefixEnd(token, form.length, foldWords);
        else if (spelled.startsWith(form)) end = prefixEnd(token, form.length, spelledFold);
        else if (stemmed(folded).startsWith(form) || stemmed(spelled).startsWith(form)) end = token.length;
      } else if (folded === form || spelled === form || stemmed(folded) === stemmed(form) || stemmed(spelled) === stemmed(form)) {
        end = token.length;
      }
      if (end > 0 && (best === null || end > best[1])) best = [0, end];
    }
  }
  return best;
}

/** The text around the first match, with every match in it marked. */
function snippetOf(text: string, words: readonly QueryWord[]): SearchSnippet {
  const matches: [number, number][] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    if (matches.length > 0 && start > matches[0]![0] + SNIPPET_CHARS) break;
    const hit = tokenMatch(m[0], words);
    if (hit) matches.push([start + hit[0], start + hit[1]]);
  }
  let from = 0;
  let to = text.length;
  if (text.length > SNIPPET_CHARS) {
    const first = matches[0]?.[0] ?? 0;
    from = Math.max(0, first - SNIPPET_LEAD);
    if (from > 0) {
      const space = text.slice(from, first).search(/\s/);
      if (space >= 0) from += space + 1;
    }
    to = Math.min(text.length, from + SNIPPET_CHARS);
    if (to < text.length) {
      const space = text.slice(to - 20, to).search(/\s\S*$/);
      if (space >= 0 && to - 20 + space > (matches[0]?.[1] ?? from)) to = to - 20 + space;
    }
  }
  const lead = from > 0 ? '…' : '';
  const shown = lead + text.slice(from, to).replace(/\s/g, ' ') + (to < text.length ? '…' : '');
  const shift = lead.length - from;
  const ranges: [number, number][] = matches.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s + shift, e + shift]);
  return { text: shown, ranges };
}
