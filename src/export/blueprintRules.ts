import { blueprintLines, type BlueprintLineId } from '../model/blueprint';
import type { JourneyLayout } from '../model/layout';
import type { Lane } from '../model/types';
import type { Painter } from './painter';
import type { Stroke } from './scene';
import { clampLine, measureText } from './text';

/**
 * The lines of a service blueprint in a picture export: a rule across the whole map at the
 * boundary between two lanes, where `blueprintLines` (src/model/blueprint.ts) says it runs,
 * with its name on it in the lane-header column.
 *
 * How they look follows the blueprint convention a reader of Shostack's and Bitner's blueprints
 * knows, and tells the three apart in black and white (a print, a photocopy):
 *  - interaction: a thin solid rule — the customer meets staff;
 *  - visibility: a heavier dashed rule, the darkest of the three — the line the whole blueprint
 *    is read around: what the customer sees above it, what they do not below;
 *  - internal interaction: a dotted rule — staff handing over to systems and teams.
 */
export const BLUEPRINT_RULE_LOOK: Record<BlueprintLineId, Stroke> = {
  interaction: { color: '#334155', width: 2 },
  visibility: { color: '#0f172a', width: 2.5, dash: [10, 6] },
  internal: { color: '#475569', width: 2, dash: [0.5, 5], linecap: 'round' },
};

/** The label's type: small, bold, in the rule's colour. */
const LABEL_SIZE = 11;
/**
 * the label's pill: this tall, across the rule and a little more above it than below (the upper
 * lane's header ends well above its bottom; the lower lane's icon starts 12 px under its top),
 * starting this far into the header column
 */
const PILL_HEIGHT = 18;
const PILL_RAISE = 3;
const PILL_LEFT = 8;
const PILL_PAD = 7;

export interface BlueprintRule {
  id: BlueprintLineId;
  /** the y of the rule, in layout coordinates (the lane boundary) */
  y: number;
  label: string;
}

/**
 * Where the rules run in a layout: at the top of the lane below each line, which is the bottom
 * of the lane above it (rows are stacked without gaps). Lanes are taken as the layout shows
 * them: an export opens collapsed lanes, so every lane counts.
 */
export function blueprintRules(lanes: readonly Lane[], layout: JourneyLayout, labelOf: (labelKey: string) => string): BlueprintRule[] {
  const rowOf = new Map(layout.lanes.map((row) => [row.id, row]));
  const rules: BlueprintRule[] = [];
  for (const place of blueprintLines(lanes)) {
    const below = rowOf.get(place.belowLaneId);
    if (!below) continue;
    rules.push({ id: place.line.id, y: below.y, label: labelOf(place.line.labelKey) });
  }
  return rules;
}

/**
 * Draws the rules under the cards (which keep a cell's padding clear of the boundary) and their
 * labels in the lane-header column: a lane's header text sits at the top of its row and a row is
 * never shorter than a card and its padding, so the pill across the boundary has room between
 * the upper lane's card count and the lower lane's icon (tests/unit/export-blueprint.test.ts
 * checks that it covers no text and no card).
 */
export function drawBlueprintRules(draw: Painter, rules: readonly BlueprintRule[], ox: number, oy: number, width: number, headerWidth: number): void {
  for (const rule of rules) {
    const y = oy + rule.y;
    const look = BLUEPRINT_RULE_LOOK[rule.id];
    draw.path(`M${ox},${y}L${ox + width},${y}`, { x: ox, y, width, height: 0 }, { stroke: look });
    const room = headerWidth - PILL_LEFT - 2 * PILL_PAD - 8;
    const text = clampLine(rule.label, room, { size: LABEL_SIZE, bold: true });
    const textWidth = measureText(text, LABEL_SIZE, true);
    const left = ox + PILL_LEFT;
    draw.rect(left, y - PILL_HEIGHT / 2 - PILL_RAISE, textWidth + 2 * PILL_PAD, PILL_HEIGHT, { fill: '#ffffff', stroke: { color: look.color, width: 1 }, radius: PILL_HEIGHT / 2 });
    draw.text(left + PILL_PAD, y - PILL_RAISE + LABEL_SIZE * 0.36, text, { size: LABEL_SIZE, bold: true, color: look.color });
  }
}

