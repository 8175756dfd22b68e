import { blueprintLines, type BlueprintLineId } from '../model/blueprint';
import { GRID, layoutJourney, smoothPath, type Rect } from '../model/layout';
import { laneKindDescriptor } from '../model/laneKindLookup';
import { FALLBACK_LANE_KIND } from '../model/laneKinds';
import { safePhaseColor } from '../model/phases';
import type { Journey, LaneKind } from '../model/types';

/**
 * A miniature of a whole map as an SVG string, for the library's map cards and the template
 * picker. Pure: no DOM, no React; the same journey always gives the same string.
 *
 * It draws shapes only — phase bands, lane stripes, cards as tinted blocks, the emotion curve,
 * moments of truth — and never a character of the map's text, so nothing in a map can inject
 * markup through it. The only value taken from the map into an attribute is a stage colour,
 * and that only when it is a plain hex colour.
 *
 * Kept small for the library (a 5,000-card map stays well under 60 KB): coordinates are whole
 * numbers, and cards are not drawn one by one. Each lane kind has a pattern whose tile is one
 * card plus the gap below it; a cell's stack of cards is then one vertical stroke painted with
 * that pattern, however many cards it holds. Each lane's strokes are translated to the top of
 * the lane's stacks, so the pattern's tiles line up with the cards there.
 *
 * Meant to be shown through `<img src="data:image/svg+xml,…">`. Its ids are fixed (`wm-…`), but
 * every thumbnail defines them identically, so even inlined side by side they cannot conflict.
 */
export function renderThumbnailSvg(journey: Journey): string {
  const layout = layoutJourney(journey);
  const width = Math.max(1, r(layout.width));
  const height = Math.max(1, r(layout.height));
  const headerTop = GRID.phaseBandHeight;
  const gridTop = GRID.phaseBandHeight + GRID.stageHeaderHeight;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  );

  // Lane stripes, alternating, with the lane-header column a shade darker.
  const odd = layout.lanes.filter((_, i) => i % 2 === 1);
  if (odd.length > 0) out.push(`<path fill="#f8fafc" d="${odd.map((lane) => rectPath(0, lane.y, width, lane.height)).join('')}"/>`);
  out.push(`<rect y="${gridTop}" width="${r(GRID.laneHeaderWidth)}" height="${Math.max(0, height - gridTop)}" fill="#f1f5f9"/>`);

  // Each phase washes its columns faintly in its colour, so the bands read all the way down.
  const wash = layout.phases.map((band) => `<rect x="${r(band.x)}" y="${gridTop}" width="${r(band.width)}" height="${Math.max(0, height - gridTop)}" fill="${safePhaseColor(band.color)}" fill-opacity=".05"/>`);
  out.push(...wash);

  // Stage columns repeat every stageWidth: their rules and the placeholders for their names are
  // each one rectangle painted with a pattern, whatever the number of stages.
  const stagesWidth = Math.max(0, width - r(GRID.laneHeaderWidth));
  const period = GRID.cardHeight + GRID.cardGap;
  const defs: string[] = [
    `<pattern id="wm-rule" patternUnits="userSpaceOnUse" x="${r(GRID.laneHeaderWidth)}" width="${GRID.stageWidth}" height="8"><rect width="2" height="8" fill="#e2e8f0"/></pattern>`,
    `<pattern id="wm-stage" patternUnits="userSpaceOnUse" x="${r(GRID.laneHeaderWidth)}" y="${headerTop}" width="${GRID.stageWidth}" height="${GRID.stageHeaderHeight}"><rect x="20" y="${r(GRID.stageHeaderHeight / 2 - 6)}" width="${r(GRID.stageWidth * 0.5)}" height="12" rx="6" fill="#cbd5e1"/></pattern>`,
  ];
  const laneRules = layout.lanes.map((lane) => `M0,${r(lane.y)}h${width}`).join('');
  if (laneRules) out.push(`<path fill="none" stroke="#e2e8f0" stroke-width="2" d="${laneRules}"/>`);
  if (stagesWidth > 0) {
    out.push(
      `<rect x="${r(GRID.laneHeaderWidth)}" y="${headerTop}" width="${stagesWidth}" height="${Math.max(0, height - headerTop)}" fill="url(#wm-rule)"/>`,
      `<rect x="${r(GRID.laneHeaderWidth)}" y="${headerTop}" width="${stagesWidth}" height="${r(GRID.stageHeaderHeight)}" fill="url(#wm-stage)"/>`,
    );
  }
  out.push(`<path fill="none" stroke="#cbd5e1" stroke-width="2" d="M${r(GRID.laneHeaderWidth)},0V${height}M0,${gridTop}h${width}"/>`);

  // The stage's own colour, when it has one, underlines its header.
  const underlines = new Map<string, { x: number; y: number; length: number }[]>();
  const stageColor = new Map(journey.stages.map((s) => [s.id, safeColor(s.color)]));
  for (const column of layout.stages) {
    const color = stageColor.get(column.id);
    if (!color) continue;
    const list = underlines.get(color) ?? [];
    list.push({ x: column.x + 10, y: gridTop - 6, length: column.width - 20 });
    underlines.set(color, list);
  }
  for (const [color, list] of underlines) {
    out.push(`<path fill="none" stroke="${escapeAttr(color)}" stroke-width="5" stroke-linecap="round" d="${horizontalSegments(list)}"/>`);
  }

  // Phase bands across the top, a placeholder for each name in white.
  for (const band of layout.phases) {
    out.push(`<rect x="${r(band.x + 3)}" y="3" width="${Math.max(0, r(band.width - 6))}" height="${r(band.height - 6)}" rx="6" fill="${safePhaseColor(band.color)}"/>`);
  }
  const phaseBars = layout.phases.map((band) => `M${r(band.x + 20)},${r(band.height / 2)}h${r(Math.min(140, band.width * 0.3))}`).join('');
  if (phaseBars) out.push(`<path fill="none" stroke="#fff" stroke-opacity=".7" stroke-width="10" stroke-linecap="round" d="${phaseBars}"/>`);

  // Lane headers: a colour dot for the lane's kind and a placeholder for its name.
  const laneKind = new Map(journey.lanes.map((l) => [l.id, l.kind]));
  const laneBars = layout.lanes.map((lane) => `M56,${r(lane.y + 34)}h${r(GRID.laneHeaderWidth * 0.5)}`).join('');
  if (laneBars) out.push(`<path fill="none" stroke="#cbd5e1" stroke-width="12" stroke-linecap="round" d="${laneBars}"/>`);
  const dotsByKind = new Map<string, string>();
  for (const lane of layout.lanes) {
    const tint = tintOf(laneKind.get(lane.id));
    dotsByKind.set(tint.mark, (dotsByKind.get(tint.mark) ?? '') + `M28,${r(lane.y + 34)}h0`);
  }
  for (const [color, d] of dotsByKind) out.push(`<path fill="none" stroke="${color}" stroke-width="18" stroke-linecap="round" d="${d}"/>`);

  // The service blueprint's lines across the whole map, as the full export draws them (solid,
  // dashed, dotted: blueprintRules.ts) but bolder, so they still read at a library card's size.
  for (const place of blueprintLines(journey.lanes)) {
    const below = layout.lanes.find((lane) => lane.id === place.belowLaneId);
    if (below) out.push(`<path fill="none" ${THUMB_RULES[place.line.id]} d="M0,${r(below.y)}h${width}"/>`);
  }

  // Cards: per lane, one outline around all its stacks, filled with the lane kind's card pattern.
  const stacks = laneStacks(journey, layout.cards);
  const usedTints = new Map<string, { fill: string; mark: string }>();
  for (const stack of stacks) {
    const tint = tintOf(laneKind.get(stack.laneId));
    usedTints.set(tint.pattern, tint);
  }
  for (const [name, tint] of usedTints) {
    defs.push(
      `<pattern id="wm-${name}" patternUnits="userSpaceOnUse" x="${GRID.laneHeaderWidth + GRID.cellPadding}" width="${GRID.stageWidth}" height="${period}">` +
        `<rect x="1" y="1" width="${CARD_W - 2}" height="${GRID.cardHeight - 2}" rx="10" fill="${tint.fill}" stroke="${tint.mark}" stroke-width="2"/>` +
        `<path stroke="${tint.mark}" stroke-width="10" stroke-linecap="round" d="M22,26h${r(CARD_W * 0.55)}M22,50h${r(CARD_W * 0.3)}"/>` +
        `</pattern>`,
    );
  }
  for (const stack of stacks) {
    out.push(`<path transform="translate(0,${stack.top})" fill="url(#wm-${tintOf(laneKind.get(stack.laneId)).pattern})" d="${stack.d}"/>`);
  }

  // Moments of truth: an amber ring around each such card.
  const rings = journey.cards
    .filter((card) => card.momentOfTruth)
    .map((card) => layout.cards.get(card.id))
    .filter((rect): rect is Rect => rect !== undefined)
    .map((rect) => rectPath(rect.x - 4, rect.y - 4, rect.width + 8, rect.height + 8))
    .join('');
  if (rings) out.push(`<path fill="none" stroke="#f59e0b" stroke-width="8" stroke-linejoin="round" d="${rings}"/>`);

  // Emotion curves: the neutral line, the curve, and a dot per stage coloured by its score.
  for (const curve of layout.emotionCurves) {
    out.push(`<path fill="none" stroke="#94a3b8" stroke-width="2" stroke-dasharray="8 8" d="M${r(GRID.laneHeaderWidth)},${r(curve.zeroY)}h${width - r(GRID.laneHeaderWidth)}"/>`);
    if (curve.points.length === 0) continue;
    const d = curvePath(curve.points);
    if (curve.points.length > 1) out.push(`<path fill="none" stroke="#334155" stroke-width="6" stroke-linecap="round" stroke-linejoin="round" d="${d}"/>`);
    // with many stages the dots would only crowd the curve
    if (curve.points.length > 60) continue;
    const dots = new Map<string, string>();
    for (const point of curve.points) {
      const color = point.score > 0.5 ? '#16a34a' : point.score < -0.5 ? '#dc2626' : '#64748b';
      dots.set(color, (dots.get(color) ?? '') + `M${r(point.x)},${r(point.y)}h0`);
    }
    for (const [color, dd] of dots) out.push(`<path fill="none" stroke="${color}" stroke-width="18" stroke-linecap="round" d="${dd}"/>`);
  }

  out.splice(2, 0, `<defs>${defs.join('')}</defs>`);
  out.push('</svg>');
  return out.join('');
}


/** How each blueprint line is drawn in a thumbnail (a tenth to a quarter of the export's size). */
const THUMB_RULES: Record<BlueprintLineId, string> = {
  interaction: 'stroke="#334155" stroke-width="6"',
  visibility: 'stroke="#0f172a" stroke-width="8" stroke-dasharray="28 16"',
  internal: 'stroke="#334155" stroke-width="8" stroke-dasharray="1 16" stroke-linecap="round"',
};

/** Card fill and its darker mark (border, placeholder lines, lane dot), from the lane kind's descriptor. */
function tintOf(kind: LaneKind | undefined): { pattern: string; fill: string; mark: string } {
  return laneKindDescriptor(kind ?? FALLBACK_LANE_KIND).thumbnail;
}

const CARD_W = GRID.stageWidth - 2 * GRID.cellPadding;

interface LaneStacks {
  laneId: string;
  /** y of the top of the lane's stacks; the outline is drawn from y = 0 under this translation */
  top: number;
  d: string;
}

/**
 * Per lane, in lane order, one outline around all its cards: the stacks side by side form a
 * histogram whose columns are whole tiles of the card pattern (stageWidth wide, a card and a
 * gap tall), so the pattern draws exactly the cards inside it. The outline runs along the
 * top, then back along the bottom, stepping at tile edges, which fall in the gaps between cards.
 */
function laneStacks(journey: Journey, rects: ReadonlyMap<string, Rect>): LaneStacks[] {
  const period = GRID.cardHeight + GRID.cardGap;
  const byLane = new Map<string, Rect[]>();
  for (const card of journey.cards) {
    const rect = rects.get(card.id);
    if (!rect) continue;
    const list = byLane.get(card.laneId);
    if (list) list.push(rect);
    else byLane.set(card.laneId, [rect]);
  }
  const result: LaneStacks[] = [];
  for (const lane of journey.lanes) {
    const list = byLane.get(lane.id);
    if (!list) continue;
    const top = r(Math.min(...list.map((rect) => rect.y)));
    // column (tile index from the first card column) → height of its stack, in whole tiles
    const heights = new Map<number, number>();
    for (const rect of list) {
      const column = Math.round((rect.x - GRID.laneHeaderWidth - GRID.cellPadding) / GRID.stageWidth);
      const tiles = Math.ceil((rect.y + rect.height - top) / period - 1e-6);
      heights.set(column, Math.max(heights.get(column) ?? 0, tiles));
    }
    const columns = [...heights.keys()].sort((a, b) => a - b);
    const first = columns[0]!;
    const last = columns[columns.length - 1]!;
    const x0 = r(GRID.laneHeaderWidth + GRID.cellPadding + first * GRID.stageWidth);
    const span = (last - first + 1) * GRID.stageWidth;
    // along the top, down the right edge, then leftwards along the bottom of each column
    let d = `M${x0},0h${span}`;
    let level = 0;
    let run = 0;
    for (let column = last; column >= first; column--) {
      const h = (heights.get(column) ?? 0) * period;
      if (h !== level) {
        if (run > 0) d += `h${-run}`;
        d += `v${h - level}`;
        level = h;
        run = 0;
      }
      run += GRID.stageWidth;
    }
    d += `h${-run}z`;
    result.push({ laneId: lane.id, top, d });
  }
  return result;
}

/** Horizontal segments as one path, each step by the shorter of an absolute or relative move. */
function horizontalSegments(segments: readonly { x: number; y: number; length: number }[]): string {
  let d = '';
  let at: { x: number; y: number } | null = null;
  for (const segment of segments) {
    const x = r(segment.x);
    const y = r(segment.y);
    const length = r(segment.length);
    const absolute = `M${x},${y}`;
    const relative = at ? `m${x - at.x},${y - at.y}` : absolute;
    d += (relative.length < absolute.length ? relative : absolute) + `h${length}`;
    at = { x: x + length, y };
  }
  return d;
}

/**
 * The emotion curve: smooth through a few points; with many, straight relative steps, which at
 * thumbnail size look the same and cost a fraction of the bytes.
 */
function curvePath(points: readonly { x: number; y: number }[]): string {
  if (points.length <= 40) return roundPath(smoothPath(points));
  let d = `M${r(points[0]!.x)},${r(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) {
    d += `l${r(points[i]!.x) - r(points[i - 1]!.x)},${r(points[i]!.y) - r(points[i - 1]!.y)}`;
  }
  return d;
}

function rectPath(x: number, y: number, width: number, height: number): string {
  return `M${r(x)},${r(y)}h${r(width)}v${r(height)}h${-r(width)}z`;
}

/** Whole numbers only; anything not finite becomes 0 rather than "NaN" in the markup. */
function r(value: number): number {
  return Number.isFinite(value) ? Math.round(value) : 0;
}

/** smoothPath keeps two decimals; a thumbnail needs none. */
function roundPath(d: string): string {
  return d.replace(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi, (n) => String(r(Number(n))));
}

const HEX_COLOR = /^#[0-9a-f]{3,8}$/i;

/** A colour from the map, if it is a plain hex colour; anything else is dropped. */
export function safeColor(value: string | null | undefined): string | null {
  return typeof value === 'string' && HEX_COLOR.test(value) ? value : null;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
