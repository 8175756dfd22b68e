import type { CardImage } from '../model/images';
import type { Box, Shape, Stroke, TextShape } from './scene';
import { measureText, type TextStyle } from './text';

/**
 * What the renderer draws with: each call adds one shape to the scene, with the bounds a tiled
 * PDF page and an SVG view box use to leave out what falls outside them.
 */
export class Painter {
  constructor(readonly shapes: Shape[]) {}

  rect(x: number, y: number, width: number, height: number, style: { fill?: string; stroke?: Stroke; radius?: number | readonly [number, number, number, number]; fillOpacity?: number; tooltip?: string }) {
    const pad = style.stroke ? style.stroke.width : 0;
    this.shapes.push({ kind: 'rect', x, y, width, height, ...style, bounds: { x: x - pad, y: y - pad, width: width + 2 * pad, height: height + 2 * pad } });
  }

  path(d: string, bounds: Box, style: { fill?: string; stroke?: Stroke; fillOpacity?: number }) {
    if (!d) return;
    const pad = style.stroke ? style.stroke.width : 0;
    this.shapes.push({ kind: 'path', d, ...style, bounds: { x: bounds.x - pad, y: bounds.y - pad, width: bounds.width + 2 * pad, height: bounds.height + 2 * pad } });
  }

  circle(cx: number, cy: number, r: number, style: { fill?: string; stroke?: Stroke }) {
    const pad = r + (style.stroke ? style.stroke.width : 0);
    this.shapes.push({ kind: 'circle', cx, cy, r, ...style, bounds: { x: cx - pad, y: cy - pad, width: 2 * pad, height: 2 * pad } });
  }

  image(box: Box, image: CardImage) {
    this.shapes.push({ kind: 'image', ...box, mime: image.mime, bytes: image.bytes, bounds: box });
  }

  /** One line of text; returns its estimated width. */
  text(x: number, y: number, text: string, style: TextStyle & { color: string; italic?: boolean; anchor?: TextShape['anchor'] }): number {
    if (!text) return 0;
    const w = measureText(text, style.size, style.bold);
    const left = style.anchor === 'middle' ? x - w / 2 : style.anchor === 'end' ? x - w : x;
    this.shapes.push({
      kind: 'text',
      x,
      y,
      text,
      size: style.size,
      bold: style.bold,
      italic: style.italic,
      color: style.color,
      anchor: style.anchor,
      bounds: { x: left, y: y - style.size, width: w, height: style.size * 1.3 },
    });
    return w;
  }
}
