import type { FileIssue } from '../schema/issues';
import { issue } from '../schema/issues';
import { LIMITS } from '../model/limits';
import { laneKindFromWords } from '../model/laneKindLookup';
import { FALLBACK_LANE_KIND } from '../model/laneKinds';
import { CHANNELS, EMOTION_MAX, EMOTION_MIN, LANE_KINDS, PHASE_IDS, type Channel, type Journey, type LaneKind, type PhaseId, type TallyEntry, type VoteRound } from '../model/types';

/**
 * The map as a spreadsheet, one row per card (RFC 4180, UTF-8 with a byte-order mark so Excel
 * reads the accents, CRLF line ends), and back. Values are the file format's own words —
 * phase, lane kind and channel ids, emotion as a number — so a CSV reads the same whatever the
 * language of the person who exported it.
 *
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) is written with a leading apostrophe, as OWASP advises; reading takes it off again,
 * so export → import → export gives the same bytes.
 *
 * Workshop vote rounds that have ended add one column each after the fixed ones,
 * "votes: <round title> (<YYYY-MM-DD>)", with each card's counted dots. Import ignores them
 * (any column it does not know), so such a CSV still imports.
 */

export const CSV_COLUMNS = [
  'phase',
  'stage',
  'lane',
  'lane kind',
  'title',
  'body',
  'channel',
  'emotion',
  'personas',
  'tags',
  'votes',
  'moment of truth',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Header names also understood on import (a German spreadsheet, a hand-made one). */
const HEADER_ALIASES: Record<string, Column> = {
  phase: 'phase',
  phase_id: 'phase',
  phase_name: 'phase',
  stage: 'stage',
  schritt: 'stage',
  lane: 'lane',
  ebene: 'lane',
  'lane kind': 'lane kind',
  'lane_kind': 'lane kind',
  kind: 'lane kind',
  'ebenen-art': 'lane kind',
  title: 'title',
  titel: 'title',
  body: 'body',
  notes: 'body',
  notizen: 'body',
  text: 'body',
  channel: 'channel',
  kanal: 'channel',
  emotion: 'emotion',
  personas: 'personas',
  tags: 'tags',
  votes: 'votes',
  stimmen: 'votes',
  'moment of truth': 'moment of truth',
  'moment_of_truth': 'moment of truth',
  'moment der wahrheit': 'moment of truth',
};

const BOM = '\ufeff';

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
  const personas = new Map(journey.personas.map((p) => [p.id, p.name]));
  const ended = (rounds ?? []).filter((r) => r.round.status === 'closed' || r.round.status === 'revealed');
  const roundVotes = ended.map((r) => new Map(r.tally.map((entry) => [entry.cardId, entry.votes])));
  const header = [...CSV_COLUMNS, ...ended.map((r) => quote(neutraliseCell(roundColumnHeader(r.round))))];
  const rows: string[] = [header.join(',')];
  for (const card of journey.cards) {
    const stage = stages.get(card.stageId);
    const lane = lanes.get(card.laneId);
    if (!stage || !lane) continue;
    const cells: Record<Column, string> = {
      phase: stage.phase,
      stage: neutraliseCell(stage.name),
      lane: neutraliseCell(lane.name),
      'lane kind': lane.kind,
      title: neutraliseCell(card.title),
      body: neutraliseCell(card.body),
      channel: card.channel ?? '',
      // a plain number is no formula, and "'-2" would be text to a spreadsheet
      emotion: card.emotion === null ? '' : String(card.emotion),
      personas: neutraliseCell(joinList(card.personaIds.map((id) => personas.get(id) ?? '').filter((name) => name !== ''))),
      tags: neutraliseCell(joinList(card.tags)),
      votes: String(card.votes),
      'moment of truth': card.momentOfTruth ? 'yes' : '',
    };
    const votes = roundVotes.map((byCard) => String(byCard.get(card.id) ?? 0));
    rows.push([...CSV_COLUMNS.map((column) => quote(cells[column])), ...votes].join(','));
  }
  return `${BOM}${rows.join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ reading

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; issues: FileIssue[] };

/** RFC 4180 records; tolerant of LF-only line ends and a missing final line end. */
export function parseCsv(text: string, maxRows = LIMITS.cards + 1): CsvParse {
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
      if (i < n && source[i] !== ',' && source[i] !== '\r' && source[i] !== '\n') {
        return { ok: false, issues: [issue([`line ${line}`], 'has text after a closing quote; quotes inside a cell must be doubled ("")')] };
      }
      continue;
    }
    if (ch === ',') {
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
      const next = nextSpecial(source, i);
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

function nextSpecial(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 44 || c === 13 || c === 10 || c === 34) return i === from ? i + 1 : i;
  }
  return source.length;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

export interface CsvCard {
  phase: PhaseId;
  stage: string;
  lane: string;
  laneKind: LaneKind;
  title: string;
  body: string;
  channel: Channel | null;
  emotion: number | null;
  personas: string[];
  tags: string[];
  votes: number;
  momentOfTruth: boolean;
}

export type CsvCardsResult = { ok: true; cards: CsvCard[] } | { ok: false; issues: FileIssue[] };

const YES = new Set(['yes', 'true', '1', 'x', 'ja', 'wahr', 'y', 'j']);
const NO = new Set(['', 'no', 'false', '0', 'nein', 'falsch', 'n']);
const MAX_ISSUES = 200;

/** The CSV's rows as cards, checked cell by cell; every problem names its row and column. */
export function readCsvCards(text: string): CsvCardsResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.rows;
  if (!header) return { ok: false, issues: [issue([], 'is empty')] };
  const columns = header.map((name) => HEADER_ALIASES[name.trim().toLowerCase()] ?? null);
  const at = new Map<Column, number>();
  columns.forEach((column, i) => {
    if (column && !at.has(column)) at.set(column, i);
  });
  const missing = (['stage', 'lane', 'title'] as const).filter((c) => !at.has(c));
  if (missing.length > 0) {
    return { ok: false, issues: [issue(['line 1'], `is not a Waymark CSV header: the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`)] };
  }
  const issues: FileIssue[] = [];
  const cards: CsvCard[] = [];
  rows.forEach((row, r) => {
    if (issues.length >= MAX_ISSUES) return;
    const line = `line ${r + 2}`;
    const get = (column: Column) => {
      const i = at.get(column);
      return i === undefined ? '' : (row[i] ?? '');
    };
    const problem = (column: Column, reason: string) => issues.push(issue([line, column], reason));
    const text = (column: Column, max: number) => {
      const value = restoreCell(get(column));
      if (value.length > max) problem(column, `is longer than ${max} characters`);
      return value;
    };
    const phaseCell = get('phase').trim();
    const phase = phaseCell === '' ? 'pre-purchase' : (PHASE_IDS as readonly string[]).includes(phaseCell) ? (phaseCell as PhaseId) : null;
    if (!phase) problem('phase', `must be one of ${PHASE_IDS.join(', ')}`);
    const kindCell = get('lane kind').trim();
    // the kind's id, as we write it, or a name for it that the descriptors' aliases know ("Pain points")
    const laneKind = kindCell === '' ? FALLBACK_LANE_KIND : laneKindFromWords(kindCell);
    if (!laneKind) problem('lane kind', `must be one of ${LANE_KINDS.join(', ')}`);
    const channelCell = get('channel').trim();
    const channel = channelCell === '' ? null : (CHANNELS as readonly string[]).includes(channelCell) ? (channelCell as Channel) : undefined;
    if (channel === undefined) problem('channel', `must be empty or one of ${CHANNELS.join(', ')}`);
    const emotionCell = get('emotion').trim().replace(/^'/, '').replace('−', '-').replace(/^\+/, '');
    let emotion: number | null = null;
    if (emotionCell !== '') {
      const value = Number(emotionCell);
      if (!Number.isInteger(value) || value < EMOTION_MIN || value > EMOTION_MAX) problem('emotion', `must be empty or a whole number between ${EMOTION_MIN} and +${EMOTION_MAX}`);
      else emotion = value;
    }
    const votesCell = get('votes').trim();
    const votes = votesCell === '' ? 0 : Number(votesCell);
    if (!Number.isInteger(votes) || votes < 0 || votes > 1_000_000) problem('votes', 'must be a whole number from 0 up');
    const motCell = get('moment of truth').trim().toLowerCase();
    if (!YES.has(motCell) && !NO.has(motCell)) problem('moment of truth', 'must be "yes" or empty');
    const stage = text('stage', LIMITS.name);
    const lane = text('lane', LIMITS.name);
    const personas = [...new Set(splitList(restoreCell(get('personas'))).filter((p) => p !== ''))];
    const tags = splitList(restoreCell(get('tags')));
    if (personas.some((p) => p.length > LIMITS.name)) problem('personas', `has a name longer than ${LIMITS.name} characters`);
    if (personas.length > LIMITS.personasPerCard) problem('personas', `has more than ${LIMITS.personasPerCard} entries`);
    if (tags.length > LIMITS.tagsPerCard) problem('tags', `has more than ${LIMITS.tagsPerCard} entries`);
    if (tags.some((tag) => tag.length > LIMITS.tag)) problem('tags', `has a tag longer than ${LIMITS.tag} characters`);
    cards.push({
      phase: phase ?? 'pre-purchase',
      stage,
      lane,
      laneKind: laneKind ?? FALLBACK_LANE_KIND,
      title: text('title', LIMITS.cardTitle),
      body: text('body', LIMITS.cardBody),
      channel: channel ?? null,
      emotion,
      personas,
      tags,
      votes: Number.isInteger(votes) ? votes : 0,
      momentOfTruth: YES.has(motCell),
    });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, cards };
}
