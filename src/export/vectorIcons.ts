import { laneKindDescriptor } from '../model/laneKindLookup';
import type { LaneIconName, LaneKind } from '../model/laneKinds';
import type { Painter } from './painter';
import type { Box, Stroke } from './scene';

interface IconPen {
  draw: Painter;
  /** a point of the 16×16 icon grid, placed and scaled */
  P(px: number, py: number): string;
  x: number;
  y: number;
  /** the scale from the 16×16 grid */
  s: number;
  box: Box;
  stroke: Stroke;
  color: string;
}

/**
 * The export's own line drawings of the canvas's lucide icons, keyed by the descriptors' icon
 * names: a lane kind naming an icon not drawn here does not compile.
 */
export const VECTOR_ICONS: Record<LaneIconName, (pen: IconPen) => void> = {
  footprints: ({ draw, P, box, stroke }) => {
    draw.path(`M${P(2, 8)}L${P(13, 8)}M${P(9, 4)}L${P(13, 8)}L${P(9, 12)}`, box, { stroke });
  },
  pointer: ({ draw, x, y, s, stroke, color }) => {
    draw.circle(x + 8 * s, y + 8 * s, 6 * s, { stroke });
    draw.circle(x + 8 * s, y + 8 * s, 2 * s, { fill: color });
  },
  speech: ({ draw, P, box, stroke }) => {
    draw.path(`M${P(2, 3)}L${P(14, 3)}L${P(14, 11)}L${P(7, 11)}L${P(4, 14)}L${P(4, 11)}L${P(2, 11)}Z`, box, { stroke });
  },
  heart: ({ draw, P, box, stroke }) => {
    draw.path(`M${P(8, 14)}L${P(2.5, 8.5)}Q${P(0.5, 5)} ${P(3, 3)}Q${P(6, 1.5)} ${P(8, 4.5)}Q${P(10, 1.5)} ${P(13, 3)}Q${P(15.5, 5)} ${P(13.5, 8.5)}Z`, box, { stroke });
  },
  warning: ({ draw, P, box, stroke }) => {
    draw.path(`M${P(8, 2)}L${P(15, 14)}L${P(1, 14)}Z`, box, { stroke });
    draw.path(`M${P(8, 6.5)}L${P(8, 9.5)}M${P(8, 11.8)}L${P(8, 11.9)}`, box, { stroke });
  },
  bulb: ({ draw, P, x, y, s, box, stroke }) => {
    draw.circle(x + 8 * s, y + 6.5 * s, 4.5 * s, { stroke });
    draw.path(`M${P(6, 13)}L${P(10, 13)}M${P(6.5, 15)}L${P(9.5, 15)}`, box, { stroke });
  },
  cog: ({ draw, P, x, y, s, box, stroke }) => {
    draw.circle(x + 8 * s, y + 8 * s, 3.5 * s, { stroke });
    draw.path(`M${P(8, 1)}L${P(8, 3)}M${P(8, 13)}L${P(8, 15)}M${P(1, 8)}L${P(3, 8)}M${P(13, 8)}L${P(15, 8)}M${P(3, 3)}L${P(4.4, 4.4)}M${P(11.6, 11.6)}L${P(13, 13)}M${P(3, 13)}L${P(4.4, 11.6)}M${P(11.6, 4.4)}L${P(13, 3)}`, box, { stroke });
  },
  chart: ({ draw, P, box, stroke }) => {
    draw.path(`M${P(3, 14)}L${P(3, 9)}M${P(8, 14)}L${P(8, 3)}M${P(13, 14)}L${P(13, 6)}`, box, { stroke: { ...stroke, width: stroke.width * 1.4 } });
  },
  note: ({ draw, P, box, stroke }) => {
    draw.path(`M${P(3, 2)}L${P(10, 2)}L${P(13, 5)}L${P(13, 14)}L${P(3, 14)}Z`, box, { stroke });
    draw.path(`M${P(5.5, 8)}L${P(10.5, 8)}M${P(5.5, 11)}L${P(9, 11)}`, box, { stroke });
  },
  target: ({ draw, x, y, s, color, stroke }) => {
    draw.circle(x + 8 * s, y + 8 * s, 6.5 * s, { stroke });
    draw.circle(x + 8 * s, y + 8 * s, 3.5 * s, { stroke });
    draw.circle(x + 8 * s, y + 8 * s, 1.2 * s, { fill: color });
  },
  eye: ({ draw, P, x, y, s, box, stroke }) => {
    draw.path(`M${P(1, 8)}Q${P(8, 1)} ${P(15, 8)}Q${P(8, 15)} ${P(1, 8)}Z`, box, { stroke });
    draw.circle(x + 8 * s, y + 8 * s, 2.2 * s, { stroke });
  },
  // a till receipt: torn (zigzag) at both ends, so it is not read as the note's folded sheet
  receipt: ({ draw, P, box, stroke }) => {
    const top = `M${P(3, 3)}L${P(4.67, 1)}L${P(6.33, 3)}L${P(8, 1)}L${P(9.67, 3)}L${P(11.33, 1)}L${P(13, 3)}`;
    const bottom = `L${P(13, 13)}L${P(11.33, 15)}L${P(9.67, 13)}L${P(8, 15)}L${P(6.33, 13)}L${P(4.67, 15)}L${P(3, 13)}Z`;
    draw.path(top + bottom, box, { stroke });
    draw.path(`M${P(5.5, 6.5)}L${P(10.5, 6.5)}M${P(5.5, 9.5)}L${P(9, 9.5)}`, box, { stroke });
  },
  person: ({ draw, P, x, y, s, box, stroke }) => {
    draw.circle(x + 8 * s, y + 5 * s, 3 * s, { stroke });
    draw.path(`M${P(2.5, 15)}Q${P(2.5, 9.5)} ${P(8, 9.5)}Q${P(13.5, 9.5)} ${P(13.5, 15)}`, box, { stroke });
  },
  server: ({ draw, P, box, stroke }) => {
    draw.path(`M${P(2, 2)}L${P(14, 2)}L${P(14, 7)}L${P(2, 7)}ZM${P(2, 9)}L${P(14, 9)}L${P(14, 14)}L${P(2, 14)}Z`, box, { stroke });
    draw.path(`M${P(4.5, 4.5)}L${P(4.6, 4.5)}M${P(4.5, 11.5)}L${P(4.6, 11.5)}`, box, { stroke });
  },
};

/** A small line icon for a lane kind, in a `size` box at (x, y). */
export function laneIcon(draw: Painter, kind: LaneKind, x: number, y: number, size: number, color: string): void {
  vectorIcon(draw, laneKindDescriptor(kind).icon, x, y, size, color);
}

/** A named icon (a person for an actor, say) in a `size` box at (x, y). */
export function vectorIcon(draw: Painter, icon: LaneIconName, x: number, y: number, size: number, color: string): void {
  const s = size / 16;
  const P = (px: number, py: number) => `${(x + px * s).toFixed(2)},${(y + py * s).toFixed(2)}`;
  const stroke: Stroke = { color, width: Math.max(1.2, 1.7 * s), linecap: 'round' };
  VECTOR_ICONS[icon]({ draw, P, x, y, s, box: { x, y, width: size, height: size }, stroke, color });
}
