import {
  concatTransformationMatrix,
  LineCapStyle,
  PDFDocument,
  PDFFlateStream,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
  type Color,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import { intersects, roundedRectPath, circlePath, type Box, type ImageShape, type Scene, type Shape, type Stroke } from './scene';
import { measureText } from './text';

/**
 * A scene (see render.ts) as a vector PDF, drawn with pdf-lib: the same shapes and text as the
 * SVG export, so the print looks like the screen. Text uses the PDF standard fonts
 * (Helvetica), which every viewer has and whose widths the renderer measured with; characters
 * those fonts cannot encode (outside Windows-1252) are replaced.
 *
 * Landscape pages; either the whole map fitted on one page, or the map at its natural size
 * (1 px = 0.75 pt, as a browser prints) tiled across as many pages as it needs, each page
 * numbered so they can be taped together. 'auto' (the export dialog's default, "readable")
 * fits the map on one page only while its card text stays readable, else tiles it: a 24-stage
 * map squeezed onto one A4 page prints its cards at 2 pt.
 */

export const PAPER_SIZES = {
  a4: { width: 841.89, height: 595.28 },
  a3: { width: 1190.55, height: 841.89 },
  letter: { width: 792, height: 612 },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export type PdfPages = 'auto' | 'fit' | 'tile';

/**
 * The smallest scale (points per scene pixel) a fitted page may print at. Card titles are 13 px,
 * so 0.2 prints them at 2.6 pt: small, but an 8-stage map on one A4 sheet (0.22–0.27) can still
 * be read close up and zoomed on screen, as people share it. A 24-stage map on A4 would be 0.12
 * (1.6 pt): that is tiled. Tiles print at 0.75, as a browser prints at 100 %.
 */
export const READABLE_SCALE = 0.2;
/** Below this a fitted page is small print (titles under 4.5 pt): the export dialog says so and names a larger paper. */
export const SMALL_PRINT_SCALE = 0.35;

export interface PdfOptions {
  paper: PaperSize;
  pages: PdfPages;
  /** called with 0…1 as the work goes on */
  onProgress?: (fraction: number) => void;
  /** awaited every few hundred shapes, so a browser can let other work run in between */
  pause?: () => Promise<void>;
  /** document dates; default now */
  date?: Date;
}

const MARGIN = 24;
/** CSS pixels to points: what a browser's print does at 100 %. */
const TILE_SCALE = 0.75;
/**
 * Shapes per content stream, and per pause: drawing them is a few milliseconds, compressing the
 * stream they make (compressStreams) a few more, both well under a long task (50 ms) on a slow
 * machine.
 */
const SHAPES_PER_PAUSE = 150;

export interface PageTile {
  /** the part of the scene on this page, in scene pixels */
  view: Box;
  /** scene pixels → points */
  scale: number;
  /** where the view's top-left corner lands on the page, in points from the top-left */
  left: number;
  top: number;
}

/** The scale at which the whole scene fits one page of this paper. */
export function fitScale(sceneWidth: number, sceneHeight: number, paper: PaperSize): number {
  const { width: pw, height: ph } = PAPER_SIZES[paper];
  return Math.min((pw - 2 * MARGIN) / sceneWidth, (ph - 2 * MARGIN) / sceneHeight);
}

/** 'auto' made concrete: one page while it stays readable, else tiles. */
export function resolvePages(sceneWidth: number, sceneHeight: number, paper: PaperSize, pages: PdfPages): 'fit' | 'tile' {
  if (pages !== 'auto') return pages;
  return fitScale(sceneWidth, sceneHeight, paper) >= READABLE_SCALE ? 'fit' : 'tile';
}

/** What a PDF of a scene will be, for the export dialog to say before it is made. */
export interface PdfPlan {
  pages: 'fit' | 'tile';
  /** how many sheets */
  count: number;
  /** points per scene pixel (0.75 is a browser's 100 %) */
  scale: number;
  /** the card text prints at a readable size */
  readable: boolean;
  /** readable, but small print (see SMALL_PRINT_SCALE) */
  small: boolean;
}

export function pdfPlan(sceneWidth: number, sceneHeight: number, paper: PaperSize, pages: PdfPages): PdfPlan {
  const tiles = planPages(sceneWidth, sceneHeight, paper, pages);
  const scale = tiles[0]!.scale;
  return { pages: resolvePages(sceneWidth, sceneHeight, paper, pages), count: tiles.length, scale, readable: scale >= READABLE_SCALE, small: scale < SMALL_PRINT_SCALE };
}

/** How a scene is laid out on pages: one fitted page, or tiles in reading order. */
export function planPages(sceneWidth: number, sceneHeight: number, paper: PaperSize, pages: PdfPages): PageTile[] {
  const { width: pw, height: ph } = PAPER_SIZES[paper];
  const usableW = pw - 2 * MARGIN;
  const usableH = ph - 2 * MARGIN;
  if (resolvePages(sceneWidth, sceneHeight, paper, pages) === 'fit') {
    const scale = fitScale(sceneWidth, sceneHeight, paper);
    return [
      {
        view: { x: 0, y: 0, width: sceneWidth, height: sceneHeight },
        scale,
        left: (pw - sceneWidth * scale) / 2,
        top: (ph - sceneHeight * scale) / 2,
      },
    ];
  }
  const tileW = usableW / TILE_SCALE;
  const tileH = usableH / TILE_SCALE;
  const columns = Math.max(1, Math.ceil(sceneWidth / tileW - 1e-6));
  const rows = Math.max(1, Math.ceil(sceneHeight / tileH - 1e-6));
  const tiles: PageTile[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      tiles.push({ view: { x: c * tileW, y: r * tileH, width: tileW, height: tileH }, scale: TILE_SCALE, left: MARGIN, top: MARGIN });
    }
  }
  return tiles;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
  charset: ReadonlySet<number>;
}

export async function sceneToPdf(scene: Scene, options: PdfOptions): Promise<Uint8Array> {
  const pause = options.pause ?? (() => Promise.resolve());
  const doc = await PDFDocument.create();
  const date = options.date ?? new Date();
  doc.setTitle(scene.title, { showInWindowTitleBar: true });
  if (scene.description) doc.setSubject(scene.description.slice(0, 1000));
  doc.setCreator('Waymark');
  doc.setProducer('Waymark (pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  // each standard font unpacks its metrics (~10 ms): one at a time
  const embed = async (font: StandardFonts) => {
    const embedded = await doc.embedFont(font);
    await pause();
    return embedded;
  };
  const regular = await embed(StandardFonts.Helvetica);
  const fonts: Fonts = {
    regular,
    bold: await embed(StandardFonts.HelveticaBold),
    italic: await embed(StandardFonts.HelveticaOblique),
    boldItalic: await embed(StandardFonts.HelveticaBoldOblique),
    charset: new Set(regular.getCharacterSet()),
  };
  const pictures = await embedImages(doc, scene.shapes, pause);

  const tiles = planPages(scene.width, scene.height, options.paper, options.pages);
  const { width: pw, height: ph } = PAPER_SIZES[options.paper];
  const total = tiles.length * scene.shapes.length || 1;
  let done = 0;
  let sincePause = 0;
  for (const [index, tile] of tiles.entries()) {
    const page = doc.addPage([pw, ph]);
    if (scene.background) {
      const w = Math.min(tile.view.width, scene.width - tile.view.x) * tile.scale;
      const h = Math.min(tile.view.height, scene.height - tile.view.y) * tile.scale;
      page.drawRectangle({ x: tile.left, y: ph - tile.top - h, width: w, height: h, color: hex(scene.background) });
    }
    // scene coordinates from here on: origin at the view's top-left, y up (pdf-lib's drawing
    // calls flip SVG paths themselves; text is placed at -y)
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(tile.scale, 0, 0, tile.scale, tile.left - tile.view.x * tile.scale, ph - tile.top + tile.view.y * tile.scale),
    );
    if (tiles.length > 1) clipTo(page, tile.view);
    for (const shape of scene.shapes) {
      done++;
      if (tiles.length > 1 && !intersects(shape.bounds, tile.view)) continue;
      drawShape(page, shape, fonts, pictures);
      if (++sincePause >= SHAPES_PER_PAUSE) {
        sincePause = 0;
        newContentStream(page);
        options.onProgress?.((0.8 * done) / total);
        await pause();
      }
    }
    page.pushOperators(popGraphicsState());
    if (tiles.length > 1) {
      const label = toWinAnsi(`${scene.title} · ${index + 1} / ${tiles.length}`, fonts.charset);
      page.drawText(label.slice(0, 160), { x: MARGIN, y: MARGIN / 2 - 3, size: 7, font: fonts.regular, color: rgb(0.58, 0.64, 0.72) });
    }
    done = (index + 1) * scene.shapes.length;
  }
  options.onProgress?.(0.8);
  await compressStreams(doc, pause, (f) => options.onProgress?.(0.8 + 0.15 * f));
  options.onProgress?.(0.95);
  // with the streams compressed, writing is copying: pdf-lib yields every objectsPerTick objects
  const bytes = await doc.save({ objectsPerTick: 50, useObjectStreams: false });
  options.onProgress?.(1);
  return bytes;
}

/**
 * Compresses every stream of the document now, one at a time with a pause after each. pdf-lib
 * compresses a stream when `save` first asks for its size and keeps the result; left to `save`,
 * it compresses as many as `objectsPerTick` in one go, and a map of 2,000 cards has dozens of
 * them (one per SHAPES_PER_PAUSE shapes).
 */
async function compressStreams(doc: PDFDocument, pause: () => Promise<void>, onProgress: (fraction: number) => void): Promise<void> {
  const streams = doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFFlateStream => object instanceof PDFFlateStream);
  for (const [i, stream] of streams.entries()) {
    stream.getContentsSize();
    onProgress((i + 1) / streams.length);
    await pause();
  }
}

/**
 * Starts a new content stream on the page. A page's streams are drawn as one, graphics state
 * included; several small streams let pdf-lib compress and write them a few at a time (it
 * yields between objects) instead of in one long block. pdf-lib makes a new stream when its
 * current one is unset; without that field (another pdf-lib version) this does nothing.
 */
function newContentStream(page: PDFPage): void {
  const internals = page as unknown as { contentStream?: unknown };
  if ('contentStream' in internals) internals.contentStream = undefined;
}

/** Nothing drawn for one tile spills into the page margin: clip to the view (y flipped). */
function clipTo(page: PDFPage, view: Box): void {
  const n = (value: number) => PDFNumber.of(Math.round(value * 100) / 100);
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.AppendRectangle, [n(view.x), n(-view.y - view.height), n(view.width), n(view.height)]),
    PDFOperator.of(PDFOperatorNames.ClipNonZero),
    PDFOperator.of(PDFOperatorNames.EndPath),
  );
}

/**
 * Each picture of the scene embedded once (a photo on two cards is one object in the file).
 * Bytes pdf-lib cannot read are left out: the card prints without its picture.
 */
async function embedImages(doc: PDFDocument, shapes: readonly Shape[], pause: () => Promise<void>): Promise<Map<Uint8Array, PDFImage>> {
  const out = new Map<Uint8Array, PDFImage>();
  for (const shape of shapes) {
    if (shape.kind !== 'image' || out.has(shape.bytes)) continue;
    try {
      out.set(shape.bytes, shape.mime === 'image/png' ? await doc.embedPng(shape.bytes) : await doc.embedJpg(shape.bytes));
    } catch {
      // not a picture pdf-lib understands
    }
    await pause();
  }
  return out;
}

function drawImage(page: PDFPage, shape: ImageShape, pictures: ReadonlyMap<Uint8Array, PDFImage>): void {
  const picture = pictures.get(shape.bytes);
  // y up here: the box's bottom edge is at -(top + height)
  if (picture) page.drawImage(picture, { x: shape.x, y: -(shape.y + shape.height), width: shape.width, height: shape.height });
}

function drawShape(page: PDFPage, shape: Shape, fonts: Fonts, pictures: ReadonlyMap<Uint8Array, PDFImage>): void {
  if (shape.kind === 'text') {
    drawText(page, shape, fonts);
    return;
  }
  if (shape.kind === 'image') {
    drawImage(page, shape, pictures);
    return;
  }
  let d: string;
  if (shape.kind === 'rect') d = roundedRectPath(shape.x, shape.y, shape.width, shape.height, shape.radius ?? 0);
  else if (shape.kind === 'circle') d = circlePath(shape.cx, shape.cy, shape.r);
  else d = shape.d;
  page.drawSvgPath(d, { x: 0, y: 0, ...fill(shape.fill, shape.fillOpacity), ...stroke(shape.stroke) });
}

function fill(color: string | undefined, opacity: number | undefined) {
  if (!color) return {};
  return { color: hex(color), opacity: opacity ?? 1 };
}

function stroke(s: Stroke | undefined) {
  if (!s) return {};
  return {
    borderColor: hex(s.color),
    borderWidth: s.width,
    borderOpacity: s.opacity ?? 1,
    borderDashArray: s.dash ? [...s.dash] : undefined,
    borderLineCap: s.linecap === 'round' ? LineCapStyle.Round : LineCapStyle.Butt,
  };
}

function drawText(page: PDFPage, shape: Extract<Shape, { kind: 'text' }>, fonts: Fonts): void {
  const font = shape.bold ? (shape.italic ? fonts.boldItalic : fonts.bold) : shape.italic ? fonts.italic : fonts.regular;
  const text = toWinAnsi(shape.text, fonts.charset);
  if (!text.trim()) return;
  let x = shape.x;
  if (shape.anchor === 'middle' || shape.anchor === 'end') {
    const width = safeWidth(font, text, shape.size) ?? measureText(shape.text, shape.size, shape.bold);
    x -= shape.anchor === 'middle' ? width / 2 : width;
  }
  page.drawText(text, { x, y: -shape.y, size: shape.size, font, color: hex(shape.color) });
}

function safeWidth(font: PDFFont, text: string, size: number): number | null {
  try {
    return font.widthOfTextAtSize(text, size);
  } catch {
    return null;
  }
}

const REPLACEMENTS: Record<string, string> = { '−': '-', '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '≠': '!=', '✓': 'v', '\u00a0': ' ' };

/** Text the standard fonts can encode: accents kept where Windows-1252 has them, the rest replaced. */
export function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t\f\v]+/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    if (charset.has(cp)) {
      out += ch;
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    if (base && [...base].every((c) => charset.has(c.codePointAt(0)!))) out += base;
    else if (/\p{M}|\p{Cf}/u.test(ch)) continue;
    else out += '?';
  }
  return out;
}

function hex(color: string): Color {
  const m = /^#([0-9a-f]{3,8})$/i.exec(color);
  if (!m) return rgb(0, 0, 0);
  let h = m[1]!;
  if (h.length === 3 || h.length === 4) h = [...h.slice(0, 3)].map((c) => c + c).join('');
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16) / 255;
  return rgb(n(0), n(2), n(4));
}
