import { foldText } from '../model/cardFilter';
import { EVIDENCE_SOURCES, isEvidenceDate, quoteLines, SCORE_RANGE, scoreFits, type EvidenceDraft, type EvidenceSource, type ScoreScale, type Sentiment } from '../model/evidence';
import { clampText, LIMITS } from '../model/limits';
import type { Channel, Journey, Stage } from '../model/types';
import { issue, type FileIssue } from '../schema/issues';
import { parseCsv, type CsvSeparator } from './csv';
import { CsvLanguage } from './csvWords';

/**
 * Customer feedback files: what a hotline tool, a survey tool, an app-store or Trustpilot export
 * or a hand-kept spreadsheet gives, read into evidence drafts for the map's inbox.
 *
 * Reading is forgiving and never throws: a byte-order mark is dropped, the separator is found
 * (comma, the semicolon a German Excel writes, or a tab), quotes follow RFC 4180 (quoted line
 * breaks, doubled quotes; `parseCsv` in csv.ts does the splitting). The columns are recognised
 * by their headers in English and German (`detectMapping`); a cell that cannot be read leaves
 * that value out of its row and says so as a FileIssue at `row[N].<field>`, N being the row's
 * number as a spreadsheet shows it (the header is row 1).
 *
 * Cells stay text: a formula (`=HYPERLINK(…)`) or HTML is kept as the customer wrote it — the UI
 * renders text and the CSV export neutralises formulas — and a quote past
 * `LIMITS.evidenceText` is shortened.
 */

export const FEEDBACK_FIELDS = ['text', 'source', 'date', 'score', 'reference', 'sentiment', 'count', 'stage', 'channel'] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];

export interface FeedbackTable {
  headers: string[];
  rows: string[][];
  separator: CsvSeparator;
}
export type FeedbackTableResult = { ok: true; table: FeedbackTable } | { ok: false; issues: FileIssue[] };

export interface FeedbackMapping {
  /** column index per field; text is required to import */
  columns: Partial<Record<FeedbackField, number>>;
  /** the score column's scale */
  scale: ScoreScale | null;
  /** for rows whose source cell is missing or unknown */
  source: EvidenceSource;
}

/** Why a cell could not be read, as the import dialog words it (inbox.reasons.<key>). */
export type FeedbackReason = 'emptyFile' | 'tooManyColumns' | 'emptyText' | 'shortened' | 'ambiguousDate' | 'notADate' | 'scoreOffScale' | 'noScale' | 'notASentiment' | 'notACount' | 'noSuchStage' | 'notAChannel';

export interface FeedbackRows {
  drafts: EvidenceDraft[];
  /** path e.g. ['row', 12, 'date'] → "row[12].date" */
  problems: FileIssue[];
}

const BOM = '\ufeff';
const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t'];
/** more problems than this are summed up in one last line */
const MAX_PROBLEMS = 200;

// ------------------------------------------------------------------ the table

/** The separator the header line uses most (outside quotes); a comma when it has none. */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 100_000; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: CsvSeparator = ';';
  // on a tie the semicolon wins, then the tab: a comma may also sit inside a German header's name
  for (const s of ['\t', ','] as const) if (counts.get(s)! > counts.get(best)!) best = s;
  if (counts.get(best) === 0) best = ',';
  return best;
}

/** Columns a feedback file may have: survey exports have a few dozen, a few hundred at most. */
export const MAX_COLUMNS = 500;

/**
 * A source, stage or channel cell longer than this names nothing (it is text in the wrong column);
 * it is not matched word by word against every stage, which would cost its length times theirs.
 */
export const MAX_NAME_CELL = 200;

/** The file as a header and rows: BOM dropped, separator found, blank rows left out, at most LIMITS.evidence rows. */
export function readFeedbackTable(text: string): FeedbackTableResult {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, issues: [{ ...issue([], 'is empty'), reason: { key: 'emptyFile', values: {} } }] };
  const separator = detectSeparator(source);
  const parsed = parseCsv(source, LIMITS.evidence + 1, separator);
  if (!parsed.ok) return parsed;
  const rows = parsed.rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  const [header, ...body] = rows;
  if (!header) return { ok: false, issues: [{ ...issue([], 'is empty'), reason: { key: 'emptyFile', values: {} } }] };
  // every column is matched against the word lists: a file of millions of columns would stall the page
  if (header.length > MAX_COLUMNS) {
    const message = `has ${formatLimit(header.length)} columns; a feedback file may have at most ${MAX_COLUMNS}`;
    return { ok: false, issues: [{ ...issue([], message), reason: { key: 'tooManyColumns', values: { count: header.length, max: MAX_COLUMNS } } }] };
  }
  return { ok: true, table: { headers: header.map((h) => h.trim()), rows: body, separator } };
}

// ------------------------------------------------------------------ columns

/** A header as the word lists compare it: folded, punctuation as spaces. */
function headerWords(header: string): string {
  return foldText(header)
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Header words per field, folded (no accents, lower case). A header that is one of them names the
 * field; failing that, a header that contains one as whole words does, in this order (so "Ticket
 * text" is text and "channel of origin" is the source).
 */
const HEADER_WORDS: readonly (readonly [FeedbackField, readonly string[]])[] = [
  [
    'text',
    [
      'text', 'texts', 'comment', 'comments', 'feedback', 'quote', 'quotes', 'message', 'verbatim', 'verbatims', 'review', 'review text', 'body',
      'content', 'answer', 'response', 'remarks', 'notes', 'description', 'transcript', 'statement', 'what customers said', 'open answer',
      'kommentar', 'kommentare', 'anmerkung', 'anmerkungen', 'zitat', 'zitate', 'nachricht', 'freitext', 'ruckmeldung', 'aussage',
      'beschreibung', 'antwort', 'inhalt', 'notiz', 'notizen', 'bemerkung', 'bemerkungen', 'wortlaut', 'verlauf', 'gesprachsnotiz',
      'reason', 'why', 'begrundung', 'grund', 'warum',
    ],
  ],
  ['source', ['source', 'origin', 'channel of origin', 'source type', 'data source', 'quelle', 'herkunft', 'datenquelle', 'ursprung', 'erhebung']],
  [
    'date',
    ['date', 'created', 'created at', 'created on', 'timestamp', 'time', 'submitted', 'submitted at', 'received', 'day', 'datum', 'erstellt', 'erstellt am', 'zeitstempel', 'zeitpunkt', 'eingegangen', 'eingang am'],
  ],
  [
    'score',
    [
      'score', 'rating', 'nps', 'csat', 'stars', 'star rating', 'star', 'likelihood to recommend', 'satisfaction', 'grade', 'points',
      'bewertung', 'sterne', 'note', 'punkte', 'punktzahl', 'zufriedenheit', 'weiterempfehlung', 'empfehlung', 'recommend', 'weiterempfehlen',
      'empfehlen',
    ],
  ],
  ['sentiment', ['sentiment', 'tone', 'tonality', 'polarity', 'mood', 'stimmung', 'tonalitat', 'tendenz']],
  ['count', ['count', 'number', 'occurrences', 'volume', 'frequency', 'times', 'mentions', 'anzahl', 'menge', 'haufigkeit', 'nennungen']],
  ['stage', ['stage', 'step', 'journey stage', 'journey step', 'phase', 'moment', 'schritt', 'etappe', 'station', 'reisephase']],
  ['channel', ['channel', 'touchpoint', 'contact channel', 'kanal', 'kontaktkanal', 'kontaktpunkt', 'vertriebskanal']],
  ['reference', ['reference', 'ref', 'ticket', 'ticket id', 'id', 'link', 'url', 'case', 'case id', 'number id', 'referenz', 'ticketnummer', 'vorgang', 'vorgangsnummer', 'fall', 'fallnummer', 'nr', 'nummer']],
];

function hasWords(header: string, words: string): boolean {
  return ` ${header} `.includes(` ${words} `);
}

const QUESTION = /^(?:why|what|how|which|is there|anything|warum|weshalb|wieso|was|wie|welche|wo|gibt es|mochten sie)\b/;
const SCORE_QUESTION = /^(?:how (?:likely|satisfied|happy|would you rate|many stars)|on a scale|wie (?:wahrscheinlich|zufrieden|bewerten|viele sterne))\b|\b(?:recommend|weiterempfehl|empfehlen)/;

/** Words that join a head noun to what it qualifies: "date of purchase", "Datum der Bewertung". */
const CONNECTOR = / (?:of|for|from|der|des|zur|zum|vom|von|am|im|fur) /;

/**
 * The field a header names: outright (`exact`), or else as whole words inside it. Of several, the
 * longest name wins ("channel of origin" over "channel"), then the head noun: the words before
 * "of"/"der"/… ("Datum der Bewertung" is a date), otherwise the last ("Review date" is a date,
 * "Ticket text" the text). Fields in `taken` are passed over.
 */
function fieldOfHeader(header: string, exact: boolean, taken: Partial<Record<FeedbackField, number>>): FeedbackField | null {
  const words = headerWords(header);
  if (words === '') return null;
  if (exact) {
    for (const [field, names] of HEADER_WORDS) if (taken[field] === undefined && names.includes(words)) return field;
    return null;
  }
  // a survey tool's header is its question: "How likely…?" asks for a score, "Why…?"/"What…?" for text
  if (QUESTION.test(words) || header.trim().endsWith('?')) {
    const field: FeedbackField = SCORE_QUESTION.test(words) ? 'score' : 'text';
    return taken[field] === undefined ? field : null;
  }
  const connector = words.match(CONNECTOR);
  const head = connector ? words.slice(0, connector.index) : words;
  let best: { field: FeedbackField; length: number; end: number } | null = null;
  for (const [field, names] of HEADER_WORDS) {
    if (taken[field] !== undefined) continue;
    for (const name of names) {
      const at = ` ${words} `.lastIndexOf(` ${name} `);
      if (at < 0) continue;
      // words after "of"/"der"/… qualify the head ("reason for your score" is no score), unless the name spans it ("channel of origin")
      if (at > head.length) continue;
      const length = name.split(' ').length;
      // in the head: its end counts; after a connector: it only wins on length
      const end = at + name.length <= head.length ? at + name.length : -1;
      if (!best || length > best.length || (length === best.length && end > best.end)) best = { field, length, end };
    }
  }
  return best?.field ?? null;
}

/** The score column's scale as its header says it, or null when it does not. */
function scaleOfHeader(header: string): ScoreScale | null {
  const words = headerWords(header);
  if (/\bnps\b|recommend|weiterempfehl|empfehl/.test(words)) return 'nps';
  if (/\bcsat\b|satisf|zufrieden/.test(words)) return 'csat';
  if (/\bstars?\b|sterne|\bstern\b/.test(words)) return 'stars';
  return null;
}

/**
 * The scale the score values fit: plain numbers 0–10 with a 0 or anything over 5 are NPS, 1–5
 * stars; cells that name their top ("4/5") say it themselves and count only when no plain number does.
 */
function scaleOfValues(values: readonly string[]): ScoreScale | null {
  let seen = 0;
  let min = Infinity;
  let max = -Infinity;
  const tops = new Map<ScoreScale, number>();
  for (const value of values) {
    if (value.trim() === '') continue;
    const score = readScore(value);
    if (score === null) continue;
    if (score.outOf !== null) {
      const scale = scaleOfTop(score.outOf, null);
      if (scale) tops.set(scale, (tops.get(scale) ?? 0) + 1);
      continue;
    }
    if (!Number.isInteger(score.value)) return null;
    seen++;
    min = Math.min(min, score.value);
    max = Math.max(max, score.value);
  }
  if (seen === 0) return [...tops].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  if (min >= 1 && max <= 5) return 'stars';
  if (min >= 0 && max <= 10) return 'nps';
  return null;
}

/** The column whose cells are longest on average: the text, when no header names it. */
function longestTextColumn(table: FeedbackTable, taken: ReadonlySet<number>): number | undefined {
  let best: number | undefined;
  let bestLength = 0;
  const sample = table.rows.slice(0, 200);
  const width = Math.max(table.headers.length, ...sample.map((r) => r.length));
  for (let i = 0; i < width; i++) {
    if (taken.has(i)) continue;
    let total = 0;
    for (const row of sample) {
      const cell = row[i] ?? '';
      if (/\p{L}/u.test(cell)) total += cell.length;
    }
    const average = sample.length > 0 ? total / sample.length : 0;
    if (average > bestLength) {
      best = i;
      bestLength = average;
    }
  }
  return bestLength >= 8 ? best : undefined;
}

/** Which column holds which field, read from the headers (en + de), the score's scale from its header or values. */
export function detectMapping(table: FeedbackTable): FeedbackMapping {
  const columns: Partial<Record<FeedbackField, number>> = {};
  const taken = new Set<number>();
  for (const exact of [true, false]) {
    table.headers.forEach((header, i) => {
      if (taken.has(i)) return;
      const field = fieldOfHeader(header, exact, columns);
      if (field && columns[field] === undefined) {
        columns[field] = i;
        taken.add(i);
      }
    });
  }
  if (columns.text === undefined) {
    const text = longestTextColumn(table, taken);
    if (text !== undefined) columns.text = text;
  }
  let scale: ScoreScale | null = null;
  if (columns.score !== undefined) {
    const at = columns.score;
    scale = scaleOfHeader(table.headers[at] ?? '') ?? scaleOfValues(table.rows.slice(0, 2000).map((row) => row[at] ?? ''));
  }
  const source: EvidenceSource = scale === 'nps' || scale === 'csat' ? 'survey' : scale === 'stars' ? 'review' : 'other';
  return { columns, scale, source };
}

/** A short key for a set of headers, to remember a device's column choices for files like this one. */
export function mappingSignature(headers: readonly string[]): string {
  const key = headers.map((h) => headerWords(h)).join('\u001f');
  // FNV-1a, 32 bits: the headers themselves may be long and are not needed back
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}:${hash.toString(36)}`;
}

// ------------------------------------------------------------------ cells

/** "8", " 4,0 ", "4.5": a number, or null. */
function readNumber(cell: string): number | null {
  const value = cell.trim().replace(',', '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

/** A score cell: its number and, when the cell says it ("4/5", "8 von 10", "★★★★☆"), the top of its scale. */
export interface ScoreCell {
  value: number;
  outOf: number | null;
}

/** A score as feedback tools write it: "4", "4,0", "4/5", "4 von 5", "4 of 5 stars", "★★★★☆"; null when it is none. */
export function readScore(cell: string): ScoreCell | null {
  const value = cell.trim();
  if (/^[★☆✩✭⭐\s]+$/u.test(value)) return { value: [...value].filter((c) => c === '★' || c === '⭐' || c === '✭').length, outOf: 5 };
  const outOf = value.match(/^(\d+(?:[.,]\d+)?)\s*(?:\/|von|of|out of|aus)\s*(\d+)\b/i);
  if (outOf) {
    const n = readNumber(outOf[1]!);
    return n === null ? null : { value: n, outOf: Number(outOf[2]) };
  }
  const withWord = value.match(/^(\d+(?:[.,]\d+)?)\s*(?:stars?|sterne?)$/i);
  if (withWord) {
    const n = readNumber(withWord[1]!);
    return n === null ? null : { value: n, outOf: 5 };
  }
  const n = readNumber(value);
  return n === null ? null : { value: n, outOf: null };
}

/** The scale a cell that names its top ("of 5", "of 10") is on, given the column's. */
function scaleOfTop(outOf: number, column: ScoreScale | null): ScoreScale | null {
  if (outOf === 10) return 'nps';
  if (outOf === 5) return column === 'csat' ? 'csat' : 'stars';
  return null;
}

type DayOrder = 'dmy' | 'mdy' | null;

const pad = (n: number) => String(n).padStart(2, '0');
const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function day(y: number, m: number, d: number): string | null {
  const value = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isEvidenceDate(value) ? value : null;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:$|[ ,T]+\d)/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[ T]\d)/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:$|[ ,T]+\d)/;

/** How a column writes a/b/yyyy dates: day first when some a > 12, month first when some b > 12, else unknown. */
function slashOrder(cells: readonly string[]): DayOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const cell of cells) {
    const m = cell.trim().match(SLASHED);
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst ? 'dmy' : 'mdy';
}

/**
 * A date cell as YYYY-MM-DD: ISO (a time after it is dropped), DD.MM.YYYY and D.M.YY, YYYY/MM/DD,
 * and a/b/YYYY when the column shows which of a and b is the month. 'ambiguous' or null otherwise.
 */
export function readDate(cell: string, order: DayOrder = null): string | 'ambiguous' | null {
  const value = cell.trim();
  let m = value.match(ISO) ?? value.match(YMD_SLASH);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = value.match(DOTTED);
  if (m) return day(year(m[3]!), Number(m[2]), Number(m[1]));
  m = value.match(SLASHED);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = year(m[3]!);
    if (a > 12) return day(y, b, a);
    if (b > 12) return day(y, a, b);
    if (a === b) return day(y, a, b);
    if (order === 'dmy') return day(y, b, a);
    if (order === 'mdy') return day(y, a, b);
    return 'ambiguous';
  }
  return null;
}

/** Source words, folded, each with the source it means; a word is found anywhere in the cell as a whole word. */
const SOURCE_WORDS: readonly (readonly [EvidenceSource, readonly string[]])[] = [
  ['interview', ['interview', 'interviews', 'user interview', 'customer interview', 'gesprach', 'kundengesprach', 'befragung vor ort', 'usability test', 'user test', 'nutzertest']],
  ['survey', ['survey', 'surveys', 'nps', 'nps survey', 'csat', 'questionnaire', 'poll', 'umfrage', 'kundenumfrage', 'befragung', 'fragebogen']],
  ['review', ['review', 'reviews', 'app review', 'app store', 'appstore', 'play store', 'google play', 'trustpilot', 'google', 'google reviews', 'rezension', 'rezensionen', 'bewertung', 'bewertungen', 'kundenbewertung', 'idealo', 'amazon']],
  ['chat', ['chat', 'live chat', 'livechat', 'chatbot', 'messenger', 'whatsapp', 'web chat']],
  ['social', ['social', 'social media', 'twitter', 'x', 'instagram', 'facebook', 'tiktok', 'linkedin', 'reddit', 'youtube', 'mastodon', 'forum', 'community']],
  ['support', ['support', 'hotline', 'phone', 'call', 'call center', 'callcenter', 'telefon', 'anruf', 'ticket', 'tickets', 'helpdesk', 'service desk', 'email', 'e mail', 'mail', 'kundenservice', 'customer service', 'service', 'beschwerde', 'complaint', 'kontaktformular', 'contact form']],
  ['observation', ['observation', 'observed', 'field visit', 'store visit', 'shadowing', 'beobachtung', 'hospitation', 'mystery shopping']],
  ['analytics', ['analytics', 'web analytics', 'tracking', 'data', 'funnel', 'heatmap', 'analyse', 'auswertung', 'daten']],
  ['workshop', ['workshop', 'workshops', 'focus group', 'fokusgruppe', 'co creation']],
  ['other', ['other', 'sonstiges', 'andere']],
];

/** The evidence source a cell names ("Hotline", "Trustpilot", "NPS-Umfrage"), or null. */
export function sourceFromWords(cell: string): EvidenceSource | null {
  if (cell.length > MAX_NAME_CELL) return null;
  const words = headerWords(cell);
  if (words === '') return null;
  if ((EVIDENCE_SOURCES as readonly string[]).includes(words)) return words as EvidenceSource;
  for (const [source, names] of SOURCE_WORDS) if (names.includes(words)) return source;
  for (const [source, names] of SOURCE_WORDS) if (names.some((name) => name.length > 2 && hasWords(words, name))) return source;
  // German compounds: "NPS-Umfrage" folds to "nps umfrage"; "Kundenumfrage2026", "Telefonhotline"
  for (const [source, names] of SOURCE_WORDS) if (names.some((name) => name.length >= 5 && !name.includes(' ') && words.includes(name))) return source;
  return null;
}

const SENTIMENT_WORDS: Readonly<Record<Sentiment, readonly string[]>> = {
  positive: ['positive', 'positiv', 'pos', 'good', 'gut', 'happy', 'praise', 'lob', 'promoter'],
  neutral: ['neutral', 'mixed', 'gemischt', 'neu', 'passive', 'passiv'],
  negative: ['negative', 'negativ', 'neg', 'bad', 'schlecht', 'unhappy', 'complaint', 'beschwerde', 'kritik', 'detractor'],
};

function sentimentFromWords(cell: string): Sentiment | null {
  const value = cell.trim();
  if (value === '+' || value === '😀' || value === '🙂') return 'positive';
  if (value === '-' || value === '–' || value === '🙁' || value === '😠') return 'negative';
  if (value === '0' || value === '±' || value === '😐') return 'neutral';
  const words = headerWords(value);
  for (const sentiment of ['positive', 'neutral', 'negative'] as const) if (SENTIMENT_WORDS[sentiment].includes(words)) return sentiment;
  return null;
}

/** Channel words a feedback file uses beyond the channel names (csvWords.ts). */
const CHANNEL_WORDS: readonly (readonly [Channel, readonly string[]])[] = [
  ['phone', ['hotline', 'call', 'call center', 'callcenter', 'telephone', 'anruf', 'telefonisch', 'phone call']],
  ['web', ['website', 'webshop', 'web shop', 'online shop', 'onlineshop', 'webseite', 'internet', 'online', 'desktop', 'browser']],
  ['app', ['mobile app', 'ios', 'android', 'ios app', 'android app', 'smartphone']],
  ['email', ['e mail', 'mail', 'newsletter']],
  ['store', ['shop', 'branch', 'in store', 'instore', 'retail store', 'laden', 'geschaft', 'markt', 'ladengeschaft']],
  ['social', ['social media', 'instagram', 'facebook', 'twitter', 'tiktok', 'youtube']],
  ['delivery', ['shipping', 'courier', 'parcel', 'versand', 'zustellung', 'paket', 'kurier']],
  ['chat', ['live chat', 'livechat', 'whatsapp', 'chatbot', 'messenger']],
];

function channelFromWords(cell: string, language: CsvLanguage): Channel | null {
  const known = language.channel(cell);
  if (known) return known;
  const words = headerWords(cell);
  if (words === '') return null;
  for (const [channel, names] of CHANNEL_WORDS) if (names.includes(words)) return channel;
  return null;
}

/** Stage words in English and German that mean the same step of a journey, folded; a cell in one matches a stage named in the other. */
const STAGE_SYNONYMS: readonly (readonly string[])[] = [
  ['awareness', 'aufmerksamkeit', 'bewusstsein', 'inspiration', 'discover', 'discovery', 'entdecken', 'entdeckung'],
  ['consideration', 'abwagung', 'research', 'recherche', 'evaluation', 'vergleich', 'comparison', 'informieren', 'information'],
  ['purchase', 'kauf', 'checkout', 'buy', 'buying', 'kaufen', 'bestellung', 'order', 'ordering', 'bezahlung', 'payment'],
  ['delivery', 'lieferung', 'shipping', 'versand', 'pick up', 'pickup', 'abholung', 'zustellung'],
  ['use', 'nutzung', 'usage', 'using', 'gebrauch', 'verwendung'],
  ['return', 'returns', 'retoure', 'retouren', 'ruckgabe', 'umtausch', 'refund', 'erstattung'],
  ['complaint', 'complaints', 'reklamation', 'beschwerde', 'beschwerden'],
  ['repair', 'reparatur', 'service', 'warranty', 'garantie', 'gewahrleistung'],
  ['onboarding', 'einrichtung', 'setup', 'einstieg'],
  ['support', 'hilfe', 'kundenservice', 'kundendienst'],
  ['check in', 'anreise', 'arrival', 'ankunft', 'einchecken'],
  ['check out', 'abreise', 'departure', 'auschecken'],
  ['booking', 'buchung', 'reservation', 'reservierung'],
  ['renewal', 'verlangerung', 'kundigung', 'cancellation'],
];

/** What two stage names are compared as: folded, umlauts as the one-letter form, punctuation as spaces. */
function stageKey(name: string): string {
  return headerWords(name)
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

/** Finds the map's stage a cell names: by name (case, accents, "ue" for "ü"), by an English/German word for it, or by its id. */
export function stageMatcher(stages: readonly Stage[]): (cell: string) => string | null {
  const byKey = new Map<string, string>();
  const byId = new Set(stages.map((s) => s.id));
  const groupsOf = (key: string) => STAGE_SYNONYMS.map((group, i) => (group.some((w) => key === w || hasWords(key, w)) ? i : -1)).filter((i) => i >= 0);
  const byGroup = new Map<number, string>();
  for (const stage of stages) {
    const key = stageKey(stage.name);
    if (key === '') continue;
    if (!byKey.has(key)) byKey.set(key, stage.id);
    for (const group of groupsOf(key)) if (!byGroup.has(group)) byGroup.set(group, stage.id);
  }
  const cache = new Map<string, string | null>();
  return (cell) => {
    const value = cell.trim();
    if (value === '' || value.length > MAX_NAME_CELL) return null;
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    let found: string | null = byId.has(value) ? value : null;
    const key = stageKey(value);
    found ??= byKey.get(key) ?? null;
    if (found === null) {
      // a stage name inside the cell or the cell inside a stage name ("Delivery" for "Delivery / pick-up")
      for (const [name, id] of byKey) {
        if (name.length >= 3 && key.length >= 3 && (hasWords(key, name) || hasWords(name, key))) {
          found = id;
          break;
        }
      }
    }
    if (found === null) for (const group of groupsOf(key)) if (byGroup.has(group)) { found = byGroup.get(group)!; break; }
    if (cache.size < 10_000) cache.set(value, found);
    return found;
  };
}

// ------------------------------------------------------------------ rows

const formatLimit = (n: number) => n.toLocaleString('en-US');

/** Normalised text of a cell: Windows line ends as \n, outer blanks trimmed. */
function cellText(cell: string): string {
  return cell.replace(/\r\n?/g, '\n').trim();
}

/**
 * The table's rows as evidence drafts for the inbox, by the mapping. Rows without text are left
 * out; a cell that cannot be read leaves its value out and adds a problem at ['row', N, field].
 */
export function feedbackDrafts(table: FeedbackTable, mapping: FeedbackMapping, journey: Journey, options: { addedBy?: string } = {}): FeedbackRows {
  const problems: FileIssue[] = [];
  let unlisted = 0;
  // the English reason for the CLI, and its key and values for the import dialog's language
  const problem = (row: number, field: FeedbackField, message: string, key: FeedbackReason, values: Record<string, string | number> = {}) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ ...issue(['row', row, field], message), reason: { key, values } });
    else unlisted++;
  };
  const col = mapping.columns;
  if (col.text === undefined) return { drafts: [], problems: [issue([], 'has no column of feedback text; choose the column that holds it')] };
  const scale = mapping.scale !== null && mapping.scale in SCORE_RANGE ? mapping.scale : null;
  const defaultSource: EvidenceSource = EVIDENCE_SOURCES.includes(mapping.source) ? mapping.source : 'other';
  const order = col.date === undefined ? null : slashOrder(table.rows.map((row) => row[col.date!] ?? ''));
  const stageOf = stageMatcher(journey.stages);
  const language = new CsvLanguage();
  const addedBy = clampText(options.addedBy ?? '', LIMITS.author);
  const drafts: EvidenceDraft[] = [];
  const cell = (row: readonly string[], field: FeedbackField): string => {
    const at = col[field];
    return at === undefined ? '' : cellText(row[at] ?? '');
  };

  table.rows.forEach((row, r) => {
    const line = r + 2;
    let text = cell(row, 'text');
    if (text === '') {
      if (row.some((c) => c.trim() !== '')) problem(line, 'text', 'is empty; the row is left out', 'emptyText');
      return;
    }
    if (text.length > LIMITS.evidenceText) {
      text = clampText(text, LIMITS.evidenceText);
      problem(line, 'text', `shortened to ${formatLimit(LIMITS.evidenceText)} characters`, 'shortened', { max: LIMITS.evidenceText });
    }
    const draft: EvidenceDraft = { text, cardId: null, source: defaultSource, addedBy };

    const source = cell(row, 'source');
    if (source !== '') draft.source = sourceFromWords(source) ?? defaultSource;

    const date = cell(row, 'date');
    if (date !== '') {
      const value = readDate(date, order);
      if (value === 'ambiguous') problem(line, 'date', `"${clampText(date, 40)}" could be day/month or month/day; left out`, 'ambiguousDate', { value: clampText(date, 40) });
      else if (value === null) problem(line, 'date', `"${clampText(date, 40)}" is not a date (YYYY-MM-DD or DD.MM.YYYY); left out`, 'notADate', { value: clampText(date, 40) });
      else draft.date = value;
    }

    const score = cell(row, 'score');
    if (score !== '') {
      // a cell that names its top ("4/5", "★★★★☆") is on that scale, whatever the column's
      const value = readScore(score);
      const rowScale = value?.outOf != null ? scaleOfTop(value.outOf, scale) : scale;
      if (value !== null && rowScale !== null && scoreFits(value.value, rowScale)) {
        draft.score = value.value;
        draft.scale = rowScale;
      } else if (rowScale !== null) {
        const { min, max } = SCORE_RANGE[rowScale];
        problem(line, 'score', `"${clampText(score, 40)}" is not a whole number from ${min} to ${max} (${rowScale}); left out`, 'scoreOffScale', { value: clampText(score, 40), min, max, scale: rowScale });
      } else problem(line, 'score', `"${clampText(score, 40)}" is on no scale Waymark knows (NPS 0–10, CSAT or stars 1–5); left out`, 'noScale', { value: clampText(score, 40) });
    }

    const reference = cell(row, 'reference');
    if (reference !== '') {
      draft.reference = clampText(reference, LIMITS.evidenceReference);
      if (reference.length > LIMITS.evidenceReference) problem(line, 'reference', `shortened to ${formatLimit(LIMITS.evidenceReference)} characters`, 'shortened', { max: LIMITS.evidenceReference });
    }

    const sentiment = cell(row, 'sentiment');
    if (sentiment !== '') {
      const value = sentimentFromWords(sentiment);
      if (value) draft.sentiment = value;
      else problem(line, 'sentiment', `"${clampText(sentiment, 40)}" is not positive, neutral or negative; left out`, 'notASentiment', { value: clampText(sentiment, 40) });
    }

    const count = cell(row, 'count');
    if (count !== '') {
      const value = Number(count.replace(/[\s.,'’](?=\d{3}\b)/g, ''));
      if (Number.isInteger(value) && value >= 1) draft.count = Math.min(value, LIMITS.evidenceCount);
      else problem(line, 'count', `"${clampText(count, 40)}" is not a whole number of 1 or more; counted as 1`, 'notACount', { value: clampText(count, 40) });
    }

    const stage = cell(row, 'stage');
    if (stage !== '') {
      const stageId = stageOf(stage);
      if (stageId) draft.stageId = stageId;
      else problem(line, 'stage', `the map has no stage "${clampText(stage, 80)}"; left out`, 'noSuchStage', { value: clampText(stage, 80) });
    }

    const channel = cell(row, 'channel');
    if (channel !== '') {
      const value = channelFromWords(channel, language);
      if (value) draft.channel = value;
      else problem(line, 'channel', `"${clampText(channel, 40)}" is not a channel; left out`, 'notAChannel', { value: clampText(channel, 40) });
    }
    drafts.push(draft);
  });
  if (unlisted > 0) problems.push(issue([], `${unlisted.toLocaleString('en-US')} more problems not listed`));
  return { drafts, problems };
}

/** Pasted lines: one item per non-empty line, its list bullet dropped (quoteLines). */
export function linesToDrafts(text: string, options: { addedBy?: string; source?: EvidenceSource } = {}): EvidenceDraft[] {
  const source: EvidenceSource = options.source !== undefined && EVIDENCE_SOURCES.includes(options.source) ? options.source : 'other';
  const addedBy = clampText(options.addedBy ?? '', LIMITS.author);
  const drafts: EvidenceDraft[] = [];
  for (const line of quoteLines(text)) {
    drafts.push({ text: clampText(line, LIMITS.evidenceText), source, cardId: null, addedBy });
    if (drafts.length >= LIMITS.evidence) break;
  }
  return drafts;
}
