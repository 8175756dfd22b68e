/**
 * Text for exported images: making any string safe inside XML, and fitting it into a box
 * without a DOM to measure it.
 *
 * Widths come from the Adobe metrics of Helvetica and Helvetica-Bold (the PDF export's standard
 * fonts). Arial and Liberation Sans — the first names in the export's font stack — are
 * metric-compatible with Helvetica, so an estimate made here matches what a browser, Inkscape
 * or a PDF viewer draws, on any system that has one of the three.
 */

/** Units per em of the width tables below. */
const EM = 1000;

// Helvetica, code points 32…126, then 160…255 (from the font's AFM metrics).
const REGULAR_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const REGULAR_LATIN1 = [
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 556, 537, 278,
  333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500,
  556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];
const BOLD_ASCII = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const BOLD_LATIN1 = [
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278,
  333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556,
  556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

/** Typographic punctuation outside Latin-1 that maps text often has. */
const PUNCTUATION: Record<number, number> = {
  0x2013: 556, // –
  0x2014: 1000, // —
  0x2018: 222,
  0x2019: 222,
  0x201a: 222,
  0x201c: 333,
  0x201d: 333,
  0x201e: 333,
  0x2022: 350, // •
  0x2026: 1000, // …
  0x20ac: 556, // €
  0x2122: 1000,
  0x2212: 584, // −
};

/** Code points that take no room (combining marks, zero-width characters). */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);
}

/** East Asian wide characters and emoji: a full em. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function glyphWidth(cp: number, bold: boolean): number {
  if (cp >= 32 && cp < 127) return (bold ? BOLD_ASCII : REGULAR_ASCII)[cp - 32]!;
  if (cp >= 160 && cp < 256) return (bold ? BOLD_LATIN1 : REGULAR_LATIN1)[cp - 160]!;
  const known = PUNCTUATION[cp];
  if (known !== undefined) return known;
  if (isZeroWidth(cp)) return 0;
  if (isWide(cp)) return EM;
  // Other alphabets (Latin Extended, Greek, Cyrillic, …): an average lower-case letter, a
  // little generous, since the fallback font that draws them is often wider.
  return bold ? 640 : 600;
}

/**
 * Estimated advance width of `text` at `size` px. Errs on the wide side by a few per cent, so
 * text clamped with it still fits when a fallback font is a little wider than Helvetica.
 */
export function measureText(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += glyphWidth(ch.codePointAt(0)!, bold);
  return (units / EM) * size * 1.03;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
}

const ELLIPSIS = '…';

/**
 * Longer strings are cut before measuring: no box in a journey map holds more than a few
 * hundred characters, and a 100,000-character title must not cost 100,000 measurements.
 */
const MEASURE_LIMIT = 600;

/** Splits into user-perceived characters where the runtime can, else code points. */
let segmenter: Intl.Segmenter | null | undefined;
function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
    segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  // plain ASCII has one character per grapheme: skip the segmenter
  if (!segmenter || /^[\x20-\x7e]*$/.test(text)) return Array.from(text);
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** `text` on one line, cut with an ellipsis where it would pass `maxWidth`. */
export function clampLine(text: string, maxWidth: number, style: TextStyle): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const source = flat.length > MEASURE_LIMIT ? flat.slice(0, MEASURE_LIMIT) : flat;
  if (source === flat && measureText(flat, style.size, style.bold) <= maxWidth) return flat;
  const budget = maxWidth - measureText(ELLIPSIS, style.size, style.bold);
  const chars = graphemes(source);
  let width = 0;
  let out = '';
  for (const ch of chars) {
    const w = measureText(ch, style.size, style.bold);
    if (width + w > budget) break;
    width += w;
    out += ch;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/**
 * `text` wrapped at spaces into at most `maxLines` lines of `maxWidth`; the last line ends in an
 * ellipsis when the text does not fit. A word longer than a line is broken inside.
 */
export function wrapLines(text: string, maxWidth: number, maxLines: number, style: TextStyle): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '' || maxLines <= 0) return [];
  const source = flat.length > MEASURE_LIMIT ? flat.slice(0, MEASURE_LIMIT) : flat;
  const words = source.split(' ');
  const lines: string[] = [];
  const space = measureText(' ', style.size, style.bold);
  let line = '';
  let lineWidth = 0;
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    const word = words[i]!;
    const wordWidth = measureText(word, style.size, style.bold);
    const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
    if (candidateWidth <= maxWidth) {
      line = line ? `${line} ${word}` : word;
      lineWidth = candidateWidth;
      i++;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
      lineWidth = 0;
      continue;
    }
    // a single word wider than the line: break it
    const chars = graphemes(word);
    let part = '';
    let n = 0;
    while (n < chars.length && measureText(part + chars[n]!, style.size, style.bold) <= maxWidth) part += chars[n++]!;
    if (part === '') part = chars[n++] ?? '';
    lines.push(part);
    words[i] = chars.slice(n).join('');
    if (words[i] === '') i++;
  }
  if (line && lines.length < maxLines) {
    lines.push(line);
    line = '';
  }
  const rest = line || i < words.length || source !== flat;
  if (rest && lines.length > 0) {
    const last = lines.length - 1;
    const remaining = [lines[last]!, line, ...words.slice(i)].filter(Boolean).join(' ');
    lines[last] = clampLine(`${remaining}${ELLIPSIS}`, maxWidth, style);
    if (!lines[last]!.endsWith(ELLIPSIS)) lines[last] = `${lines[last]}${ELLIPSIS}`;
  }
  return lines;
}

// ---------- XML ----------

/**
 * Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; lone surrogates; U+FFFE
 * and U+FFFF), and the bidi embedding, override and isolate controls, which could make a map's
 * text read differently from what it is (a "Trojan source" in a title).
 */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes what cannot or should not appear in an exported document's text. */
export function cleanText(value: string): string {
  return value.replace(INVALID_XML, '').replace(BIDI_CONTROLS, '');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value, safe inside XML: escaped, and cleaned of invalid characters. */
export function escapeXml(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}
