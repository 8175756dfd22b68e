/**
 * A drawing as a flat list of shapes and text in one coordinate space (y down, in CSS pixels).
 * The journey renderer (render.ts) produces one; `sceneToSvg` writes it as SVG and `scenePdf`
 * paints it into a PDF, so every image export draws exactly the same picture.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Stroke {
  color: string;
  width: number;
  dash?: readonly number[];
  opacity?: number;
  linecap?: 'butt' | 'round';
}

interface ShapeBase {
  /** hex colour, or absent for no fill */
  fill?: string;
  fillOpacity?: number;
  stroke?: Stroke;
  /** where the shape lies, for drawing only what falls inside a tile */
  bounds: Box;
}

export interface RectShape extends ShapeBase {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  /** corner radii: one for all, or [top-left, top-right, bottom-right, bottom-left] */
  radius?: number | readonly [number, number, number, number];
  /** the full text of what the rectangle stands for (a card's title), shown as a tooltip */
  tooltip?: string;
}

export interface PathShape extends ShapeBase {
  kind: 'path';
  /** SVG path data, absolute commands M L C Q A Z only */
  d: string;
}

export interface CircleShape extends ShapeBase {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
}

export interface TextShape {
  kind: 'text';
  x: number;
  /** the baseline */
  y: number;
  text: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  color: string;
  anchor?: 'start' | 'middle' | 'end';
  bounds: Box;
}

/** A raster picture (a card's image): JPEG or PNG bytes drawn to fill the box, whose proportions are the picture's. */
export interface ImageShape {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  mime: 'image/jpeg' | 'image/png';
  bytes: Uint8Array;
  bounds: Box;
}

export type Shape = RectShape | PathShape | CircleShape | TextShape | ImageShape;

export interface Scene {
  width: number;
  height: number;
  /** hex colour behind everything, or null for transparent */
  background: string | null;
  /** the document's title and a one-line description, for accessibility metadata */
  title: string;
  description: string;
  shapes: Shape[];
}

export const FONT_STACK = "'Liberation Sans', Arial, Helvetica, 'Helvetica Neue', 'DejaVu Sans', sans-serif";

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A rounded rectangle as absolute path data (what the PDF painter draws every rectangle as). */
export function roundedRectPath(x: number, y: number, w: number, h: number, radius: RectShape['radius'] = 0): string {
  const [tl, tr, br, bl] = (typeof radius === 'number' ? [radius, radius, radius, radius] : radius).map((r) =>
    Math.max(0, Math.min(r, w / 2, h / 2)),
  ) as [number, number, number, number];
  const f = fmt;
  let d = `M${f(x + tl)},${f(y)}L${f(x + w - tr)},${f(y)}`;
  if (tr) d += `A${f(tr)},${f(tr)} 0 0 1 ${f(x + w)},${f(y + tr)}`;
  d += `L${f(x + w)},${f(y + h - br)}`;
  if (br) d += `A${f(br)},${f(br)} 0 0 1 ${f(x + w - br)},${f(y + h)}`;
  d += `L${f(x + bl)},${f(y + h)}`;
  if (bl) d += `A${f(bl)},${f(bl)} 0 0 1 ${f(x)},${f(y + h - bl)}`;
  d += `L${f(x)},${f(y + tl)}`;
  if (tl) d += `A${f(tl)},${f(tl)} 0 0 1 ${f(x + tl)},${f(y)}`;
  return `${d}Z`;
}

export function circlePath(cx: number, cy: number, r: number): string {
  const f = fmt;
  return `M${f(cx - r)},${f(cy)}A${f(r)},${f(r)} 0 1 0 ${f(cx + r)},${f(cy)}A${f(r)},${f(r)} 0 1 0 ${f(cx - r)},${f(cy)}Z`;
}

/** Two decimals at most; anything not finite becomes 0 rather than "NaN" in the output. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Math.round(value * 100) / 100);
}
