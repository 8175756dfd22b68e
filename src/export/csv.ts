import type { FileIssue } from '../schema/issues';
import { issue } from '../schema/issues';
import { LIMITS } from '../model/limits';
import type { CsvReadKit, CsvWriteKit } from '../model/cardFields';
import { cardFieldEntries, defaultCard } from '../model/cardRecord';
import { laneKindFromWords } from '../model/laneKindLookup';
import { FALLBACK_LANE_KIND } from '../model/laneKinds';
import { isDefaultPhaseId, phaseShownFor } from '../model/phases';
import { DEFAULT_PHASE_IDS, LANE_KINDS, type Card, type DefaultPhaseId, type Journey, type Lane, type LaneKind, type Locale, type Phase, type Stage, type TallyEntry, type VoteRound } from '../model/types';
import { channelName, CsvLanguage, phaseWord } from './csvWords';
import { evidenceByCard, EVIDENCE_SOURCES, isEvidenceDate, SCORE_SCALES, scoreFits, SENTIMENTS, type EvidenceDraft, type EvidenceItem, type ScoreScale } from '../model/evidence';
import { CHANNELS } from '../model/channels';

/**
 * The map as a spreadsheet, one row per card (RFC 4180, UTF-8 with a byte-order mark so Excel
 * reads the accents, CRLF line ends), and back. Phases and channels are written as names in
 * the map's language ("Vor dem Kauf", "Filiale"; csvWords.ts), as people read them; the import
 * takes those names in any shipped language and the ids older exports wrote. Lane kinds stay
 * ids, emotion a number.
 *
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) is written with a leading apostrophe, as OWASP advises; reading takes it off again,
 * so export → import → export gives the same bytes.
 *
 * The columns are one table (COLUMNS below), each a write/read pair: the card's place, then the
 * card fields that have a CSV column in the field list (model/cardFields.ts).
 *
 * Workshop vote rounds that have ended add one column each after the fixed ones,
 * "votes: <round title> (<YYYY-MM-DD>)", with each card's counted dots, and the `votes` column
 * holds the card's total: its own tally (from an imported file) plus the dots of those rounds.
 * Import reads the round columns only to take them out of that total again, so an import keeps
 * just the card's own tally and export → import → export gives the same bytes.
 *
 * The `evidence` column, after `confidence`, holds the card's customer evidence (evidence.ts),
 * one item per line of the cell (EVIDENCE_COLUMN below). Inbox items belong to no card and so
 * to no row: the card CSV leaves them out (the JSON export keeps them).
 */

/** A row's card with the stage and lane it sits in, as the export writes it. */
interface CsvRow {
  card: Card;
  stage: Stage;
  /** the phase the stage shows in */
  phase: Phase;
  lane: Lane;
  locale: Locale;
  /** the card's evidence, in order */
  evidence: readonly EvidenceItem[];
}

/** Where a CSV row puts its card: the stage and lane by name, as the file format's words. */
export interface CsvPlace {
  /** a default phase, named by its id or a default name in any language */
  phase: DefaultPhaseId;
  /** any other name in the phase column: a phase of the map's own, made on import; wins over `phase` */
  ownPhase: string | null;
  stage: string;
  lane: string;
  laneKind: LaneKind;
}

/**
 * A card as a CSV row gives it. Its personaIds hold the personas' names, as the CSV does; the
 * importer turns them into ids when it makes the personas.
 */
export type CsvCard = CsvPlace & Omit<Card, 'id' | 'stageId' | 'laneId' | 'order'> & {
  /** the card's evidence from the `evidence` column, in the cell's order */
  evidence: EvidenceDraft[];
};

/** One column, both ways: the export writes a cell from a row, the import reads a cell into a card. */
interface CsvColumn {
  header: string;
  /** other header names understood on import (a German spreadsheet, a hand-made one) */
  aliases: readonly string[];
  write(row: CsvRow, kit: CsvWriteKit): string;
  read(cell: string, into: CsvCard, kit: PlaceReadKit): void;
}

/** The card fields' read kit, and the phase words for the place columns. */
interface PlaceReadKit extends CsvReadKit {
  phaseFromWords(cell: string): DefaultPhaseId | null;
}

/** A stage or lane name: written safe from spreadsheets, refused over the name limit. */
function nameCell(cell: string, kit: CsvReadKit): string {
  const value = kit.restore(cell);
  if (value.length > LIMITS.name) kit.problem(`is longer than ${LIMITS.name} characters`);
  return value;
}

/** The columns that place a card: which stage and lane, named as in the map. */
const PLACE_COLUMNS: readonly CsvColumn[] = [
  {
    header: 'phase',
    aliases: ['phase_id', 'phase_name'],
    // a default phase by its default name in the map's language (stable across renames), a map's own phase by its name
    write: ({ phase, locale }, kit) => (isDefaultPhaseId(phase.id) ? phaseWord(phase.id, locale) : kit.neutralise(phase.name.trim() || phase.id)),
    read(cell, into, kit) {
      const value = cell.trim();
      if (value === '') return;
      const phase = kit.phaseFromWords(value);
      if (phase) into.phase = phase;
      else into.ownPhase = nameCell(value, kit);
    },
  },
  {
    header: 'stage',
    aliases: ['schritt'],
    write: ({ stage }, kit) => kit.neutralise(stage.name),
    read: (cell, into, kit) => void (into.stage = nameCell(cell, kit)),
  },
  {
    header: 'lane',
    aliases: ['ebene'],
    write: ({ lane }, kit) => kit.neutralise(lane.name),
    read: (cell, into, kit) => void (into.lane = nameCell(cell, kit)),
  },
  {
    header: 'lane kind',
    aliases: ['lane_kind', 'kind', 'ebenen-art'],
    write: ({ lane }) => lane.kind,
    read(cell, into, kit) {
      const value = cell.trim();
      if (value === '') return;
      // the kind's id, as we write it, or a name for it that the descriptors' aliases know ("Pain points")
      const kind = laneKindFromWords(value);
      if (kind) into.laneKind = kind;
      else kit.problem(`must be one of ${LANE_KINDS.join(', ')}`);
    },
  },
];

/** The card's own fields that have a CSV column (model/cardFields.ts), and the extra columns given, in their column order. */
function cardColumns(...extra: (CsvColumn & { position: number })[]): CsvColumn[] {
  const columns: (CsvColumn & { position: number })[] = [...extra];
  for (const [name, spec] of cardFieldEntries()) {
    const csv = spec.csv;
    if (!csv) continue;
    columns.push({
      header: csv.header,
      aliases: csv.aliases,
      position: csv.position,
      write: ({ card }, kit) => csv.write(card[name], kit),
      read: (cell, into, kit) => void Object.assign(into, { [name]: csv.read(cell, kit) }),
    });
  }
  return columns.sort((a, b) => a.position - b.position);
}

/*
 * A card's evidence in one cell: one item per line, each line one JSON object with the item's
 * fields, defaults left out, text first:
 *
 *   {"text":"The parcel came three days late","source":"support","count":37,"date":"2026-03-02"}
 *   {"text":"Fast checkout","source":"review","score":5,"scale":"stars","sentiment":"positive"}
 *
 * Why JSON per line and not a sheet-friendlier "quote — source, 37×" shorthand: a quote is free
 * text (quotes, semicolons, dashes, line breaks, anything a customer typed) and an item has a
 * dozen optional fields; any shorthand needs escaping rules of its own that nobody can read
 * either, and one that guesses would lose data. JSON's string escaping is the one every tool
 * reads back exactly; escaped line breaks keep an item on one line, so the cell reads as a list,
 * one item a line, with the quote up front. A cell starting with "{" is no formula, and a
 * spreadsheet only runs a cell's start, so no apostrophe is needed.
 *
 * Not carried: the items' ids and orders (the cell's order is theirs) and a stage hint (the
 * card's own stage says where an item on it belongs; hints matter for inbox items, which have
 * no row).
 */

/** An item as its line of the evidence cell. */
function evidenceLine(item: EvidenceItem): string {
  const fields: Record<string, unknown> = { text: item.text };
  if (item.source !== 'other') fields.source = item.source;
  if (item.count !== 1) fields.count = item.count;
  if (item.date) fields.date = item.date;
  if (item.score !== null && item.scale !== null) {
    fields.score = item.score;
    fields.scale = item.scale;
  }
  if (item.sentiment !== null) fields.sentiment = item.sentiment;
  if (item.reference) fields.reference = item.reference;
  if (item.channel !== null) fields.channel = item.channel;
  if (item.addedBy) fields.addedBy = item.addedBy;
  return JSON.stringify(fields);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The evidence cell's items; every line that is no item is a problem naming the line. */
function readEvidenceCell(cell: string, kit: CsvReadKit): EvidenceDraft[] {
  const items: EvidenceDraft[] = [];
  const lines = cell.split(/\r\n|\n|\r/);
  lines.forEach((line, n) => {
    if (line.trim() === '') return;
    const at = lines.length > 1 ? `item ${n + 1} ` : '';
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (!isRecord(value) || typeof value.text !== 'string') {
      kit.problem(`${at}is not an evidence item: each line must be one {"text": "…", …} object`);
      return;
    }
    const bad = (field: string, reason: string) => kit.problem(`${at}${field} ${reason}`);
    const v = value;
    const text = value.text;
    const draft: EvidenceDraft = { text };
    if (text.length > LIMITS.evidenceText) bad('text', `is longer than ${LIMITS.evidenceText} characters`);
    if (v.source !== undefined) {
      if (EVIDENCE_SOURCES.includes(v.source as never)) draft.source = v.source as EvidenceDraft['source'];
      else bad('source', `must be one of ${EVIDENCE_SOURCES.join(', ')}`);
    }
    if (v.count !== undefined) {
      if (typeof v.count === 'number' && Number.isInteger(v.count) && v.count >= 1 && v.count <= LIMITS.evidenceCount) draft.count = v.count;
      else bad('count', `must be a whole number from 1 to ${LIMITS.evidenceCount}`);
    }
    if (v.date !== undefined) {
      if (typeof v.date === 'string' && (v.date === '' || isEvidenceDate(v.date))) draft.date = v.date;
      else bad('date', 'must be a day as YYYY-MM-DD');
    }
    if (v.score !== undefined || v.scale !== undefined) {
      const scale = SCORE_SCALES.includes(v.scale as never) ? (v.scale as ScoreScale) : null;
      if (scale === null) bad('scale', `must be one of ${SCORE_SCALES.join(', ')}`);
      else if (typeof v.score !== 'number' || !scoreFits(v.score, scale)) bad('score', `is not a whole number on the ${scale} scale`);
      else Object.assign(draft, { score: v.score, scale });
    }
    if (v.sentiment !== undefined && v.sentiment !== null) {
      if (SENTIMENTS.includes(v.sentiment as never)) draft.sentiment = v.sentiment as EvidenceDraft['sentiment'];
      else bad('sentiment', `must be one of ${SENTIMENTS.join(', ')}`);
    }
    if (v.reference !== undefined) {
      if (typeof v.reference === 'string' && v.reference.length <= LIMITS.evidenceReference) draft.reference = v.reference;
      else bad('reference', `must be text of at most ${LIMITS.evidenceReference} characters`);
    }
    if (v.channel !== undefined && v.channel !== null) {
      if (CHANNELS.includes(v.channel as never)) draft.channel = v.channel as EvidenceDraft['channel'];
      else bad('channel', `must be one of ${CHANNELS.join(', ')}`);
    }
    if (v.addedBy !== undefined) {
      if (typeof v.addedBy === 'string' && v.addedBy.length <= LIMITS.author) draft.addedBy = v.addedBy;
      else bad('addedBy', `must be text of at most ${LIMITS.author} characters`);
    }
    items.push(draft);
  });
  return items;
}

/** right after `confidence` (position 11); status (12), owner (13) and any card field added later come after it */
const EVIDENCE_POSITION = 11.5;

const EVIDENCE_COLUMN: CsvColumn = {
  header: 'evidence',
  aliases: ['belege', 'beleg'],
  write: ({ evidence }) => evidence.map(evidenceLine).join('\n'),
  read: (cell, into, kit) => void (into.evidence = readEvidenceCell(cell, kit)),
};

/** Every column, in the order the export writes them: the card's place, then its fields with its evidence after `confidence`. */
const COLUMNS: readonly CsvColumn[] = [...PLACE_COLUMNS, ...cardColumns({ ...EVIDENCE_COLUMN, position: EVIDENCE_POSITION })];

export const CSV_COLUMNS: readonly string[] = COLUMNS.map((column) => column.header);

/** Header names understood on import, lower case: each column's own and its aliases. */
const COLUMN_BY_NAME = new Map<string, CsvColumn>(COLUMNS.flatMap((column) => [column.header, ...column.aliases].map((name) => [name, column] as const)));

const BOM = '\ufeff';
const NO_EVIDENCE: readonly EvidenceItem[] = [];

/** Starts like a formula, or like an escaped one (so the escape can be undone exactly). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A list cell: items joined by "; ", with ";" and "\" inside an item escaped by a backslash. */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
}

export function splitList(cell: string): string[] {
  if (cell === '') return [];
  const items: string[] = [];
  let current = '';
  let escaped = false;
  for (const ch of cell) {
    if (escaped) {
      current += ch;
      escaped = false;
    } else if (ch === '\\') escaped = true;
    else if (ch === ';') {
      items.push(current);
      current = '';
    } else current += ch;
  }
  if (escaped) current += '\\';
  items.push(current);
  // "a; b": the space after each separator belongs to the separator
  return items.map((item, i) => (i > 0 && item.startsWith(' ') ? item.slice(1) : item));
}

/** A round's result, as the CSV export takes it. */
export interface CsvRoundResult {
  round: VoteRound;
  tally: readonly TallyEntry[];
}

/** "votes: Biggest pain (2026-11-23)": the date the round started, in UTC. */
export function roundColumnHeader(round: VoteRound): string {
  const started = Date.parse(round.startedAt);
  const date = Number.isNaN(started) ? round.startedAt.slice(0, 10) : new Date(started).toISOString().slice(0, 10);
  return `votes: ${round.title} (${date})`;
}

/**
 * One row per card, in map order (stage, lane, position in the cell); with `rounds`, one more
 * column per closed or revealed round (open rounds are still being voted on and are left out).
 */
export function journeyToCsv(journey: Journey, rounds?: readonly CsvRoundResult[]): string {
  const stages = new Map(journey.stages.map((s) => [s.id, s]));
  const lanes = new Map(journey.lanes.map((l) => [l.id, l]));
  const phases = journey.phases.length > 0 ? journey.phases : DEFAULT_PHASE_IDS.map((id) => ({ id, name: '', color: '', order: '' }));
  const personas = new Map(journey.personas.map((p) => [p.id, p.name]));
  const ended = (rounds ?? []).filter((r) => r.round.status === 'closed' || r.round.status === 'revealed');
  const roundVotes = ended.map((r) => new Map(r.tally.map((entry) => [entry.cardId, entry.votes])));
  const header = [...CSV_COLUMNS, ...ended.map((r) => quote(neutraliseCell(roundColumnHeader(r.round))))];
  const rows: string[] = [header.join(',')];
  const locale = journey.locale;
  const kit: CsvWriteKit = { neutralise: neutraliseCell, joinList, personaName: (id) => personas.get(id), channelName: (channel) => channelName(channel, locale) };
  const evidence = evidenceByCard(journey.evidence);
  for (const card of journey.cards) {
    const stage = stages.get(card.stageId);
    const lane = lanes.get(card.laneId);
    if (!stage || !lane) continue;
    const dots = roundVotes.map((byCard) => byCard.get(card.id) ?? 0);
    // the votes column: what a CX lead asks for, the card's dots, over every ended round
    const total = dots.reduce((a, b) => a + b, card.votes);
    const row: CsvRow = { card: total === card.votes ? card : { ...card, votes: total }, stage, phase: phaseShownFor(stage.phase, phases), lane, locale, evidence: evidence.get(card.id) ?? NO_EVIDENCE };
    const votes = dots.map(String);
    rows.push([...COLUMNS.map((column) => quote(column.write(row, kit))), ...votes].join(','));
  }
  return `${BOM}${rows.join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ reading

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; issues: FileIssue[] };

/** A cell separator: the comma of RFC 4180, the semicolon a German Excel writes, or a tab. */
export type CsvSeparator = ',' | ';' | '\t';

/**
 * RFC 4180 records; tolerant of LF-only line ends and a missing final line end. `separator`
 * splits the cells (a comma unless told otherwise; quotes work the same with any of them).
 */
export function parseCsv(text: string, maxRows = LIMITS.cards + 1, separator: CsvSeparator = ','): CsvParse {
  const separatorCode = separator.charCodeAt(0);
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let line = 1;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === '"' && cell === '') {
      // a quoted cell
      const startLine = line;
      i++;
      let closed = false;
      let parts = '';
      while (i < n) {
        const next = source.indexOf('"', i);
        if (next < 0) break;
        const chunk = source.slice(i, next);
        parts += chunk;
        line += countNewlines(chunk);
        if (source[next + 1] === '"') {
          parts += '"';
          i = next + 2;
        } else {
          i = next + 1;
          closed = true;
          break;
        }
      }
      if (!closed) return { ok: false, issues: [issue([`line ${startLine}`], 'has a quoted cell that is never closed')] };
      cell = parts;
      if (i < n && source[i] !== separator && source[i] !== '\r' && source[i] !== '\n') {
        return { ok: false, issues: [issue([`line ${line}`], 'has text after a closing quote; quotes inside a cell must be doubled ("")')] };
      }
      continue;
    }
    if (ch === separator) {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      cell = '';
      rows.push(row);
      row = [];
      if (rows.length > maxRows) return { ok: false, issues: [issue([], `has more than ${maxRows - 1} rows`)] };
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      const next = nextSpecial(source, i, separatorCode);
      cell += source.slice(i, next);
      i = next;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { ok: true, rows: rows.filter((r) => !(r.length === 1 && r[0] === '')) };
}

function nextSpecial(source: string, from: number, separatorCode: number): number {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === separatorCode || c === 13 || c === 10 || c === 34) return i === from ? i + 1 : i;
  }
  return source.length;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** locale: the language the phase and channel names were written in (English when they do not tell) */
export type CsvCardsResult = { ok: true; cards: CsvCard[]; locale: Locale } | { ok: false; issues: FileIssue[] };

/** Round columns the export adds, "votes: <title> (<date>)". */
const ROUND_COLUMN = /^votes: /i;

const MAX_ISSUES = 200;

/** What a row reads as before its cells: every column left out takes this. */
function emptyRow(): CsvCard {
  const { id: _id, stageId: _stageId, laneId: _laneId, order: _order, ...fields } = defaultCard();
  return { phase: 'pre-purchase', ownPhase: null, stage: '', lane: '', laneKind: FALLBACK_LANE_KIND, ...fields, evidence: [] };
}

/** The CSV's rows as cards, checked cell by cell; every problem names its row and column. */
export function readCsvCards(text: string): CsvCardsResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, issues: [issue([], 'is empty')] };
  const at = new Map<CsvColumn, number>();
  header.forEach((name, i) => {
    const column = COLUMN_BY_NAME.get(name.trim().toLowerCase());
    if (column && !at.has(column)) at.set(column, i);
  });
  const missing = ['stage', 'lane', 'title'].filter((name) => !at.has(COLUMN_BY_NAME.get(name)!));
  if (missing.length > 0) {
    return { ok: false, issues: [issue(['line 1'], `is not a Waymark CSV header: the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`)] };
  }
  const roundColumns = header.flatMap((name, i) => (ROUND_COLUMN.test(restoreCell(name.trim())) ? [i] : []));
  const language = new CsvLanguage();
  const issues: FileIssue[] = [];
  const cards: CsvCard[] = [];
  rows.forEach((row, r) => {
    if (issues.length >= MAX_ISSUES) return;
    const line = `line ${r + 2}`;
    const card = emptyRow();
    for (const column of COLUMNS) {
      const i = at.get(column);
      const kit: PlaceReadKit = {
        restore: restoreCell,
        splitList,
        channelFromWords: (cell) => language.channel(cell),
        phaseFromWords: (cell) => language.phase(cell),
        problem: (reason) => issues.push(issue([line, column.header], reason)),
      };
      column.read(i === undefined ? '' : (row[i] ?? ''), card, kit);
    }
    // the votes column counted the rounds' dots too; the card keeps only its own tally
    const roundDots = roundColumns.reduce((sum, i) => sum + wholeOrZero(row[i] ?? ''), 0);
    card.votes = Math.max(0, card.votes - roundDots);
    cards.push(card);
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, cards, locale: language.locale };
}

function wholeOrZero(cell: string): number {
  const n = Number(cell.trim());
  return Number.isInteger(n) && n > 0 ? n : 0;
}
