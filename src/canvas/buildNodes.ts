import { MarkerType, Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { BlueprintLineId } from '../model/blueprint';
import { blueprintRules, servesSlots } from '../model/blueprintView';
import { CARD_WIDTH, GRID, type JourneyLayout } from '../model/layout';
import type { PersonaHeaderLayout } from '../model/personaHeader';
import { stageBacking } from '../model/confidence';
import type { Card, Journey, Lane, LaneKind, Persona, Phase, Stage } from '../model/types';
import { evidenceCounts } from '../store/assumptionFilter';

export interface CardNodeData extends Record<string, unknown> {
  card: Card;
  laneKind: LaneKind;
  dimmed: boolean;
  linkSource: boolean;
  /** linked to a selected card: the blueprint's vertical reading (what this staff card serves, who serves this action) */
  linked: boolean;
  /** how many evidence items the card holds: its confidence mark and the "show assumptions" filter read it */
  evidenceCount: number;
}
export interface BlueprintLineNodeData extends Record<string, unknown> {
  lineId: BlueprintLineId;
  labelKey: string;
  /** where its name chips start, from the node's left edge: one at the start of every phase */
  chipXs: number[];
}
/** A "serves" link's place beside its column: links of one stage sit side by side in the gutter. */
export interface ServesEdgeData extends Record<string, unknown> {
  slot: number;
}
export interface StageNodeData extends Record<string, unknown> {
  stage: Stage;
  cardCount: number;
  /** the colour of the stage's phase: the header's top border */
  phaseColor: string;
  /**
   * Of its cards, how many have evidence attached (confidence.ts, stageBacking); null while no
   * card of the map has any, so a map that does not use evidence shows no row of "0/n backed".
   */
  backed: number | null;
}
export interface LaneNodeData extends Record<string, unknown> {
  lane: Lane;
  cardCount: number;
}
export interface PhaseNodeData extends Record<string, unknown> {
  phase: Phase;
  /** view and comment links see the band but get no menu and no rename */
  readOnly: boolean;
}
export interface CellNodeData extends Record<string, unknown> {
  stageId: string;
  laneId: string;
  empty: boolean;
  /** how many cards the cell holds: its "add card" button sits under the last one */
  cardCount: number;
  /** the lane is folded to a strip: its cards are hidden, the button sits at its top */
  collapsed: boolean;
  readOnly: boolean;
  /** the cell's lane draws the emotion curve, so cells start below it */
  offsetTop: number;
}
export interface CurveNodeData extends Record<string, unknown> {
  laneId: string;
}
export interface PersonaNodeData extends Record<string, unknown> {
  persona: Persona;
}

export type CanvasNode =
  | Node<CardNodeData, 'card'>
  | Node<StageNodeData, 'stage'>
  | Node<LaneNodeData, 'lane'>
  | Node<PhaseNodeData, 'phase'>
  | Node<CellNodeData, 'cell'>
  | Node<CurveNodeData, 'curve'>
  | Node<PersonaNodeData, 'persona'>
  | Node<BlueprintLineNodeData, 'blueprintLine'>
  | Node<Record<string, unknown>, 'personaLabel'>
  | Node<Record<string, unknown>, 'addStage' | 'addLane'>;

export interface NodeInputs {
  journey: Journey;
  layout: JourneyLayout;
  selected: ReadonlySet<string>;
  personaFilter: string | null;
  linkFrom: string | null;
  /** a view-only map: nothing can be dragged or added */
  readOnly: boolean;
  /** following a presenter: the map stays editable, but a drag must not move what everyone watches */
  dragLocked?: boolean;
  /** the persona header above the grid, when the map has personas and this device shows it */
  personaHeader?: PersonaHeaderLayout | null;
  /** cards linked to the selection, shown as such */
  linked?: ReadonlySet<string>;
}

/** How tall a blueprint line's node is: room for its name chip, centred on the lane boundary. */
export const BLUEPRINT_LINE_BAND = 20;

/**
 * Handles are declared up front (where the canvas draws them) so React Flow need not render
 * every node once to measure them: on a 5,000-card map that first full render cost ~1.5 s
 * before `onlyRenderVisibleElements` could cull anything.
 */
const HANDLE = 10;
const CARD_HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: -HANDLE / 2, y: GRID.cardHeight / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
  { type: 'source', position: Position.Right, x: CARD_WIDTH - HANDLE / 2, y: GRID.cardHeight / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
];
const NO_HANDLES: NodeHandle[] = [];

/**
 * React Flow nodes for the map, derived from the journey and its layout. A node object is
 * reused when nothing it shows changed, so React Flow re-renders only the nodes that did: with
 * thousands of cards, that is the difference between a smooth drag and a stutter.
 */
export class NodeBuilder {
  private cache = new Map<string, CanvasNode>();

  build(inputs: NodeInputs): CanvasNode[] {
    const { journey, layout } = inputs;
    const draggable = !inputs.readOnly && !inputs.dragLocked;
    const next = new Map<string, CanvasNode>();
    const nodes: CanvasNode[] = [];
    const put = (node: CanvasNode, same: (prev: CanvasNode) => boolean) => {
      const prev = this.cache.get(node.id);
      const kept = prev && prev.draggable === node.draggable && prev.position.x === node.position.x && prev.position.y === node.position.y && prev.width === node.width && prev.height === node.height && prev.selected === node.selected && same(prev) ? prev : node;
      next.set(node.id, kept);
      nodes.push(kept);
    };

    const stageCards = new Map<string, number>();
    const laneCards = new Map<string, number>();
    const cellCards = new Map<string, number>();
    // one count per card, shared by every build while the evidence is unchanged
    const evidence = evidenceCounts(journey.evidence);
    const backing = stageBacking(journey.cards, evidence);
    for (const c of journey.cards) {
      stageCards.set(c.stageId, (stageCards.get(c.stageId) ?? 0) + 1);
      laneCards.set(c.laneId, (laneCards.get(c.laneId) ?? 0) + 1);
      const cell = `${c.stageId}/${c.laneId}`;
      cellCards.set(cell, (cellCards.get(cell) ?? 0) + 1);
    }

    for (const band of layout.phases) {
      const phase = journey.phases.find((p) => p.id === band.phase) ?? { id: band.phase, name: band.name, color: band.color, order: 'a0' };
      put(
        { id: `phase:${band.phase}:${band.x}`, type: 'phase', position: { x: band.x, y: band.y }, width: band.width, height: band.height, data: { phase, readOnly: inputs.readOnly }, draggable: false, selectable: false, zIndex: 0, handles: NO_HANDLES, focusable: false },
        (p) => (p.data as PhaseNodeData).phase === phase && (p.data as PhaseNodeData).readOnly === inputs.readOnly,
      );
    }
    if (inputs.personaHeader) {
      const { label, cards } = inputs.personaHeader;
      put(
        { id: 'personas:label', type: 'personaLabel', position: { x: label.x, y: label.y }, width: label.width, height: label.height, data: {}, draggable: false, selectable: false, zIndex: 3, handles: NO_HANDLES, focusable: false },
        () => true,
      );
      for (const slot of cards) {
        // above the cards and links: a hovered persona card grows down over them to show its whole quote
        put(
          { id: `persona:${slot.persona.id}`, type: 'persona', position: { x: slot.x, y: slot.y }, width: slot.width, height: slot.height, data: { persona: slot.persona }, draggable: false, selectable: false, zIndex: 6, handles: NO_HANDLES, focusable: false },
          (p) => (p.data as PersonaNodeData).persona === slot.persona,
        );
      }
    }
    const laneById = new Map(journey.lanes.map((l) => [l.id, l]));
    for (const row of layout.lanes) {
      const lane = laneById.get(row.id)!;
      const offsetTop = lane.kind === 'emotions' && !lane.collapsed ? GRID.emotionCurveHeight : 0;
      for (const column of layout.stages) {
        const cardCount = cellCards.get(`${column.id}/${row.id}`) ?? 0;
        const empty = cardCount === 0;
        put(
          {
            id: `cell:${column.id}:${row.id}`,
            type: 'cell',
            position: { x: column.x, y: row.y },
            width: column.width,
            height: row.height,
            data: { stageId: column.id, laneId: row.id, empty, cardCount, collapsed: row.collapsed, offsetTop, readOnly: inputs.readOnly },
            draggable: false,
            selectable: false,
            zIndex: 0,
            handles: NO_HANDLES,
            focusable: false,
          },
          (p) => (p.data as CellNodeData).cardCount === cardCount && (p.data as CellNodeData).collapsed === row.collapsed && (p.data as CellNodeData).offsetTop === offsetTop && (p.data as CellNodeData).readOnly === inputs.readOnly,
        );
      }
    }
    for (const curve of layout.emotionCurves) {
      const row = layout.lanes.find((l) => l.id === curve.laneId)!;
      put(
        {
          id: `curve:${curve.laneId}`,
          type: 'curve',
          position: { x: GRID.laneHeaderWidth, y: row.y },
          width: layout.width - GRID.laneHeaderWidth,
          height: GRID.emotionCurveHeight,
          data: { laneId: curve.laneId },
          draggable: false,
          selectable: false,
          zIndex: 1,
          handles: NO_HANDLES,
          focusable: false,
        },
        () => false, // the curve reads its points from the store; cheap to re-render
      );
    }
    const stageById = new Map(journey.stages.map((s) => [s.id, s]));
    const phaseColor = new Map(layout.phases.flatMap((band) => band.stageIds.map((id) => [id, band.color] as const)));
    for (const column of layout.stages) {
      const stage = stageById.get(column.id)!;
      const cardCount = stageCards.get(stage.id) ?? 0;
      const color = phaseColor.get(stage.id) ?? '';
      const backed = evidence.size > 0 ? (backing.get(stage.id)?.backed ?? 0) : null;
      put(
        { id: `stage:${stage.id}`, type: 'stage', position: { x: column.x, y: column.y }, width: column.width, height: column.height, data: { stage, cardCount, phaseColor: color, backed }, draggable, selectable: false, zIndex: 3, handles: NO_HANDLES, focusable: false },
        (p) => {
          const d = p.data as StageNodeData;
          return d.stage === stage && d.cardCount === cardCount && d.phaseColor === color && d.backed === backed;
        },
      );
    }
    for (const row of layout.lanes) {
      const lane = laneById.get(row.id)!;
      const cardCount = laneCards.get(lane.id) ?? 0;
      put(
        { id: `lane:${lane.id}`, type: 'lane', position: { x: row.x, y: row.y }, width: row.width, height: row.height, data: { lane, cardCount }, draggable, selectable: false, zIndex: 3, handles: NO_HANDLES, focusable: false },
        (p) => (p.data as LaneNodeData).lane === lane && (p.data as LaneNodeData).cardCount === cardCount,
      );
    }
    // the blueprint's lines over the lane headers and cells, under the cards (which they never touch)
    const chipXs = layout.phases.map((band) => band.x + 8);
    for (const rule of blueprintRules(journey, layout)) {
      const data: BlueprintLineNodeData = { lineId: rule.line.id, labelKey: rule.line.labelKey, chipXs };
      put(
        { id: `blueprint:${rule.line.id}`, type: 'blueprintLine', position: { x: 0, y: rule.y - BLUEPRINT_LINE_BAND / 2 }, width: layout.width, height: BLUEPRINT_LINE_BAND, data, draggable: false, selectable: false, zIndex: 3, handles: NO_HANDLES, focusable: false },
        (p) => {
          const d = p.data as BlueprintLineNodeData;
          return d.lineId === data.lineId && d.chipXs.length === chipXs.length && d.chipXs.every((x, i) => x === chipXs[i]);
        },
      );
    }
    if (!inputs.readOnly) put(
      { id: 'add:stage', type: 'addStage', position: { x: layout.width + 8, y: GRID.phaseBandHeight }, width: 56, height: GRID.stageHeaderHeight, data: {}, draggable: false, selectable: false, zIndex: 3, handles: NO_HANDLES, focusable: false },
      () => true,
    );
    if (!inputs.readOnly) put(
      { id: 'add:lane', type: 'addLane', position: { x: 0, y: layout.height + 8 }, width: GRID.laneHeaderWidth, height: 44, data: {}, draggable: false, selectable: false, zIndex: 3, handles: NO_HANDLES, focusable: false },
      () => true,
    );

    for (const card of journey.cards) {
      const rect = layout.cards.get(card.id);
      if (!rect) continue;
      const laneKind = laneById.get(card.laneId)!.kind;
      const dimmed = inputs.personaFilter !== null && !card.personaIds.includes(inputs.personaFilter);
      const linkSource = inputs.linkFrom === card.id;
      const linked = inputs.linked?.has(card.id) ?? false;
      const evidenceCount = evidence.get(card.id) ?? 0;
      put(
        {
          id: card.id,
          type: 'card',
          position: { x: rect.x, y: rect.y },
          width: CARD_WIDTH,
          height: GRID.cardHeight,
          data: { card, laneKind, dimmed, linkSource, linked, evidenceCount },
          selected: inputs.selected.has(card.id),
          draggable,
          selectable: true,
          zIndex: 4,
          handles: CARD_HANDLES,
          // a card is a Tab stop named by its title (the canvas's title element, so it reads what is shown)
          domAttributes: { 'aria-labelledby': cardTitleId(card.id) },
        },
        (p) => {
          const d = p.data as CardNodeData;
          return d.card === card && d.laneKind === laneKind && d.dimmed === dimmed && d.linkSource === linkSource && d.linked === linked && d.evidenceCount === evidenceCount;
        },
      );
    }
    this.cache = next;
    return nodes;
  }
}

/** A link's accessible name from its cards' titles and its label (CanvasLabels.link). */
export type LinkNamer = (fromTitle: string, toTitle: string, label: string) => string;

/**
 * Links between cards, as labelled edges. An edge has no action of its own (a link is edited
 * from its cards, in the inspector), so it is not a Tab stop; screen readers still find it, as
 * an image named by its cards' titles, never by their ids.
 *
 * A link between a blueprint card and the customer's card of the same stage (what it serves) is
 * a "serves" edge: a short connector in the gutter beside the column instead of a curve looping
 * over the cards, so the blueprint reads top to bottom. Links touching a selected card are
 * marked active.
 */
export function buildEdges(journey: Journey, previous: Edge[], name: LinkNamer, selected: ReadonlySet<string> = new Set()): Edge[] {
  const prev = new Map(previous.map((e) => [e.id, e]));
  const cards = new Map(journey.cards.map((c) => [c.id, c]));
  const slots = servesSlots(journey);
  return journey.links.map((link) => {
    const ariaLabel = name(cards.get(link.fromCardId)?.title ?? '', cards.get(link.toCardId)?.title ?? '', link.label);
    const slot = slots.get(link.id);
    const serves = slot !== undefined;
    const active = selected.has(link.fromCardId) || selected.has(link.toCardId);
    const className = `journey-link${serves ? ' is-serves' : ''}${active ? ' is-active' : ''}`;
    const type = serves ? 'serves' : 'default';
    const label = link.label || undefined;
    const old = prev.get(link.id);
    if (old && old.source === link.fromCardId && old.target === link.toCardId && old.label === label && old.ariaLabel === ariaLabel && old.className === className && old.type === type && (old.data as ServesEdgeData | undefined)?.slot === (slot ?? 0)) return old;
    return {
      id: link.id,
      source: link.fromCardId,
      target: link.toCardId,
      label,
      ariaLabel,
      focusable: false,
      type,
      className,
      data: { slot: slot ?? 0 } satisfies ServesEdgeData,
      // which way it serves: the arrow points at the link's end
      markerEnd: serves ? SERVES_ARROW : undefined,
      zIndex: 5,
    };
  });
}

const SERVES_ARROW = { type: MarkerType.ArrowClosed, width: 14, height: 14, color: '#475569' } as const;

/** The id of a card's title on the canvas, which names the card node for screen readers and Tab. */
export function cardTitleId(cardId: string): string {
  return `card-title-${cardId}`;
}
