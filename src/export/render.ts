import { CARD_WIDTH, GRID, layoutJourney, smoothPath, type JourneyLayout, type Rect } from '../model/layout';
import { servesGutterX, servesSlots } from '../model/blueprintView';
import { emotionColor } from '../model/emotionScale';
import { laneKindDescriptor } from '../model/laneKindLookup';
import { FALLBACK_LANE_KIND } from '../model/laneKinds';
import { avatarInk, layoutPersonaHeader, personaInitials, type PersonaHeaderLayout } from '../model/personaHeader';
import { phaseNameKey, shownPhaseName } from '../model/phaseNames';
import { safePhaseColor } from '../model/phases';
import { EMOTION_MAX, EMOTION_MIN, isOnlineChannel, type Card, type Journey, type LaneKind } from '../model/types';
import type { CardImage } from '../model/images';
import { blueprintRules, drawBlueprintRules } from './blueprintRules';
import { Painter } from './painter';
import { roundedRectPath, type Scene, type Shape } from './scene';
import { clampLine, measureText, wrapLines } from './text';
import { laneIcon, vectorIcon } from './vectorIcons';
import { safeColor } from './thumbnail';
import { shownConfidence, type Confidence } from '../model/confidence';
import { evidenceCountByCard } from '../model/evidence';
import { stageMetrics } from '../model/evidenceMetrics';
import { confidenceText, stageFigures } from '../model/evidenceFigures';

/**
 * The journey as a picture for the wall: a title block, phase bands, stage and lane headers,
 * every card with its channel, emotion and moment-of-truth marks and its confidence mark
 * (observed with its evidence count, assumed, proposed: model/confidence.ts), the emotion curve
 * with each stage's measured figures from customer evidence beside it (never mixed into it:
 * model/evidenceMetrics.ts), and the links — drawn as the canvas draws them, from the same layout and the same lane-kind descriptors
 * (src/model/laneKinds.ts).
 *
 * Pure: no DOM, no React, no clock unless none is given. Labels come from the `t` passed in,
 * so a picture follows the language of whoever exports it.
 */

/** An i18next `t`, or anything that answers the same keys. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface JourneyImageOptions {
  t: Translate;
  /** BCP 47 tag for the date in the title block; default the map's locale */
  locale?: string;
  /** only these stages (in map order) and their cards; default: the whole map */
  stageIds?: readonly string[] | null;
  /** default 'white' */
  background?: 'white' | 'transparent';
  /** the date shown in the title block; default now */
  date?: Date;
  /** the map's card images by key (model/images.ts); a card whose image is not here is drawn without one */
  images?: ReadonlyMap<string, CardImage>;
}

const MARGIN = 32;
const MIN_WIDTH = 720;

const INK = '#0f172a';
const INK_SOFT = '#475569';
const LINE = '#cbd5e1';
const CELL_LINE = '#dbe3ec';


/** The part of the journey an export shows: the chosen stages, their cards and the links between those. */
export function journeyInScope(journey: Journey, stageIds?: readonly string[] | null): Journey {
  // Collapsed lanes open up: a printed map shows every card.
  const lanes = journey.lanes.some((l) => l.collapsed) ? journey.lanes.map((l) => (l.collapsed ? { ...l, collapsed: false } : l)) : journey.lanes;
  if (!stageIds) return { ...journey, lanes };
  const keep = new Set(stageIds);
  const stages = journey.stages.filter((s) => keep.has(s.id));
  const cards = journey.cards.filter((c) => keep.has(c.stageId));
  const cardIds = new Set(cards.map((c) => c.id));
  const links = journey.links.filter((l) => cardIds.has(l.fromCardId) && cardIds.has(l.toCardId));
  return { ...journey, lanes, stages, cards, links };
}

/** Draws the journey (or the stages in `options.stageIds`) as a scene; see `renderJourneySvg`. */
export function renderJourneyScene(source: Journey, options: JourneyImageOptions): Scene {
  const steps = sceneSteps(source, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * As `renderJourneyScene`, awaiting `pause` every few hundred cards, so a browser drawing a big
 * map keeps handling input and painting in between.
 */
export async function renderJourneySceneAsync(source: Journey, options: JourneyImageOptions, pause: () => Promise<void>): Promise<Scene> {
  const steps = sceneSteps(source, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

const CARDS_PER_STEP = 50;

function* sceneSteps(source: Journey, options: JourneyImageOptions): Generator<void, Scene> {
  const t = memoised(options.t);
  const journey = journeyInScope(source, options.stageIds);
  const images = options.images ?? NO_IMAGES;
  // each card's text is wrapped once, a few hundred cards a step (on 2,000 cards the wrapping is
  // most of the layout's time), then used for its height and for drawing it
  const texts = new Map<string, CardText>();
  for (const [n, card] of journey.cards.entries()) {
    texts.set(card.id, cardText(card));
    if (n % CARDS_PER_STEP === CARDS_PER_STEP - 1) yield;
  }
  const layout = exportLayout(journey, images, texts);
  yield;
  const shapes: Shape[] = [];
  const draw = new Painter(shapes);

  const gridWidth = Math.max(layout.width, MIN_WIDTH);
  const width = gridWidth + 2 * MARGIN;

  // ---- title block
  const top = titleBlock(draw, journey, source, { ...options, t }, gridWidth);
  const header = layoutPersonaHeader(journey.personas, journey.stages.length);
  const ox = MARGIN;
  // the persona row sits above the grid, as on the canvas: the grid's origin moves down by it
  const oy = top + (header?.height ?? 0);
  const height = oy + layout.height + MARGIN + 20;

  if (header) personaRow(draw, header, ox, oy, t);
  grid(draw, journey, layout, ox, oy, t);
  yield;
  // the blueprint's lines over the cell rules, under the curve and the cards
  drawBlueprintRules(draw, blueprintRules(journey.lanes, layout, t), ox, oy, layout.width, GRID.laneHeaderWidth);
  curves(draw, layout, ox, oy);
  measuredFigures(draw, journey, layout, ox, oy, t, options.locale ?? journey.locale);
  yield;
  // links run under the cards, as on the canvas; their labels go on top of everything
  const labels = links(draw, journey, layout, ox, oy);
  const personaColor = new Map(journey.personas.map((p) => [p.id, safeColor(p.color) ?? '#64748b']));
  const laneKind = new Map(journey.lanes.map((l) => [l.id, l.kind]));
  const evidenceCount = evidenceCountByCard(journey.evidence);
  yield;
  for (const [n, card] of journey.cards.entries()) {
    const rect = layout.cards.get(card.id);
    const count = evidenceCount.get(card.id) ?? 0;
    const level = shownConfidence(card.confidence, count);
    const mark = level === null ? null : { level, count };
    if (rect) cardShapes(draw, card, laneKind.get(card.laneId) ?? 'notes', { ...rect, x: rect.x + ox, y: rect.y + oy }, personaColor, t, images, mark, texts.get(card.id));
    if (n % CARDS_PER_STEP === CARDS_PER_STEP - 1) yield;
  }
  for (const drawLabel of labels) drawLabel();

  draw.text(width - MARGIN, height - MARGIN + 6, t('exporting.image.footer'), { size: 10, color: '#94a3b8', anchor: 'end' });

  return {
    width: Math.ceil(width),
    height: Math.ceil(height),
    background: options.background === 'transparent' ? null : '#ffffff',
    title: clampLine(journey.title, 1e6, { size: 12 }) || t('exporting.image.untitled'),
    description: clampLine(journey.description, 1e6, { size: 12 }),
    shapes,
  };
}

/**
 * How big the picture of the journey (or of the stages in `options.stageIds`) will be, without
 * drawing its cards: the export dialog uses it to say how a PDF will print before it is made.
 */
export function journeySceneSize(source: Journey, options: JourneyImageOptions): { width: number; height: number } {
  const { layout, gridWidth, origin } = sceneFrame(source, options);
  return { width: Math.ceil(gridWidth + 2 * MARGIN), height: Math.ceil(origin.y + layout.height + MARGIN + 20) };
}

/**
 * Where the layout's origin (`exportLayout`: x = 0 at the lane headers, y = 0 at the top of the
 * phase bands) lands in the picture: under the title block and the persona row. Whatever is
 * placed from the layout is at (origin.x + x, origin.y + y).
 */
export function journeyGridOrigin(source: Journey, options: JourneyImageOptions): { x: number; y: number } {
  return sceneFrame(source, options).origin;
}

function sceneFrame(source: Journey, options: JourneyImageOptions): { layout: JourneyLayout; gridWidth: number; origin: { x: number; y: number } } {
  const journey = journeyInScope(source, options.stageIds);
  const layout = exportLayout(journey, options.images ?? NO_IMAGES);
  const gridWidth = Math.max(layout.width, MIN_WIDTH);
  const top = titleBlock(new Painter([]), journey, source, options, gridWidth);
  const header = layoutPersonaHeader(journey.personas, journey.stages.length);
  return { layout, gridWidth, origin: { x: MARGIN, y: top + (header?.height ?? 0) } };
}

// ------------------------------------------------------------------ drawing helpers

/** A few dozen distinct labels are asked for thousands of times: look each up once. */
function memoised(t: Translate): Translate {
  const cache = new Map<string, string>();
  return (key, options) => {
    const id = options ? `${key}\u0000${JSON.stringify(options)}` : key;
    let value = cache.get(id);
    if (value === undefined) {
      value = t(key, options);
      cache.set(id, value);
    }
    return value;
  };
}

function label(t: Translate, key: string, fallback: string): string {
  const value = t(key);
  return value && value !== key ? value : fallback;
}

function formatDate(date: Date, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

// ------------------------------------------------------------------ title block

function titleBlock(draw: Painter, journey: Journey, whole: Journey, options: JourneyImageOptions, gridWidth: number): number {
  const { t } = options;
  const x = MARGIN;
  let y = MARGIN + 24;
  const title = journey.title.trim() || t('exporting.image.untitled');
  // the moment-of-truth legend sits at the right of the title row
  const legend = t('canvas.momentOfTruth');
  const legendWidth = measureText(legend, 12) + 22;
  draw.text(x, y, clampLine(title, gridWidth - legendWidth - 24, { size: 26, bold: true }), { size: 26, bold: true, color: INK });
  star(draw, x + gridWidth - legendWidth + 6, y - 5, 7);
  draw.text(x + gridWidth, y - 1, legend, { size: 12, color: INK_SOFT, anchor: 'end' });

  y += 24;
  const date = formatDate(options.date ?? new Date(), options.locale ?? journey.locale);
  const partial = journey.stages.length !== whole.stages.length;
  const facts = [
    t('exporting.image.kind'),
    date,
    partial
      ? t('exporting.image.stagesOf', { count: journey.stages.length, total: whole.stages.length })
      : t('exporting.image.stages', { count: journey.stages.length }),
    t('canvas.cards', { count: journey.cards.length }),
  ].join('  ·  ');
  // what the cards' confidence marks mean, at the right of this row, when any card has one
  const counts = evidenceCountByCard(journey.evidence);
  const marked = journey.cards.some((c) => shownConfidence(c.confidence, counts.get(c.id) ?? 0) !== null);
  const legendRoom = marked ? confidenceLegend(new Painter([]), 0, 0, t) + 24 : 0;
  if (marked) confidenceLegend(draw, x + gridWidth - legendRoom + 24, y, t);
  draw.text(x, y, clampLine(facts, gridWidth - legendRoom, { size: 13 }), { size: 13, color: INK_SOFT });

  if (journey.description.trim()) {
    y += 22;
    const lines = wrapLines(journey.description, Math.min(gridWidth, 1100), 2, { size: 13 });
    for (const [i, line] of lines.entries()) draw.text(x, y + i * 18, line, { size: 13, color: '#334155' });
    y += (lines.length - 1) * 18;
  }

  return y + 24;
}

// ------------------------------------------------------------------ persona row

/**
 * The personas as the canvas's header shows them (src/model/personaHeader.ts): a card each with
 * an initials avatar in its colour, name, age, role and the quote in two lines; the whole quote
 * is the card's tooltip in an SVG.
 */
function personaRow(draw: Painter, header: PersonaHeaderLayout, ox: number, oy: number, t: Translate): void {
  const title = label(t, 'canvas.personaHeader.label', 'Personas').toLocaleUpperCase();
  draw.text(ox + header.label.x + 12, oy + header.label.y + 26, clampLine(title, header.label.width - 16, { size: 12, bold: true }), { size: 12, bold: true, color: INK_SOFT });
  for (const slot of header.cards) {
    const { persona } = slot;
    const x = ox + slot.x;
    const y = oy + slot.y;
    const color = safeColor(persona.color) ?? '#64748b';
    const quote = persona.quote.trim() ? t('canvas.personaHeader.quote', { quote: persona.quote.replace(/\s+/g, ' ').trim() }) : '';
    draw.rect(x, y, slot.width, slot.height, { fill: '#ffffff', stroke: { color: LINE, width: 1 }, radius: 10, tooltip: quote || undefined });
    draw.rect(x, y, 4, slot.height, { fill: color, radius: [10, 0, 0, 10] });
    draw.circle(x + 36, y + 30, 20, { fill: color });
    draw.text(x + 36, y + 35, personaInitials(persona.name), { size: 15, bold: true, color: avatarInk(color), anchor: 'middle' });

    const textX = x + 68;
    const room = slot.width - 68 - 14;
    const age = persona.age.trim() ? t('canvas.personaHeader.age', { age: persona.age.trim() }) : '';
    const ageWidth = age ? Math.min(measureText(age, 12) + 10, room / 2) : 0;
    const name = clampLine(persona.name.trim() || t('exporting.image.unnamedPersona'), room - ageWidth, { size: 14, bold: true });
    const nameWidth = draw.text(textX, y + 25, name, { size: 14, bold: true, color: INK });
    if (age) draw.text(textX + nameWidth + 8, y + 25, clampLine(age, ageWidth - 10, { size: 12 }), { size: 12, color: INK_SOFT });
    let lineY = y + 25;
    if (persona.role.trim()) {
      lineY += 18;
      draw.text(textX, lineY, clampLine(persona.role, room, { size: 12 }), { size: 12, color: INK_SOFT });
    }
    for (const line of wrapLines(quote, room, 2, { size: 13 })) {
      lineY += 19;
      draw.text(textX, lineY, line, { size: 13, italic: true, color: '#334155' });
    }
  }
}

// ------------------------------------------------------------------ grid: phases, headers, cells

function grid(draw: Painter, journey: Journey, layout: JourneyLayout, ox: number, oy: number, t: Translate): void {
  const stagesLeft = ox + GRID.laneHeaderWidth;
  const stagesRight = ox + layout.width;
  const gridTop = oy + GRID.phaseBandHeight + GRID.stageHeaderHeight;
  const bottom = oy + layout.height;

  // cells: one rectangle per lane row, then the rules between stages and lanes
  if (journey.stages.length > 0 && layout.lanes.length > 0) {
    draw.rect(stagesLeft, gridTop, stagesRight - stagesLeft, bottom - gridTop, { fill: '#f8fafc' });
    let rules = '';
    for (const column of layout.stages) rules += `M${ox + column.x + column.width},${gridTop}L${ox + column.x + column.width},${bottom}`;
    for (const row of layout.lanes) rules += `M${stagesLeft},${oy + row.y + row.height}L${stagesRight},${oy + row.y + row.height}`;
    draw.path(rules, { x: stagesLeft, y: gridTop, width: stagesRight - stagesLeft, height: bottom - gridTop }, { stroke: { color: CELL_LINE, width: 1 } });
  }

  // phase bands
  for (const band of layout.phases) {
    const x = ox + band.x + 2;
    const w = band.width - 4;
    draw.rect(x, oy + band.y, w, band.height, { fill: safePhaseColor(band.color), radius: [8, 8, 0, 0] });
    const name = shownPhaseName({ id: band.phase, name: band.name }, label(t, phaseNameKey(band.phase), band.phase)).toLocaleUpperCase(journey.locale);
    draw.text(x + 12, oy + band.y + 21, clampLine(name, w - 24, { size: 12, bold: true }), { size: 12, bold: true, color: '#ffffff' });
  }

  // stage headers, topped with their phase's colour unless the stage has its own
  const phaseColorOf = new Map(layout.phases.flatMap((band) => band.stageIds.map((id) => [id, band.color] as const)));
  const cardsPerStage = new Map<string, number>();
  for (const card of journey.cards) cardsPerStage.set(card.stageId, (cardsPerStage.get(card.stageId) ?? 0) + 1);
  for (const [i, stage] of journey.stages.entries()) {
    const column = layout.stages[i]!;
    const x = ox + column.x + 2;
    const y = oy + column.y;
    const w = column.width - 4;
    draw.rect(x, y, w, column.height, { fill: '#ffffff', stroke: { color: LINE, width: 1 }, radius: [0, 0, 8, 8] });
    draw.rect(x, y, w, 4, { fill: safeColor(stage.color) ?? safePhaseColor(phaseColorOf.get(stage.id)) });
    const name = stage.name.trim() || t('canvas.untitledStage');
    draw.text(x + 12, y + 27, clampLine(name, w - 24, { size: 15, bold: true }), { size: 15, bold: true, color: stage.name.trim() ? INK : INK_SOFT });
    draw.text(x + 12, y + 45, t('canvas.cards', { count: cardsPerStage.get(stage.id) ?? 0 }), { size: 12, color: INK_SOFT });
  }

  // lane headers
  const cardsPerLane = new Map<string, number>();
  for (const card of journey.cards) cardsPerLane.set(card.laneId, (cardsPerLane.get(card.laneId) ?? 0) + 1);
  if (layout.lanes.length > 0) {
    draw.rect(ox, gridTop, GRID.laneHeaderWidth, bottom - gridTop, { fill: '#ffffff' });
  }
  for (const [i, lane] of journey.lanes.entries()) {
    const row = layout.lanes[i]!;
    const x = ox;
    const y = oy + row.y;
    const { colors } = laneKindDescriptor(lane.kind);
    draw.path(`M${x},${y + row.height}L${x + GRID.laneHeaderWidth},${y + row.height}`, { x, y: y + row.height, width: GRID.laneHeaderWidth, height: 0 }, { stroke: { color: '#e2e8f0', width: 1 } });
    draw.rect(x + 12, y + 12, 28, 28, { fill: colors.tint, radius: 7 });
    laneIcon(draw, lane.kind, x + 18, y + 18, 16, colors.ink);
    const name = lane.name.trim() || t('canvas.untitledLane');
    const lines = wrapLines(name, GRID.laneHeaderWidth - 60, 2, { size: 14, bold: true });
    lines.forEach((line, n) => draw.text(x + 50, y + 25 + n * 18, line, { size: 14, bold: true, color: lane.name.trim() ? INK : INK_SOFT }));
    const below = y + 25 + Math.max(1, lines.length) * 18;
    // the lane's kind, unless its name already says it
    const kindName = label(t, laneKindDescriptor(lane.kind).labelKey, lane.kind);
    let countY = below + 1;
    if (kindName.toLocaleLowerCase(journey.locale) !== name.toLocaleLowerCase(journey.locale)) {
      const kind = kindName.toLocaleUpperCase(journey.locale);
      draw.text(x + 50, below + 1, clampLine(kind, GRID.laneHeaderWidth - 60, { size: 10, bold: true }), { size: 10, bold: true, color: colors.ink });
      countY += 16;
    }
    draw.text(x + 50, countY, t('canvas.cards', { count: cardsPerLane.get(lane.id) ?? 0 }), { size: 11, color: INK_SOFT });
    // as on the canvas: the Feelings lane says that it, and only it, draws the curve
    if (lane.kind === 'emotions') {
      const note = wrapLines(t('canvas.curveSource'), GRID.laneHeaderWidth - 60, 2, { size: 10 });
      note.forEach((line, n) => draw.text(x + 50, countY + 16 + n * 13, line, { size: 10, italic: true, color: INK_SOFT }));
    }
  }
  // the rule between the lane headers and the cells, and under the stage headers
  if (layout.lanes.length > 0) {
    draw.path(`M${stagesLeft},${gridTop}L${stagesLeft},${bottom}`, { x: stagesLeft, y: gridTop, width: 0, height: bottom - gridTop }, { stroke: { color: LINE, width: 1 } });
  }
}

// ------------------------------------------------------------------ emotion curve

function curves(draw: Painter, layout: JourneyLayout, ox: number, oy: number): void {
  const left = ox + GRID.laneHeaderWidth;
  const right = ox + layout.width;
  for (const curve of layout.emotionCurves) {
    const zero = oy + curve.zeroY;
    draw.path(`M${left},${zero}L${right},${zero}`, { x: left, y: zero, width: right - left, height: 0 }, { stroke: { color: '#94a3b8', width: 1.5, dash: [4, 5] } });
    const scale = [
      [EMOTION_MAX, oy + curve.top + 4, `+${EMOTION_MAX}`],
      [0, zero - 4, '0'],
      [EMOTION_MIN, oy + curve.bottom, `−${-EMOTION_MIN}`],
    ] as const;
    for (const [, y, text] of scale) draw.text(left + 6, y, text, { size: 11, color: '#64748b' });
    const points = curve.points.map((p) => ({ ...p, x: p.x + ox, y: p.y + oy }));
    if (points.length === 0) continue;
    const box = { x: left, y: oy + curve.top, width: right - left, height: curve.bottom - curve.top };
    if (points.length > 1) {
      const line = smoothPath(points);
      const first = points[0]!;
      const last = points[points.length - 1]!;
      draw.path(`${line}L${last.x},${zero}L${first.x},${zero}Z`, box, { fill: '#be185d', fillOpacity: 0.07 });
      draw.path(line, box, { stroke: { color: '#be185d', width: 3.5, linecap: 'round' } });
    }
    for (const point of points) {
      const color = emotionColor(point.score);
      draw.circle(point.x, point.y, 16, { fill: '#ffffff', stroke: { color, width: 2 } });
      face(draw, point.x, point.y, 10, point.score, color);
      const score = point.score > 0 ? `+${point.score}` : point.score < 0 ? `−${-point.score}` : '0';
      const w = measureText(score, 11, true);
      draw.rect(point.x - w / 2 - 3, point.y + 19, w + 6, 15, { fill: '#ffffff', fillOpacity: 0.85, radius: 4 });
      draw.text(point.x, point.y + 30, score, { size: 11, bold: true, color, anchor: 'middle' });
    }
  }
}

/**
 * Each stage's measured figures (model/evidenceFigures.ts) in a small box at the top right of
 * its column in the first emotion curve's band: one line per scale, then the period, in slate
 * ink apart from the curve's colours, so nobody reads them as the feeling the team set.
 * Nothing without an emotions lane to sit beside.
 */
function measuredFigures(draw: Painter, journey: Journey, layout: JourneyLayout, ox: number, oy: number, t: Translate, locale: string): void {
  const curve = layout.emotionCurves[0];
  if (!curve) return;
  const row = layout.lanes.find((l) => l.id === curve.laneId);
  if (!row) return;
  const metrics = stageMetrics(journey);
  const HEAD = { size: 11.5, bold: true } as const;
  const SMALL = { size: 10 } as const;
  for (const column of layout.stages) {
    const m = metrics.get(column.id);
    if (!m || m.scores.length === 0) continue;
    const figures = stageFigures(m, t, locale);
    // at the top right of the band, or at its bottom right when the stage's own face sits high
    const height = 7 + figures.lines.length * 15 + (figures.period ? 13 : 0) + 5;
    const point = curve.points.find((p) => p.stageId === column.id);
    const high = point !== undefined && point.y - 20 < row.y + 6 + height;
    const room = column.width - 16;
    const textRoom = room - 30;
    // "NPS +12" bold, " · n=48" quieter beside it; the period on a line of its own
    const lines = figures.lines.map((l) => {
      const headText = clampLine(l.head, textRoom, HEAD);
      const headWidth = measureText(headText, HEAD.size, true) + 5;
      const tail = clampLine(`· ${l.detail}`, Math.max(0, textRoom - headWidth), SMALL);
      return { head: headText, tail, headWidth, width: headWidth + (tail ? measureText(tail, SMALL.size) : 0) };
    });
    const period = figures.period ? clampLine(figures.period, textRoom, SMALL) : '';
    const contentWidth = Math.max(...lines.map((l) => l.width), period ? measureText(period, SMALL.size) : 0);
    const width = Math.min(room, contentWidth + 34);
    const left = ox + column.x + column.width - 8 - width;
    const top = oy + row.y + (high ? GRID.emotionCurveHeight - 6 - height : 6);
    draw.rect(left, top, width, height, { fill: '#ffffff', fillOpacity: 0.94, stroke: { color: '#94a3b8', width: 1 }, radius: 6, tooltip: figures.description });
    // a small bar chart: these are measured, not the feeling on the curve
    vectorIcon(draw, 'chart', left + 6, top + 7, 12, '#475569');
    lines.forEach((line, i) => {
      const y = top + 18 + i * 15;
      draw.text(left + 22, y, line.head, { ...HEAD, color: '#1e293b' });
      if (line.tail) draw.text(left + 22 + line.headWidth, y, line.tail, { ...SMALL, color: INK_SOFT });
    });
    if (period) draw.text(left + 22, top + 18 + lines.length * 15 - 2, period, { ...SMALL, color: INK_SOFT });
  }
}

/** A face for an emotion score: eyes and a mouth that curves with the score. */
function face(draw: Painter, cx: number, cy: number, r: number, score: number, color: string): void {
  draw.circle(cx, cy, r, { stroke: { color, width: 1.6 } });
  draw.circle(cx - r * 0.36, cy - r * 0.25, r * 0.13, { fill: color });
  draw.circle(cx + r * 0.36, cy - r * 0.25, r * 0.13, { fill: color });
  const bend = Math.max(-1, Math.min(1, score / 3)) * r * 0.45;
  const my = cy + r * 0.38 - bend / 2;
  draw.path(`M${cx - r * 0.45},${my}Q${cx},${my + bend} ${cx + r * 0.45},${my}`, { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r }, { stroke: { color, width: 1.6, linecap: 'round' } });
}

function star(draw: Painter, cx: number, cy: number, r: number, color = '#d97706'): void {
  let d = '';
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    d += `${i === 0 ? 'M' : 'L'}${(cx + radius * Math.cos(angle)).toFixed(2)},${(cy + radius * Math.sin(angle)).toFixed(2)}`;
  }
  draw.path(`${d}Z`, { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r }, { fill: color });
}

// ------------------------------------------------------------------ cards

const CARD_PAD_LEFT = 12;
const CARD_PAD_RIGHT = 10;
const CARD_TEXT_WIDTH = CARD_WIDTH - CARD_PAD_LEFT - CARD_PAD_RIGHT;
const TITLE_STYLE = { size: 13, bold: true } as const;
const BODY_STYLE = { size: 12 } as const;
/** baseline of the first title line, below the chip row */
const TITLE_TOP = 42;
/**
 * A card that names its actor and has anything else for the meta row (channel, emotion, votes,
 * personas) prints those on a second row this much lower, so the actor has the first row's
 * width and is not cut to make room for them.
 */
const META_ROW = 21;
const TITLE_LINE = 17;
const BODY_LINE = 16;
const TEXT_BOTTOM = 14;
/**
 * A title is printed whole (the title limit keeps that under twenty lines); the body gets up to
 * this many lines, the last ending in "…" when there is more, so a wall print stays a map and
 * not a document.
 */
const BODY_MAX_LINES = 6;

interface CardText {
  title: string[];
  body: string[];
}

/** A card's text as the export prints it: the whole title, then as much body as fits the rule above. */
function cardText(card: Card): CardText {
  const title = card.title.trim();
  const titleLines = title ? wrapLines(title, CARD_TEXT_WIDTH, Number.MAX_SAFE_INTEGER, TITLE_STYLE) : [];
  const body = card.body.trim() ? wrapLines(card.body, CARD_TEXT_WIDTH, BODY_MAX_LINES, BODY_STYLE) : [];
  return { title: titleLines, body };
}

const NO_IMAGES: ReadonlyMap<string, CardImage> = new Map();
/** a card's picture is printed under its text, as wide as the text and at most this tall */
const IMAGE_MAX_HEIGHT = 150;
const IMAGE_GAP = 6;

/** The size a card's image prints at (its proportions kept), or null when it has none. */
function cardImageSize(card: Card, images: ReadonlyMap<string, CardImage>): { width: number; height: number; image: CardImage } | null {
  const image = card.image === null ? undefined : images.get(card.image);
  if (!image) return null;
  const scale = Math.min(CARD_TEXT_WIDTH / image.width, IMAGE_MAX_HEIGHT / image.height);
  return { width: Math.max(1, image.width * scale), height: Math.max(1, image.height * scale), image };
}

/** Who does the card, as its lane kind shows it: only a blueprint's staff rows name an actor. */
function shownActor(card: Card, kind: LaneKind): string {
  return laneKindDescriptor(kind).actor ? card.actor.replace(/\s+/g, ' ').trim() : '';
}

/** Whether the card's meta row splits in two: its actor above, its other chips, votes and personas below. */
function splitMeta(card: Card, kind: LaneKind): boolean {
  if (!shownActor(card, kind)) return false;
  return card.channel !== null || laneKindDescriptor(kind).chip || card.emotion !== null || card.votes > 0 || card.personaIds.length > 0;
}

/** The baseline of the card's first title line: under one meta row, or two (see META_ROW). */
function titleTop(card: Card, kind: LaneKind): number {
  return TITLE_TOP + (splitMeta(card, kind) ? META_ROW : 0);
}

/** How tall the card's text is, from its top to the end of the body. */
function textHeight(card: Card, kind: LaneKind, text: CardText = cardText(card)): number {
  const { title, body } = text;
  const titleLines = Math.max(1, title.length);
  return titleTop(card, kind) + (titleLines - 1) * TITLE_LINE + body.length * BODY_LINE;
}

/** the row under a card's text where its confidence mark sits, when it has one */
const MARK_ROW = 24;
const MARK_HEIGHT = 17;

/** How tall a printed card is: the canvas's card height, or more when its text (and image, and confidence mark) need it. */
function exportCardHeight(card: Card, kind: LaneKind, images: ReadonlyMap<string, CardImage>, marked: boolean, text?: CardText): number {
  const picture = cardImageSize(card, images);
  return Math.max(GRID.cardHeight, textHeight(card, kind, text) + (picture ? IMAGE_GAP + picture.height : 0) + TEXT_BOTTOM + (marked ? MARK_ROW : 0));
}

/**
 * The layout the export draws: the canvas's grid, with rows grown to fit each card's text, image
 * and confidence mark. `texts`: the cards' wrapped text when already known (sceneSteps wraps it
 * in steps); the others are wrapped here.
 */
export function exportLayout(journey: Journey, images: ReadonlyMap<string, CardImage> = NO_IMAGES, texts?: ReadonlyMap<string, CardText>): JourneyLayout {
  const laneKind = new Map(journey.lanes.map((lane) => [lane.id, lane.kind]));
  const counts = evidenceCountByCard(journey.evidence);
  return layoutJourney(journey, {
    cardHeight: (card) =>
      exportCardHeight(card, laneKind.get(card.laneId) ?? FALLBACK_LANE_KIND, images, shownConfidence(card.confidence, counts.get(card.id) ?? 0) !== null, texts?.get(card.id)),
  });
}

function cardShapes(
  draw: Painter,
  card: Card,
  kind: LaneKind,
  rect: Rect,
  personaColor: ReadonlyMap<string, string>,
  t: Translate,
  images: ReadonlyMap<string, CardImage>,
  mark: { level: Confidence; count: number } | null,
  wrapped: CardText = cardText(card),
): void {
  const kindLook = laneKindDescriptor(kind);
  const { colors } = kindLook;
  const { x, y, width: w, height: h } = rect;
  // equal corners stay a plain radius, which the SVG and PDF writers draw as a simple rounded rect
  const corners = kindLook.corners;
  const radius = corners.every((c) => c === corners[0]) ? corners[0] : corners;
  if (card.momentOfTruth) draw.rect(x - 3, y - 3, w + 6, h + 6, { stroke: { color: '#f59e0b', width: 4, opacity: 0.3 }, radius: 11 });
  draw.rect(x, y, w, h, {
    fill: colors.fill,
    stroke: card.momentOfTruth ? { color: '#d97706', width: 2 } : { color: colors.border, width: 1, dash: kindLook.dashed ? [5, 3] : undefined },
    radius,
    tooltip: card.title.trim() ? clampLine(card.title, 1e6, { size: 13 }) : undefined,
  });
  const accent = safeColor(card.color) ?? (kindLook.strip ? colors.accent : null);
  if (accent) {
    const r = corners[0];
    draw.path(`${roundedRectPath(x + 1, y + 1, 4, h - 2, [r, 0, 0, r])}`, { x, y, width: 5, height: h }, { fill: accent });
  }

  // meta row: at the left the channel (or kind) chip and the emotion chip, at the right personas
  // and votes; on a blueprint's staff rows the actor comes first, and the rest moves to a row of
  // its own under it
  const actor = shownActor(card, kind);
  // the first row ends at the moment-of-truth star
  const firstRowEnd = x + w - (card.momentOfTruth ? 26 : 12);
  if (actor) actorChip(draw, actor, x + CARD_PAD_LEFT, y + 8, Math.max(ACTOR_CHIP_MIN, firstRowEnd - 6 - x - CARD_PAD_LEFT), colors);
  const chipY = splitMeta(card, kind) ? y + 8 + META_ROW : y + 8;
  let rx = chipY === y + 8 ? firstRowEnd : x + w - 12;
  if (card.votes > 0) {
    const text = String(card.votes);
    const chipW = 18 + measureText(text, 11, true) + 6;
    rx -= chipW;
    draw.rect(rx, chipY, chipW, 17, { fill: '#e0e7ff', radius: 8.5 });
    draw.path(`M${rx + 6},${chipY + 12}L${rx + 10},${chipY + 5}L${rx + 14},${chipY + 12}Z`, { x: rx, y: chipY, width: 16, height: 17 }, { fill: '#3730a3' });
    draw.text(rx + 17, chipY + 12.5, text, { size: 11, bold: true, color: '#3730a3' });
    rx -= 4;
  }
  const chips = metaChips(draw, card, kind, chipY, t);
  let cx = x + CARD_PAD_LEFT;
  for (const chip of chips) {
    chip.draw(cx);
    cx += chip.width + 6;
  }
  // persona dots, as many as fit between the chips and the votes (a busy card shows fewer)
  const dots = card.personaIds.filter((id) => personaColor.has(id));
  const roomForDots = Math.max(0, Math.floor((rx - cx) / 12));
  for (const id of dots.slice(0, Math.min(6, roomForDots)).reverse()) {
    draw.circle(rx - 6, chipY + 8.5, 5, { fill: personaColor.get(id)!, stroke: { color: '#ffffff', width: 1.5 } });
    rx -= 12;
  }
  if (card.momentOfTruth) star(draw, x + w - 13, y + 14, 7);

  // the whole title, then the body (exportCardHeight made the card tall enough for both)
  const text = wrapped;
  const title = card.title.trim();
  const titleLines = title ? text.title : [t('canvas.untitledCard')];
  titleLines.forEach((line, i) =>
    draw.text(x + CARD_PAD_LEFT, y + titleTop(card, kind) + i * TITLE_LINE, line, { ...TITLE_STYLE, bold: !!title, italic: kindLook.italic || undefined, color: title ? INK : '#64748b' }),
  );
  const start = y + titleTop(card, kind) + titleLines.length * TITLE_LINE;
  text.body.forEach((line, i) => draw.text(x + CARD_PAD_LEFT, start + i * BODY_LINE, line, { ...BODY_STYLE, color: INK_SOFT }));

  // the image under the text, centred in the text's width (exportCardHeight left room for it)
  const picture = cardImageSize(card, images);
  if (picture) {
    const top = y + textHeight(card, kind, text) + IMAGE_GAP;
    draw.image({ x: x + CARD_PAD_LEFT + (CARD_TEXT_WIDTH - picture.width) / 2, y: top, width: picture.width, height: picture.height }, picture.image);
  }

  // the confidence mark in the row kept for it at the bottom right (exportCardHeight)
  if (mark) confidenceMark(draw, mark.level, mark.count, x + w - CARD_PAD_RIGHT, y + h - 8 - MARK_HEIGHT, t);
}

const MARK_COLORS: Readonly<Record<Confidence, { fill: string; stroke: string; ink: string }>> = {
  observed: { fill: '#0f766e', stroke: '#0f766e', ink: '#ffffff' },
  assumed: { fill: '#ffffff', stroke: '#64748b', ink: '#334155' },
  proposed: { fill: '#f5f3ff', stroke: '#7c3aed', ink: '#5b21b6' },
};

/**
 * A card's confidence mark, its right edge at `right`: observed a small filled badge with a tick
 * and the number of evidence items behind it; assumed an outlined, dashed badge with a "?" and
 * the word; proposed a violet badge with a bulb and the word. The badge's tooltip says it in full.
 * Returns its width.
 */
function confidenceMark(draw: Painter, level: Confidence, count: number, right: number, top: number, t: Translate): number {
  const colors = MARK_COLORS[level];
  const word = level === 'observed' ? (count > 0 ? String(count) : '') : t(`evidenceMetrics.confidence.${level}`);
  const wordWidth = word ? measureText(word, 10.5, true) : 0;
  const width = 20 + wordWidth + (word ? 7 : 0);
  const left = right - width;
  draw.rect(left, top, width, MARK_HEIGHT, {
    fill: colors.fill,
    stroke: { color: colors.stroke, width: 1.2, dash: level === 'assumed' ? [3, 2] : undefined },
    radius: MARK_HEIGHT / 2,
    tooltip: confidenceText(level, count, t),
  });
  const cy = top + MARK_HEIGHT / 2;
  if (level === 'observed') {
    draw.path(`M${left + 6.5},${cy}L${left + 9.5},${cy + 3}L${left + 14.5},${cy - 3.5}`, { x: left + 5, y: cy - 5, width: 11, height: 10 }, { stroke: { color: colors.ink, width: 1.8, linecap: 'round' } });
  } else if (level === 'assumed') {
    draw.text(left + 10.5, top + 12.5, '?', { size: 11, bold: true, color: colors.ink, anchor: 'middle' });
  } else {
    vectorIcon(draw, 'bulb', left + 4.5, top + 2, 12, colors.ink);
  }
  if (word) draw.text(left + 18, top + 12.5, word, { size: 10.5, bold: true, color: colors.ink });
  return width;
}

/** The legend of the observed mark ("✓ n observed: n evidence items"), its left at x; returns its width. */
function confidenceLegend(draw: Painter, x: number, baseline: number, t: Translate): number {
  const badge = confidenceMark(draw, 'observed', 3, x + 20 + measureText('3', 10.5, true) + 7, baseline - 12.5, t);
  const text = t('evidenceMetrics.legend');
  const w = draw.text(x + badge + 6, baseline, text, { size: 12, color: INK_SOFT });
  return badge + 6 + (w || measureText(text, 12));
}

/** A chip of the meta row: how wide it is, and how to draw it with its left edge at x. */
interface MetaChip {
  width: number;
  draw(x: number): void;
}

/** The channel chip (or, without a channel, the kind's chip where the kind has one) and the emotion chip. */
function metaChips(draw: Painter, card: Card, kind: LaneKind, chipY: number, t: Translate): MetaChip[] {
  const kindLook = laneKindDescriptor(kind);
  const chips: MetaChip[] = [];
  if (card.channel) {
    const online = isOnlineChannel(card.channel);
    const name = label(t, `canvas.channels.${card.channel}`, card.channel);
    const mode = `· ${t(online ? 'canvas.online' : 'canvas.offline')}`;
    const nameW = measureText(name, 11, true);
    const modeW = measureText(mode, 11);
    const width = 16 + nameW + 4 + modeW + 7;
    const [bg, fg] = online ? ['#dbeafe', '#1e40af'] : ['#ffedd5', '#9a3412'];
    chips.push({
      width,
      draw: (cx) => {
        draw.rect(cx, chipY, width, 17, { fill: bg, radius: 8.5 });
        if (online) draw.circle(cx + 9, chipY + 8.5, 3, { fill: fg });
        else draw.circle(cx + 9, chipY + 8.5, 2.6, { stroke: { color: fg, width: 1.4 } });
        draw.text(cx + 16, chipY + 12.5, name, { size: 11, bold: true, color: fg });
        draw.text(cx + 16 + nameW + 4, chipY + 12.5, mode, { size: 11, color: fg });
      },
    });
  } else if (kindLook.chip) {
    const name = label(t, kindLook.labelKey, kind);
    chips.push({
      width: 16 + measureText(name, 11, true) + 2,
      draw: (cx) => {
        laneIcon(draw, kind, cx, chipY + 2.5, 12, kindLook.colors.ink);
        draw.text(cx + 16, chipY + 12.5, name, { size: 11, bold: true, color: kindLook.colors.ink });
      },
    });
  }
  if (card.emotion !== null) {
    const color = emotionColor(card.emotion);
    const text = card.emotion > 0 ? `+${card.emotion}` : card.emotion < 0 ? `−${-card.emotion}` : '0';
    const width = 20 + measureText(text, 11, true) + 6;
    const score = card.emotion;
    chips.push({
      width,
      draw: (cx) => {
        draw.rect(cx, chipY, width, 17, { fill: '#ffffff', stroke: { color, width: 1 }, radius: 8.5 });
        face(draw, cx + 10, chipY + 8.5, 5.5, score, color);
        draw.text(cx + 19, chipY + 12.5, text, { size: 11, bold: true, color });
      },
    });
  }
  return chips;
}

/** an actor's chip is never cut narrower than this: a few letters and "…" */
const ACTOR_CHIP_MIN = 64;

/**
 * Who does the card, as the chip the blueprint's staff rows show: a person mark and the actor's
 * name in the lane kind's ink on its tint, cut with "…" to `room`.
 */
function actorChip(draw: Painter, actor: string, x: number, chipY: number, room: number, colors: { tint: string; ink: string }): void {
  const text = clampLine(actor, room - 30, { size: 11, bold: true });
  const width = 22 + measureText(text, 11, true) + 8;
  draw.rect(x, chipY, width, 17, { fill: colors.tint, radius: 8.5 });
  vectorIcon(draw, 'person', x + 6, chipY + 2.5, 12, colors.ink);
  draw.text(x + 22, chipY + 12.5, text, { size: 11, bold: true, color: colors.ink });
}

// ------------------------------------------------------------------ links

/** A link's label in a white pill centred on (x, y), drawn once everything else is. */
function linkLabel(draw: Painter, label: string, x: number, y: number): () => void {
  const text = clampLine(label, 180, { size: 12, bold: true });
  const lw = measureText(text, 12, true);
  return () => {
    draw.rect(x - lw / 2 - 6, y - 11, lw + 12, 20, { fill: '#ffffff', stroke: { color: LINE, width: 1 }, radius: 6 });
    draw.text(x, y + 4, text, { size: 12, bold: true, color: '#334155', anchor: 'middle' });
  };
}

/**
 * A staff card and the customer's card it serves, as the canvas draws them (ServesEdge): out of
 * one card's right edge, along the gutter beside the column, into the other's right edge with an
 * arrow, past the cards in between instead of a curve across them. Returns where its label goes:
 * on the gutter, halfway.
 */
function servesConnector(draw: Painter, from: Rect, to: Rect, slot: number, ox: number, oy: number): { x: number; y: number } {
  const fromRight = ox + from.x + from.width;
  const toRight = ox + to.x + to.width;
  const sy = oy + from.y + from.height / 2;
  const ty = oy + to.y + to.height / 2;
  const gutter = servesGutterX(Math.max(fromRight, toRight), slot);
  const box = { x: Math.min(fromRight, toRight), y: Math.min(sy, ty), width: gutter - Math.min(fromRight, toRight), height: Math.abs(ty - sy) };
  draw.path(`M${fromRight},${sy}H${gutter}V${ty}H${toRight + 7}`, box, { stroke: { color: '#64748b', width: 1.5, linecap: 'round' } });
  draw.path(`M${toRight},${ty}L${toRight + 7},${ty - 4}L${toRight + 7},${ty + 4}Z`, { x: toRight, y: ty - 4, width: 7, height: 8 }, { fill: '#64748b' });
  return { x: gutter, y: (sy + ty) / 2 };
}

function links(draw: Painter, journey: Journey, layout: JourneyLayout, ox: number, oy: number): (() => void)[] {
  const labels: (() => void)[] = [];
  const serves = servesSlots(journey);
  for (const link of journey.links) {
    const from = layout.cards.get(link.fromCardId);
    const to = layout.cards.get(link.toCardId);
    if (!from || !to) continue;
    const slot = serves.get(link.id);
    if (slot !== undefined) {
      const at = servesConnector(draw, from, to, slot, ox, oy);
      if (link.label.trim()) labels.push(linkLabel(draw, link.label, at.x, at.y));
      continue;
    }
    // out of the right edge of one card, into the left edge of the other (or the facing edges)
    const forward = to.x >= from.x + from.width / 2;
    const sx = ox + (forward ? from.x + from.width : from.x);
    const sy = oy + from.y + from.height / 2;
    const tx = ox + (forward ? to.x : to.x + to.width);
    const ty = oy + to.y + to.height / 2;
    const bend = Math.max(40, Math.abs(tx - sx) / 2) * (forward ? 1 : -1);
    const c1x = sx + bend;
    const c2x = tx - bend;
    const d = `M${sx},${sy}C${c1x},${sy} ${c2x},${ty} ${tx},${ty}`;
    const minX = Math.min(sx, tx, c1x, c2x);
    const minY = Math.min(sy, ty);
    const box = { x: minX, y: minY, width: Math.max(sx, tx, c1x, c2x) - minX, height: Math.abs(ty - sy) };
    draw.path(d, box, { stroke: { color: '#64748b', width: 2, linecap: 'round' } });
    // an arrowhead at the end, pointing along the curve
    const dir = forward ? 1 : -1;
    draw.path(`M${tx},${ty}L${tx - 8 * dir},${ty - 4.5}L${tx - 8 * dir},${ty + 4.5}Z`, { x: tx - 9, y: ty - 5, width: 18, height: 10 }, { fill: '#64748b' });
    if (link.label.trim()) {
      // the curve's midpoint (t = 0.5 of the cubic)
      const mx = (sx + 3 * c1x + 3 * c2x + tx) / 8;
      const my = (sy + ty) / 2;
      labels.push(linkLabel(draw, link.label, mx, my));
    }
  }
  return labels;
}

