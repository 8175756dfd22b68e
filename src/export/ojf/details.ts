/**
 * What an OpenJourney import writes below a card's (or a stage's, or the map's) own text: the
 * fields Waymark has no place for, one `key: value` line each, under a marker line. The text
 * above the marker is the file's description exactly as it was, so the OpenJourney export can
 * split a body back into the description and the fields (`splitDetails`) and write them where
 * they came from.
 *
 *   Chooses the first free slot next week.      ← the node's description, as in the file
 *
 *   — OpenJourney —
 *   Score: +3 (OpenJourney, −5…+5)
 *   Sentiment: positive
 *   mood: uncertain                             ← a field this app does not know, kept
 */

export const DETAILS_MARKER = '— OpenJourney —';

export interface Detail {
  key: string;
  value: unknown;
}

const SCORE_SUFFIX = ' (OpenJourney, −5…+5)';

/** A value as one line: plain text as it is, anything else (or text that would read as something else) as JSON. */
export function encodeValue(value: unknown): string {
  if (typeof value === 'string') {
    const plain = !value.includes('\n') && !value.includes('\r') && value.trim() === value && !looksLikeJson(value);
    return plain ? value : JSON.stringify(value);
  }
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    // deeper than the engine can write: say so rather than fail the import
    return '"[nested value]"';
  }
}

function looksLikeJson(text: string): boolean {
  if (text === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The value `encodeValue` wrote. */
export function decodeValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A key as written: plain when it cannot be mistaken for the separator, else quoted. */
function encodeKey(key: string): string {
  return /^[^\s"][^:\n\r]*$/.test(key) && key.trim() === key ? key : JSON.stringify(key);
}

/** One detail as its line. The score reads as people write it ("+3"), with the scale named. */
export function detailLine({ key, value }: Detail): string {
  if (key === 'Score' && typeof value === 'number') return `Score: ${value > 0 ? '+' : ''}${value}${SCORE_SUFFIX}`;
  return `${encodeKey(key)}: ${encodeValue(value)}`;
}

/** A line back as a detail, or null for a line that is none (someone typed below the marker). */
export function readDetailLine(line: string): Detail | null {
  let key: string;
  let rest: string;
  if (line.startsWith('"')) {
    const quoted = /^"(?:[^"\\]|\\.)*"/.exec(line);
    if (!quoted) return null;
    try {
      key = JSON.parse(quoted[0]) as string;
    } catch {
      return null;
    }
    rest = line.slice(quoted[0].length);
  } else {
    const at = line.indexOf(':');
    if (at <= 0) return null;
    key = line.slice(0, at);
    rest = line.slice(at);
  }
  if (!rest.startsWith(': ')) return null;
  const text = rest.slice(2);
  if (key === 'Score') {
    const score = Number(text.endsWith(SCORE_SUFFIX) ? text.slice(0, -SCORE_SUFFIX.length) : text);
    return Number.isFinite(score) ? { key, value: score } : { key, value: decodeValue(text) };
  }
  return { key, value: decodeValue(text) };
}

/** The text with the details below it; just the text when there are none. */
export function withDetails(text: string, details: readonly Detail[], otherLines: readonly string[] = []): string {
  return withLines(text, [...details.map(detailLine), ...otherLines]);
}

/** The text with lines already written by `detailLine` below the marker. */
export function withLines(text: string, lines: readonly string[]): string {
  if (lines.length === 0) return text;
  const block = [DETAILS_MARKER, ...lines].join('\n');
  return text === '' ? block : `${text}\n\n${block}`;
}

export interface SplitText {
  /** the text above the marker, exactly as imported */
  text: string;
  details: Detail[];
  /** lines below the marker that are no `key: value` */
  otherLines: string[];
}

/** A body (or description) split into its own text and the details an import wrote below it. */
export function splitDetails(body: string): SplitText {
  let text: string;
  let block: string;
  if (body.startsWith(`${DETAILS_MARKER}\n`) || body === DETAILS_MARKER) {
    text = '';
    block = body.slice(DETAILS_MARKER.length + 1);
  } else {
    const at = body.lastIndexOf(`\n\n${DETAILS_MARKER}\n`);
    if (at < 0) return { text: body, details: [], otherLines: [] };
    text = body.slice(0, at);
    block = body.slice(at + DETAILS_MARKER.length + 3);
  }
  const details: Detail[] = [];
  const otherLines: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '') continue;
    const detail = readDetailLine(line);
    if (detail) details.push(detail);
    else otherLines.push(line);
  }
  return { text, details, otherLines };
}
