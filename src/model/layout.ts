import { stageEmotionScores } from './emotionCurve';
import { FALLBACK_PHASE_COLOR } from './phases';
import { EMOTION_MAX, EMOTION_MIN, type Card, type Journey, type PhaseId } from './types';

/**
 * Grid geometry, derived purely from the journey: nothing here is stored. Stages are columns,
 * lanes are rows, cards stack top to bottom in their cell in `order`. The canvas, the SVG export
 * and the presenter all place things with this one function.
 *
 * Coordinates: x = 0 is the left edge of the lane-header column; y = 0 is the top of the phase
 * bands, above the stage headers.
 */
export const GRID = {
  laneHeaderWidth: 232,
  phaseBandHeight: 32,
  stageHeaderHeight: 56,
  stageWidth: 264,
  cellPadding: 12,
  cardHeight: 92,
  cardGap: 10,
  collapsedLaneHeight: 44,
  /** the band at the top of an emotions lane where the curve is drawn */
  emotionCurveHeight: 176,
  emotionCurvePadding: 24,
  /** the editor's "add card" row under a cell's last card (see LayoutOptions.addCardRow) */
  addCardRowHeight: 30,
} as const;

export const CARD_WIDTH = GRID.stageWidth - 2 * GRID.cellPadding;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PhaseBand extends Rect {
  phase: PhaseId;
  /** the map's name for the phase; empty when never named, and the UI shows its default label */
  name: string;
  /** the phase's colour (a hex), for the band and its stages' headers */
  color: string;
  /** stages in this run of adjacent columns */
  stageIds: string[];
}

export interface StageColumn extends Rect {
  id: string;
}

export interface LaneRow extends Rect {
  id: string;
  collapsed: boolean;
}

export interface EmotionPoint {
  stageId: string;
  x: number;
  y: number;
  /** mean emotion of the stage's scored cards in this lane, -3…+3 */
  score: number;
}

export interface EmotionCurve {
  laneId: string;
  /** the y of the neutral (0) line */
  zeroY: number;
  top: number;
  bottom: number;
  points: EmotionPoint[];
}

export interface JourneyLayout {
  width: number;
  height: number;
  phases: PhaseBand[];
  stages: StageColumn[];
  lanes: LaneRow[];
  /** card id → rectangle; cards in collapsed lanes have none */
  cards: Map<string, Rect>;
  emotionCurves: EmotionCurve[];
}

/** The height of a cell holding cards of these heights (an empty cell keeps one card's room). */
function stackHeight(heights: readonly number[], addCardRow: boolean): number {
  if (heights.length === 0) return 2 * GRID.cellPadding + GRID.cardHeight;
  const stack = 2 * GRID.cellPadding + heights.reduce((a, b) => a + b, 0) + (heights.length - 1) * GRID.cardGap;
  // an empty cell's one empty slot already has room for the button
  return addCardRow ? stack + GRID.cardGap + GRID.addCardRowHeight : stack;
}

export interface LayoutOptions {
  /**
   * How tall a card is; default GRID.cardHeight for every card (the canvas). The export passes
   * the height its text needs, so a printed card shows its whole title; rows grow to fit.
   */
  cardHeight?: (card: Card) => number;
  /**
   * Leave a row under the cards of every cell for the editor's "add card" button, so a cell's
   * last card never covers it. Exports, thumbnails and present mode leave it out.
   */
  addCardRow?: boolean;
  /**
   * Lanes this view leaves out (the editor's "blueprint view" off): they get no row and their
   * cards no rectangle, and the lanes below move up to close the gap.
   */
  hiddenLaneIds?: ReadonlySet<string>;
}

/** Where a cell's "add card" button starts, from the top of its card stack: right under its last card (editor cards have one height). */
export function addCardSlotTop(cardsInCell: number): number {
  return GRID.cellPadding + cardsInCell * (GRID.cardHeight + GRID.cardGap);
}

export function layoutJourney(full: Journey, options: LayoutOptions = {}): JourneyLayout {
  const hidden = options.hiddenLaneIds;
  const journey = hidden && hidden.size > 0 ? withoutLanes(full, hidden) : full;
  const heightOf = options.cardHeight ?? (() => GRID.cardHeight);
  const addCardRow = options.addCardRow === true;
  const stageIndex = new Map(journey.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(journey.lanes.map((l, i) => [l.id, i]));

  // Cards arrive sorted (readJourney); group them per cell, keeping that order.
  const cells = new Map<number, { id: string; height: number }[]>();
  const cellKey = (stage: number, lane: number) => stage * 100_000 + lane;
  const tallestInLane = new Array<number>(journey.lanes.length).fill(stackHeight([], addCardRow));
  for (const card of journey.cards) {
    const s = stageIndex.get(card.stageId);
    const l = laneIndex.get(card.laneId);
    if (s === undefined || l === undefined) continue;
    const key = cellKey(s, l);
    let list = cells.get(key);
    if (!list) cells.set(key, (list = []));
    list.push({ id: card.id, height: Math.max(GRID.cardHeight, heightOf(card)) });
    tallestInLane[l] = Math.max(tallestInLane[l]!, stackHeight(list.map((c) => c.height), addCardRow));
  }

  const top = GRID.phaseBandHeight + GRID.stageHeaderHeight;
  const stages: StageColumn[] = journey.stages.map((stage, i) => ({
    id: stage.id,
    x: GRID.laneHeaderWidth + i * GRID.stageWidth,
    y: GRID.phaseBandHeight,
    width: GRID.stageWidth,
    height: GRID.stageHeaderHeight,
  }));

  const lanes: LaneRow[] = [];
  let y = top;
  for (const [i, lane] of journey.lanes.entries()) {
    const curve = lane.kind === 'emotions' ? GRID.emotionCurveHeight : 0;
    const height = lane.collapsed ? GRID.collapsedLaneHeight : curve + tallestInLane[i]!;
    lanes.push({ id: lane.id, x: 0, y, width: GRID.laneHeaderWidth, height, collapsed: lane.collapsed });
    y += height;
  }
  const width = GRID.laneHeaderWidth + journey.stages.length * GRID.stageWidth;

  const cards = new Map<string, Rect>();
  for (const [k, ids] of cells) {
    const lane = journey.lanes[k % 100_000]!;
    const row = lanes[k % 100_000]!;
    const column = stages[Math.floor(k / 100_000)]!;
    if (lane.collapsed) continue;
    const offset = lane.kind === 'emotions' ? GRID.emotionCurveHeight : 0;
    let cardY = row.y + offset + GRID.cellPadding;
    for (const { id, height } of ids) {
      cards.set(id, { x: column.x + GRID.cellPadding, y: cardY, width: CARD_WIDTH, height });
      cardY += height + GRID.cardGap;
    }
  }

  return {
    width,
    height: y,
    phases: phaseBands(journey, stages),
    stages,
    lanes,
    cards,
    emotionCurves: emotionCurves(journey, stages, lanes),
  };
}

/** The journey as a view that leaves some lanes out shows it: those lanes and their cards gone. */
function withoutLanes(journey: Journey, hidden: ReadonlySet<string>): Journey {
  return { ...journey, lanes: journey.lanes.filter((l) => !hidden.has(l.id)), cards: journey.cards.filter((c) => !hidden.has(c.laneId)) };
}

/** Adjacent stages of the same phase share one band; a phase split by reordering gets two. */
function phaseBands(journey: Journey, stages: StageColumn[]): PhaseBand[] {
  const phases = new Map(journey.phases.map((p) => [p.id, p]));
  const bands: PhaseBand[] = [];
  journey.stages.forEach((stage, i) => {
    const last = bands[bands.length - 1];
    if (last && last.phase === stage.phase) {
      last.width += stages[i]!.width;
      last.stageIds.push(stage.id);
    } else {
      bands.push({
        phase: stage.phase,
        name: phases.get(stage.phase)?.name ?? '',
        color: phases.get(stage.phase)?.color ?? FALLBACK_PHASE_COLOR,
        stageIds: [stage.id],
        x: stages[i]!.x,
        y: 0,
        width: stages[i]!.width,
        height: GRID.phaseBandHeight,
      });
    }
  });
  return bands;
}

function emotionCurves(journey: Journey, stages: StageColumn[], lanes: LaneRow[]): EmotionCurve[] {
  const curves: EmotionCurve[] = [];
  journey.lanes.forEach((lane, l) => {
    if (lane.kind !== 'emotions' || lane.collapsed) return;
    const row = lanes[l]!;
    const curveTop = row.y + GRID.emotionCurvePadding;
    const curveBottom = row.y + GRID.emotionCurveHeight - GRID.emotionCurvePadding;
    const scoreToY = (score: number) =>
      curveTop + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * (curveBottom - curveTop);
    const scores = stageEmotionScores(journey.cards, new Set([lane.id]));
    const points: EmotionPoint[] = [];
    journey.stages.forEach((stage, i) => {
      const score = scores.get(stage.id);
      if (score === undefined) return;
      const column = stages[i]!;
      points.push({ stageId: stage.id, x: column.x + column.width / 2, y: scoreToY(score), score });
    });
    curves.push({ laneId: lane.id, zeroY: scoreToY(0), top: curveTop, bottom: curveBottom, points });
  });
  return curves;
}

/**
 * An SVG path through the points as a monotone cubic (Fritsch–Carlson): smooth, and it never
 * overshoots a point, so the curve cannot suggest a feeling below -3 or above +3.
 */
export function smoothPath(points: readonly { x: number; y: number }[]): string {
  const n = points.length;
  if (n === 0) return '';
  const fmt = (v: number) => String(Math.round(v * 100) / 100);
  if (n === 1) return `M${fmt(points[0]!.x)},${fmt(points[0]!.y)}`;
  const dx: number[] = [];
  const slope: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    dx.push(points[i + 1]!.x - points[i]!.x);
    slope.push((points[i + 1]!.y - points[i]!.y) / (dx[i] || 1));
  }
  const tangent: number[] = [slope[0]!];
  for (let i = 1; i < n - 1; i++) {
    const a = slope[i - 1]!;
    const b = slope[i]!;
    tangent.push(a * b <= 0 ? 0 : (3 * (dx[i - 1]! + dx[i]!)) / ((2 * dx[i]! + dx[i - 1]!) / a + (dx[i]! + 2 * dx[i - 1]!) / b));
  }
  tangent.push(slope[n - 2]!);
  let d = `M${fmt(points[0]!.x)},${fmt(points[0]!.y)}`;
  for (let i = 0; i < n - 1; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    const h = dx[i]! / 3;
    d += ` C${fmt(p.x + h)},${fmt(p.y + tangent[i]! * h)} ${fmt(q.x - h)},${fmt(q.y - tangent[i + 1]! * h)} ${fmt(q.x)},${fmt(q.y)}`;
  }
  return d;
}
