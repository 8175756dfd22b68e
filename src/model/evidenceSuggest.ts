import { foldWords } from './foldWords';
import type { EvidenceItem } from './evidence';
import type { Card, Journey } from './types';

/**
 * Which cards a piece of evidence might back: a plain text match anyone can follow, no model
 * behind it. Card and item texts are folded (case, accents), split into words of three letters or
 * more, English and German stop words dropped, and each word cut to a rough stem so "refunds" and
 * "refund", "Lieferungen" and "Lieferung", "Retoure" and "Retouren" meet. A word the item shares
 * with a card counts more in the card's title or tags than in its body or actor, and more the
 * fewer cards of the map have it (inverse document frequency). A card of the stage the feedback
 * file named, or of its channel, gets a bonus on top — only when a word matched already.
 *
 * Every suggestion says why: the card's words that matched and where (title, tags, body, actor).
 */

export interface SuggestionReason {
  /** the card's word as written there */
  word: string;
  field: 'title' | 'body' | 'tags' | 'actor';
}

export interface Suggestion {
  cardId: string;
  score: number;
  words: SuggestionReason[];
  sameStage: boolean;
  sameChannel: boolean;
}

type Field = SuggestionReason['field'];

/** How much a matched word counts by where it stands on the card. */
export const FIELD_WEIGHT: Readonly<Record<Field, number>> = { title: 3, tags: 3, body: 1, actor: 1 };
/** Score multipliers for a card of the item's stage and channel. */
export const STAGE_BONUS = 0.5;
export const CHANNEL_BONUS = 0.2;
/** Below this a match is noise (one common word in one body). */
export const MIN_SCORE = 1;
export const DEFAULT_SUGGESTIONS = 3;

interface Posting {
  card: number;
  weight: number;
  field: Field;
  word: string;
}

export interface SuggestionIndex {
  readonly cards: readonly Pick<Card, 'id' | 'stageId' | 'channel'>[];
  /** stem → the cards that have it, one posting per card (its best field) */
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  /** stem → inverse document frequency */
  readonly idf: ReadonlyMap<string, number>;
}

// ------------------------------------------------------------------ words

const STOP_WORDS = new Set(
  [
    // English
    'the', 'and', 'for', 'are', 'but', 'not', 'you', 'all', 'any', 'can', 'had', 'her', 'was', 'one', 'our', 'out', 'has', 'have', 'him', 'his',
    'how', 'its', 'may', 'new', 'now', 'old', 'see', 'two', 'way', 'who', 'did', 'get', 'got', 'let', 'put', 'say', 'she', 'too', 'use', 'yes',
    'this', 'that', 'with', 'from', 'they', 'them', 'then', 'than', 'there', 'their', 'these', 'those', 'what', 'when', 'where', 'which', 'while',
    'will', 'would', 'could', 'should', 'shall', 'been', 'being', 'were', 'into', 'onto', 'over', 'under', 'again', 'also', 'just', 'only', 'very',
    'really', 'much', 'many', 'more', 'most', 'some', 'such', 'each', 'every', 'other', 'about', 'after', 'before', 'because', 'does', 'doing',
    'done', 'your', 'yours', 'mine', 'ours', 'here', 'why', 'still', 'even', 'ever', 'never', 'always', 'both', 'same', 'own', 'off', 'once',
    'until', 'upon', 'via', 'per', 'etc', 'don', 'didn', 'doesn', 'isn', 'wasn', 'aren', 'won', 'can', 'cannot', 'couldn', 'wouldn', 'shouldn',
    'i', 'me', 'my', 'we', 'us', 'it', 'is', 'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'if', 'in', 'no', 'of', 'on', 'or', 'so', 'to', 'up',
    'got', 'like', 'get', 'gets', 'getting', 'went', 'make', 'made', 'told', 'said', 'thing', 'things', 'something', 'anything',
    'nothing', 'everything', 'someone', 'anyone', 'lot', 'lots', 'bit', 'yet', 'though', 'through', 'between', 'without', 'within', 'down',
    'ive', 'its', 'im', 'dont', 'didnt', 'doesnt', 'cant', 'wont', 'thats', 'theres', 'youre', 'theyre', 'wasnt', 'isnt',
    // counting words: "three weeks" is about the weeks
    'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'first', 'second', 'third',
    'eins', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'erst', 'erste', 'ersten', 'zweite', 'dritte',
    // German (folded: no umlauts, ß as ss)
    'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'und', 'oder', 'aber', 'nicht', 'kein', 'keine',
    'keinen', 'keiner', 'ist', 'sind', 'war', 'waren', 'bin', 'bist', 'hat', 'habe', 'haben', 'hatte', 'hatten', 'wird', 'werden', 'wurde',
    'wurden', 'worden', 'sein', 'seine', 'ihr', 'ihre', 'ihren', 'ihrem', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'dich',
    'dir', 'dein', 'uns', 'unser', 'unsere', 'euch', 'sie', 'ich', 'wir', 'man', 'mit', 'von', 'vom', 'zum', 'zur', 'bei', 'beim', 'aus', 'auf',
    'fur', 'uber', 'unter', 'nach', 'vor', 'seit', 'bis', 'durch', 'gegen', 'ohne', 'um', 'als', 'wie', 'wenn', 'weil', 'dass', 'ob', 'auch',
    'noch', 'schon', 'nur', 'sehr', 'mal', 'dann', 'denn', 'doch', 'hier', 'dort', 'jetzt', 'immer', 'wieder', 'alles', 'alle', 'allem', 'etwas',
    'nichts', 'viel', 'viele', 'mehr', 'diese', 'dieser', 'dieses', 'diesem', 'diesen', 'jede', 'jeder', 'jedes', 'was', 'wer', 'wo', 'warum',
    'wann', 'welche', 'welcher', 'so', 'zu', 'im', 'in', 'am', 'an', 'es', 'er', 'da', 'ja', 'nein', 'einfach', 'eigentlich', 'ganz', 'gibt',
    'gab', 'kann', 'konnte', 'konnen', 'muss', 'musste', 'mussen', 'soll', 'sollte', 'will', 'wollte', 'darf', 'geht', 'ging', 'gemacht',
    'machen', 'macht', 'sei', 'seien', 'ihnen', 'ihm', 'ihn', 'zwar', 'sowie', 'bzw', 'usw', 'dabei', 'damit', 'dafur', 'darauf', 'davon',
  ].filter((w) => w.length >= 3),
);

/** Irregular past forms that customers use for what cards say in the present ("took" weeks, "takes" up to 14 days). */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['took', 'take'], ['taken', 'take'], ['bought', 'buy'], ['paid', 'pay'], ['sent', 'send'], ['came', 'come'], ['went', 'go'],
  ['found', 'find'], ['broke', 'break'], ['broken', 'break'], ['left', 'leave'], ['lost', 'lose'], ['kept', 'keep'], ['felt', 'feel'],
  ['kam', 'kommen'], ['kamen', 'kommen'], ['gekauft', 'kaufen'], ['bezahlt', 'bezahlen'], ['geschickt', 'schicken'], ['gefunden', 'finden'],
  ['zurueckgeschickt', 'zuruckschicken'], ['zuruckgeschickt', 'zuruckschicken'], ['bestellt', 'bestellen'], ['geliefert', 'liefern'], ['erstattet', 'erstattung'],
]);

/** A word cut to a rough stem: English and German plural and inflection endings off, so forms of one word meet. */
export function stem(word: string): string {
  let w = IRREGULAR.get(word) ?? word;
  if (w.length >= 7 && w.endsWith('ungen')) return w.slice(0, -2);
  if (w.length >= 6 && w.endsWith('heiten')) return w.slice(0, -2);
  if (w.length >= 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length >= 5 && w.endsWith('en')) w = w.slice(0, -2);
  else if (w.length >= 5 && w.endsWith('ern')) w = w.slice(0, -1);
  else if (w.length >= 4 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** re-exported: the inbox and the CLI fold with the suggestions' words */
export { foldWords };

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/** One word's stem, or null for a stop word, a number or anything shorter than three letters. */
const stemCache = new Map<string, string | null>();
function stemOf(token: string): string | null {
  const cached = stemCache.get(token);
  if (cached !== undefined) return cached;
  const folded = foldWords(token);
  let result: string | null = null;
  if (folded.length >= 3 && /\p{L}/u.test(folded) && !/^\d/.test(folded) && !STOP_WORDS.has(folded)) {
    const s = stem(folded);
    result = s.length >= 3 ? s : folded;
  }
  if (stemCache.size > 50_000) stemCache.clear();
  stemCache.set(token, result);
  return result;
}

/** Longer tokens are no words (the longest German words in feedback are about 30 letters). */
const MAX_WORD = 40;

/** The distinct stems of a text, each with the first word it was written as. */
export function textWords(text: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const token of text.split(WORD_SPLIT)) {
    // no word of a language is this long; a pasted key or base64 blob would make compounds and stems cost its square
    if (token.length < 3 || token.length > MAX_WORD) continue;
    const s = stemOf(token);
    if (s !== null && !words.has(s)) words.set(s, token);
  }
  return words;
}

// ------------------------------------------------------------------ index

/** The map's cards as words: build once per journey, then suggest for many items. */
export function buildSuggestionIndex(journey: Journey): SuggestionIndex {
  const cards = journey.cards.map((c) => ({ id: c.id, stageId: c.stageId, channel: c.channel }));
  const perCard = journey.cards.map((card, i) => {
    const best = new Map<string, Posting>();
    const fields: [Field, string][] = [
      ['title', card.title],
      ['tags', card.tags.join(' ')],
      ['body', card.body],
      ['actor', card.actor],
    ];
    for (const [field, text] of fields) {
      for (const [s, word] of textWords(text)) {
        const weight = FIELD_WEIGHT[field];
        const had = best.get(s);
        if (!had || had.weight < weight) best.set(s, { card: i, weight, field, word });
      }
    }
    return best;
  });
  // a German compound on a card also answers for the map's words it is made of, at half weight:
  // "Reparaturzeit" for "Reparatur", "Retourenportal" for "Retouren"
  const vocabulary = new Set(perCard.flatMap((best) => [...best.keys()]));
  // German puts the head last: on a German map every ending of five letters or more of a long
  // word stands for it too ("Hochsaison" answers "Saison"), even when no card has that word alone
  const endings = journey.locale === 'de';
  for (const best of perCard) {
    for (const [s, posting] of [...best]) {
      const parts = compoundParts(s, vocabulary);
      if (endings && s.length >= 8) for (let k = 5; k <= s.length - 3; k++) parts.push(s.slice(s.length - k));
      for (const part of parts) {
        const weight = posting.weight * COMPOUND_FACTOR;
        const had = best.get(part);
        if (!had || had.weight < weight) best.set(part, { ...posting, weight });
      }
    }
  }
  const postings = new Map<string, Posting[]>();
  for (const best of perCard) {
    for (const [s, posting] of best) {
      const list = postings.get(s);
      if (list) list.push(posting);
      else postings.set(s, [posting]);
    }
  }
  const idf = new Map<string, number>();
  const n = Math.max(1, cards.length);
  for (const [s, list] of postings) idf.set(s, Math.log(1 + n / list.length));
  return { cards, postings, idf };
}

/** How much a word counts when it matched as part of a compound. */
export const COMPOUND_FACTOR = 0.5;

/**
 * The known words a long word starts or ends with (the longest of each): German compounds
 * ("Gutscheincode" → "gutschein", "Daunenjacke" → "jack"). Parts leave at least three letters
 * over; a first part has five letters or more, a last part four.
 */
function compoundParts(word: string, known: { has(word: string): boolean }): string[] {
  if (word.length < 8) return [];
  const parts: string[] = [];
  for (let k = word.length - 3; k >= 5; k--) {
    if (known.has(word.slice(0, k))) {
      parts.push(word.slice(0, k));
      break;
    }
  }
  for (let k = word.length - 3; k >= 4; k--) {
    const tail = word.slice(word.length - k);
    if (known.has(tail)) {
      parts.push(tail);
      break;
    }
  }
  return parts;
}

const SPEAKER_LABEL = /^[ \t]*[\p{L}][\p{L} .]{0,23}:[ \t]/gmu;

/** The cards an item might back, best first (at most `max`), each with the words that matched. */
export function suggestCards(item: Pick<EvidenceItem, 'text' | 'stageId' | 'channel'>, index: SuggestionIndex, max = DEFAULT_SUGGESTIONS): Suggestion[] {
  if (max <= 0) return [];
  const scores = new Map<number, { score: number; words: SuggestionReason[]; seen: Set<string> }>();
  // a transcript's or log's speaker labels ("Customer:", "Agent:", "Call note:") say who, not what
  const text = item.text.replace(SPEAKER_LABEL, ' ');
  // the item's words, and for a long word the map has not seen, the map's words it is made of
  const terms = new Map<string, number>();
  for (const s of textWords(text).keys()) {
    if (index.postings.has(s)) terms.set(s, 1);
    else for (const part of compoundParts(s, index.postings)) if (!terms.has(part)) terms.set(part, COMPOUND_FACTOR);
  }
  for (const [s, factor] of terms) {
    const list = index.postings.get(s)!;
    const idf = index.idf.get(s) ?? 0;
    for (const posting of list) {
      let entry = scores.get(posting.card);
      if (!entry) scores.set(posting.card, (entry = { score: 0, words: [], seen: new Set() }));
      entry.score += posting.weight * idf * factor;
      // one reason per card word, however many of the item's words led to it
      const reason = `${posting.field}\u0000${posting.word}`;
      if (!entry.seen.has(reason)) {
        entry.seen.add(reason);
        entry.words.push({ word: posting.word, field: posting.field });
      }
    }
  }
  const found: (Suggestion & { at: number })[] = [];
  for (const [at, { score, words }] of scores) {
    const card = index.cards[at]!;
    const sameStage = item.stageId !== null && item.stageId === card.stageId;
    const sameChannel = item.channel !== null && item.channel === card.channel;
    const total = score * (1 + (sameStage ? STAGE_BONUS : 0) + (sameChannel ? CHANNEL_BONUS : 0));
    if (total < MIN_SCORE) continue;
    // title and tags first, as they weigh most
    words.sort((a, b) => FIELD_WEIGHT[b.field] - FIELD_WEIGHT[a.field]);
    found.push({ cardId: card.id, score: Math.round(total * 1000) / 1000, words, sameStage, sameChannel, at });
  }
  found.sort((a, b) => b.score - a.score || a.at - b.at);
  return found.slice(0, max).map(({ at: _at, ...suggestion }) => suggestion);
}

// ------------------------------------------------------------------ many items

/** Lets the browser paint and handle input: a macrotask (MessageChannel where there is one, else setTimeout). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    // the browser's and Node's MessageChannel alike, typed by what is used (the relay's build has no DOM types)
    interface Port {
      addEventListener(type: 'message', listener: () => void): void;
      start(): void;
      close(): void;
      postMessage(message: null): void;
    }
    const Channel = (globalThis as { MessageChannel?: new () => { port1: Port; port2: Port } }).MessageChannel;
    if (Channel) {
      const channel = new Channel();
      channel.port1.addEventListener('message', () => {
        channel.port1.close();
        channel.port2.close();
        resolve();
      });
      channel.port1.start();
      channel.port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });
}

function abortError(): Error {
  const error = new Error('The suggestions were stopped');
  error.name = 'AbortError';
  return error;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Suggestions for every item, keyed by item id, worked out in slices of at most about `budgetMs`
 * (default 30) with a macrotask yield between, so the page never stops answering; `signal` stops
 * it (the promise rejects with an AbortError). `onProgress` hears how many items are done after
 * each slice, `onSlice` how long each slice took.
 */
export async function suggestInChunks(
  items: readonly EvidenceItem[],
  index: SuggestionIndex,
  options: { budgetMs?: number; signal?: AbortSignal; onProgress?: (done: number) => void; onSlice?: (ms: number) => void; max?: number } = {},
): Promise<Map<string, Suggestion[]>> {
  const budget = Math.max(1, options.budgetMs ?? 30);
  const max = options.max ?? DEFAULT_SUGGESTIONS;
  const result = new Map<string, Suggestion[]>();
  let done = 0;
  while (done < items.length) {
    if (options.signal?.aborted) throw abortError();
    const start = now();
    // the clock after every item (reading it costs well under a microsecond, an item tens of them)
    do {
      const item = items[done]!;
      result.set(item.id, suggestCards(item, index, max));
      done++;
    } while (done < items.length && now() - start < budget);
    options.onSlice?.(now() - start);
    options.onProgress?.(done);
    if (done < items.length) await yieldToEventLoop();
  }
  if (options.signal?.aborted) throw abortError();
  return result;
}
