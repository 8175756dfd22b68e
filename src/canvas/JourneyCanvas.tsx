import {
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type NodeTypes,
  type EdgeTypes,
  type OnNodeDrag,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID } from '../model/layout';
import { addLink, moveCards, moveLane, moveStage } from '../model/ops';
import { useEditor, type Target } from '../store/editorStore';
import { buildEdges, NodeBuilder, type CanvasNode } from './buildNodes';
import { cellNodeKey, useDropCell } from './dragStore';
import { dropTarget, laneIndexInMap, stageIndexAt } from './dropTarget';
import { AddLaneNode, AddStageNode } from './nodes/AddNodes';
import { CardNode } from './nodes/CardNode';
import { CellNode } from './nodes/CellNode';
import { CurveNode } from './nodes/CurveNode';
import { BlueprintLineNode } from './nodes/BlueprintLineNode';
import { ServesEdge } from './edges/ServesEdge';
import { BlueprintHiddenNote } from './BlueprintHiddenNote';
import { linkedCardIds } from '../model/blueprintView';
import { LaneHeaderNode, PhaseBandNode, StageHeaderNode } from './nodes/HeaderNodes';
import { PersonaHeaderNode, PersonaLabelNode } from './nodes/PersonaNodes';
import { contentTop, usePersonaHeaderLayout, useRevealPersonaHeader } from './personaHeaderView';
import { runAction } from '../actions';
import { AssumptionsBanner } from './AssumptionsBanner';
import { FollowBanner } from './FollowBanner';
import { SearchBar } from './SearchBar';
import { PeerOverlay } from './PeerOverlay';
import { PinnedHeaders } from './PinnedHeaders';
import { useFollowPresenter } from './useFollowPresenter';
import { fitViewport, MAX_ZOOM, MIN_ZOOM } from './fitViewport';
import { minimapCorner } from './minimapCorner';
import { useOpeningView } from './useOpeningView';
import { useKeepCentreOnPanelToggle } from './useKeepCentreOnPanelToggle';
import { useSpacePan } from './useSpacePan';
import { MoveHint } from './MoveHint';
import { MapOverview } from './MapOverview';
import { useCanvasCardPointer } from './useCanvasCardPointer';
import { CardsCanvas } from './CardsCanvas';
import { isFarView } from './farView';
import { useCardWindow } from './cardWindow';
import { showMoveHintOnce } from '../store/hints';
import { CanvasLabelsContext, canvasLabels } from './labels';
import { useEvidenceDrop } from './evidenceDrop';
import './canvas.css';

const nodeTypes: NodeTypes = {
  card: CardNode,
  stage: StageHeaderNode,
  lane: LaneHeaderNode,
  phase: PhaseBandNode,
  cell: CellNode,
  curve: CurveNode,
  addStage: AddStageNode,
  addLane: AddLaneNode,
  persona: PersonaHeaderNode,
  personaLabel: PersonaLabelNode,
  blueprintLine: BlueprintLineNode,
};

const edgeTypes: EdgeTypes = { serves: ServesEdge };

/**
 * Above this many cards only the cards around the resting view are elements (cardWindow.ts) and a
 * canvas draws the rest; up to it every card is an element, as cheap as it is simple.
 */
const ELEMENT_CARDS_LIMIT = 300;
const NONE: ReadonlySet<string> = new Set();

type XY = { x: number; y: number };

/**
 * Screen pixels a press on a card must travel before it becomes a drag: a hand that meant to
 * pan, or to click, wobbles a few pixels, and a card must not change stage for that.
 */
const CARD_DRAG_THRESHOLD = 12;

export function JourneyCanvas() {
  return (
    <ReactFlowProvider>
      <Canvas />
    </ReactFlowProvider>
  );
}

function targetOf(node: Node): Target | null {
  if (node.type === 'card') return { kind: 'card', id: node.id };
  if (node.type === 'stage') return { kind: 'stage', id: node.id.slice('stage:'.length) };
  if (node.type === 'lane') return { kind: 'lane', id: node.id.slice('lane:'.length) };
  if (node.type === 'cell') {
    const data = node.data as { stageId: string; laneId: string };
    return { kind: 'cell', stageId: data.stageId, laneId: data.laneId };
  }
  return null;
}

function Canvas() {
  const { t } = useTranslation();
  const journey = useEditor((s) => s.journey);
  const layout = useEditor((s) => s.layout);
  const selectedIds = useEditor((s) => s.selectedCardIds);
  const personaFilter = useEditor((s) => s.personaFilter);
  const linkFrom = useEditor((s) => s.linkFrom);
  const readOnly = useEditor((s) => s.readOnly);
  // a follower's view is the presenter's: a drag there would move the map under everyone's eyes
  const followingPresenter = useEditor((s) => s.following && !!s.feedback.presenter && s.feedback.presenter.id !== s.identity?.id);
  const builder = useRef(new NodeBuilder());
  const edgeCache = useRef<Edge[]>([]);
  const [drag, setDrag] = useState<Map<string, XY> | null>(null);
  // Escape during a drag puts everything back; the rest of that gesture moves nothing
  const dragCancelled = useRef(false);
  const dragging = drag !== null;
  useEffect(() => {
    if (!dragging) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      dragCancelled.current = true;
      useDropCell.getState().set(null);
      setDrag(null);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [dragging]);
  const flow = useReactFlow();
  const labels = useMemo(() => canvasLabels(t), [t]);
  const pane = useRef<HTMLDivElement>(null);
  const follow = useFollowPresenter(flow, pane);
  const rememberView = useOpeningView(flow, pane);
  useKeepCentreOnPanelToggle(flow, pane);
  const spaceHeld = useSpacePan(pane);
  // inbox items dropped on a card become its evidence
  const evidenceDrop = useEvidenceDrop(pane);
  const onMoveEnd = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: Viewport) => {
      follow.onMoveEnd(event, viewport);
      rememberView(viewport);
    },
    [follow, rememberView],
  );

  const personaHeader = usePersonaHeaderLayout();
  useRevealPersonaHeader(flow, personaHeader, journey !== null && layout !== null, pane);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const links = journey?.links;
  // a selected card shows what it is linked to: a staff card its customer's action, and back
  const linked = useMemo(() => linkedCardIds(links ?? [], selected), [links, selected]);
  const baseNodes = useMemo(
    () => (journey && layout ? builder.current.build({ journey, layout, selected, personaFilter, linkFrom, readOnly, dragLocked: followingPresenter, personaHeader, linked }) : []),
    [journey, layout, selected, personaFilter, linkFrom, readOnly, followingPresenter, personaHeader, linked],
  );
  const nodes = useMemo(
    () => (drag ? baseNodes.map((n) => (drag.has(n.id) ? { ...n, position: drag.get(n.id)!, dragging: true } : n)) : baseNodes),
    [baseNodes, drag],
  );
  // a big map keeps only the cards around a resting view as elements; CardsCanvas draws the others
  const mounted = useCardWindow((journey?.cards.length ?? 0) > ELEMENT_CARDS_LIMIT, layout);
  // past the far zoom a big map's card elements still there (until the window empties) are hidden
  // and drawn instead, and the cells' "Add card" buttons go: each frame of a zoom-out repaints less
  const far = useStore(isFarView) && mounted !== null;
  /** the cards that are elements and shown as such; CardsCanvas draws and useCanvasCardPointer clicks the others */
  const shownElements = mounted && far ? NONE : mounted;
  useCanvasCardPointer(pane, shownElements, flow);
  const shownNodes = useMemo(() => (mounted ? nodes.filter((n) => n.type !== 'card' || mounted.has(n.id)) : nodes), [mounted, nodes]);
  const edges = useMemo(() => {
    if (!journey || !layout) return [];
    // a card in a collapsed lane has no node, so its links are hidden with it
    const visible = journey.links.filter((l) => layout.cards.has(l.fromCardId) && layout.cards.has(l.toCardId));
    edgeCache.current = buildEdges({ ...journey, links: visible }, edgeCache.current, labels.link, selected);
    return edgeCache.current;
  }, [journey, layout, labels, selected]);
  // a link whose end is drawn, not an element, is drawn with it (CardsCanvas)
  const shownEdges = useMemo(() => (mounted ? edges.filter((e) => mounted.has(e.source) && mounted.has(e.target)) : edges), [mounted, edges]);

  // The actions (zoom, fit, reveal) reach the viewport through the store.
  useEffect(() => {
    useEditor.getState().setViewport({
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      // from the layout, not from measured nodes: right at once after an edit, and for big maps
      // whose off-screen nodes are not rendered
      fitView: () => {
        const { layout: current } = useEditor.getState();
        const box = pane.current?.getBoundingClientRect();
        if (current && box && box.width > 0 && box.height > 0) void flow.setViewport(fitViewport(current, box, contentTop(), minimapCorner(pane.current)), { duration: 200 });
      },
      zoomTo100: () => void flow.zoomTo(1, { duration: 150 }),
      revealCard: (id) => {
        const rect = useEditor.getState().layout?.cards.get(id);
        if (!rect) return;
        const { x, y, zoom } = flow.getViewport();
        const pane = document.querySelector('.journey-canvas')?.getBoundingClientRect();
        if (!pane) return;
        const left = rect.x * zoom + x;
        const top = rect.y * zoom + y;
        const inside = left >= 0 && top >= 0 && left + rect.width * zoom <= pane.width && top + rect.height * zoom <= pane.height;
        if (!inside) void flow.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom, duration: 200 });
      },
    });
    return () => useEditor.getState().setViewport(null);
  }, [flow]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    let moved: Map<string, XY> | null = null;
    let selection: Set<string> | null = null;
    for (const change of changes) {
      if (change.type === 'position' && change.position && change.dragging) {
        moved ??= new Map();
        moved.set(change.id, change.position);
      } else if (change.type === 'select') {
        selection ??= new Set(useEditor.getState().selectedCardIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
    }
    if (moved && !dragCancelled.current) {
      setDrag((prev) => {
        const next = new Map(prev ?? []);
        for (const [id, position] of moved!) {
          // stage headers slide along their row, lane headers along their column
          if (id.startsWith('stage:')) next.set(id, { x: position.x, y: GRID.phaseBandHeight });
          else if (id.startsWith('lane:')) next.set(id, { x: 0, y: position.y });
          else next.set(id, position);
        }
        return next;
      });
    }
    if (selection) useEditor.getState().selectCards([...selection]);
  }, []);

  const onNodeDrag: OnNodeDrag<CanvasNode> = useCallback((_event, node) => {
    if (node.type !== 'card' || dragCancelled.current) return;
    const { journey: j, layout: l, selectedCardIds } = useEditor.getState();
    if (!j || !l) return;
    const centre = { x: node.position.x + (node.width ?? 0) / 2, y: node.position.y + (node.height ?? 0) / 2 };
    const target = dropTarget(j, l, centre, new Set(selectedCardIds));
    useDropCell.getState().set(target ? cellNodeKey(target.stageId, target.laneId) : null);
  }, []);

  const onNodeDragStart: OnNodeDrag<CanvasNode> = useCallback(() => {
    dragCancelled.current = false;
  }, []);

  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback((_event, node, dragged) => {
    const { journey: j, layout: l, session, readOnly: viewOnly } = useEditor.getState();
    useDropCell.getState().set(null);
    setDrag(null);
    if (dragCancelled.current) {
      dragCancelled.current = false;
      return;
    }
    if (!j || !l || !session || viewOnly) return;
    const doc = session.doc;
    if (node.type === 'card') {
      const ids = new Set(dragged.filter((n) => n.type === 'card').map((n) => n.id));
      const centre = { x: node.position.x + (node.width ?? 0) / 2, y: node.position.y + (node.height ?? 0) / 2 };
      const target = dropTarget(j, l, centre, ids);
      // map order, so a multi-selection keeps its sequence in the target cell
      const moving = j.cards.filter((c) => ids.has(c.id));
      if (target) moveCards(doc, moving.map((c) => c.id), target);
      if (target && moving.some((c) => c.stageId !== target.stageId || c.laneId !== target.laneId)) showMoveHintOnce();
    } else if (node.type === 'stage') {
      const id = node.id.slice('stage:'.length);
      const index = stageIndexAt(l, id, node.position.x + GRID.stageWidth / 2);
      if (index !== j.stages.findIndex((s) => s.id === id)) moveStage(doc, id, index);
    } else if (node.type === 'lane') {
      const id = node.id.slice('lane:'.length);
      const index = laneIndexInMap(j, l, id, node.position.y + (node.height ?? 0) / 2);
      if (index !== j.lanes.findIndex((x) => x.id === id)) moveLane(doc, id, index);
    }
  }, []);

  const onNodeClick = useCallback((event: React.MouseEvent, node: Node) => {
    const editor = useEditor.getState();
    editor.closeContextMenu();
    if (node.type !== 'card') return;
    // During a vote a participant (who cannot edit, so a click has nothing else to do) places a
    // dot with a plain click; the second click of a double-click places none. Editors keep
    // clicks for selecting and vote with the card's dot button.
    if (editor.readOnly && event.detail <= 1 && !event.shiftKey && !event.metaKey && !event.ctrlKey) {
      runAction('workshop.vote', { target: { kind: 'card', id: node.id } });
    }
    if (editor.linkFrom && editor.linkFrom !== node.id && editor.session) {
      addLink(editor.session.doc, { fromCardId: editor.linkFrom, toCardId: node.id });
      editor.setLinkFrom(null);
      editor.selectCards([node.id]);
    }
  }, []);

  const onNodeDoubleClick = useCallback((_event: React.MouseEvent, node: Node) => {
    if (node.type === 'card') useEditor.getState().startEditing({ kind: 'card', id: node.id });
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const { session, readOnly: viewOnly } = useEditor.getState();
    const doc = session?.doc;
    if (doc && !viewOnly && connection.source && connection.target) addLink(doc, { fromCardId: connection.source, toCardId: connection.target });
  }, []);

  const onNodeContextMenu = useCallback((event: React.MouseEvent, node: Node) => {
    const target = targetOf(node);
    if (!target) return;
    event.preventDefault();
    const editor = useEditor.getState();
    if (target.kind === 'card' && !editor.selectedCardIds.includes(target.id)) editor.selectCards([target.id]);
    if (target.kind === 'stage' || target.kind === 'lane' || target.kind === 'cell') editor.setFocus(target);
    editor.openContextMenu(event.clientX, event.clientY, target);
  }, []);

  const onPaneContextMenu = useCallback((event: React.MouseEvent | MouseEvent) => {
    event.preventDefault();
    useEditor.getState().openContextMenu(event.clientX, event.clientY, { kind: 'map' });
  }, []);

  const onPaneClick = useCallback(() => {
    const editor = useEditor.getState();
    editor.closeContextMenu();
    editor.clearSelection();
    editor.setLinkFrom(null);
  }, []);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.rf.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('canvas.rf.keyboardDisabled'),
      'edge.a11yDescription.default': t('canvas.rf.edgeDescription'),
      'minimap.ariaLabel': t('canvas.minimap'),
      'handle.ariaLabel': t('canvas.rf.handle'),
      'controls.ariaLabel': t('canvas.rf.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.rf.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.rf.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.rf.fitView'),
      'controls.interactive.ariaLabel': t('canvas.rf.interactive'),
    }),
    [t],
  );

  if (!journey || !layout) return null;
  return (
    <CanvasLabelsContext.Provider value={labels}>
    <div
      ref={pane}
      className={`journey-canvas${linkFrom ? ' is-linking' : ''}${spaceHeld ? ' is-space-held' : ''}${far ? ' is-far' : ''}`}
      aria-label={t('canvas.canvasLabel')}
      role="region"
      onPointerMove={(e) => useEditor.getState().presence?.setCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }))}
      onPointerLeave={() => useEditor.getState().presence?.setCursor(null)}
      {...evidenceDrop.handlers}
    >
      <ReactFlow<CanvasNode>
        nodes={shownNodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onNodeContextMenu={onNodeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onPaneClick={onPaneClick}
        onConnect={onConnect}
        onMoveStart={follow.onMoveStart}
        onMoveEnd={onMoveEnd}
        defaultViewport={{ x: 16, y: 12, zoom: 1 }}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        nodeDragThreshold={CARD_DRAG_THRESHOLD}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode="Shift"
        disableKeyboardA11y
        elevateNodesOnSelect={false}
        nodesConnectable={!readOnly}
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: false }}
      >
        {mounted && <CardsCanvas journey={journey} layout={layout} selected={selected} personaFilter={personaFilter} mounted={shownElements ?? NONE} />}
        <PeerOverlay />
        <PinnedHeaders />
        <FollowBanner />
        <MoveHint />
        <MapOverview layout={layout} personaHeader={personaHeader} ariaLabel={t('canvas.minimap')} />
      </ReactFlow>
      {evidenceDrop.ring}
      <SelectionAnnouncer />
      <SearchBar />
      <AssumptionsBanner />
      <BlueprintHiddenNote />
    </div>
    </CanvasLabelsContext.Provider>
  );
}

/** Tells screen-reader users what is selected, since selection moves with the arrow keys. */
function SelectionAnnouncer() {
  const { t } = useTranslation();
  const message = useEditor((s) => {
    if (s.linkFrom) return t('canvas.linkMode');
    const ids = s.selectedCardIds;
    if (ids.length === 0) return '';
    if (ids.length > 1) return t('canvas.selectedCards', { count: ids.length });
    const card = s.journey?.cards.find((c) => c.id === ids[0]);
    return card ? t('canvas.selectedCard', { title: card.title || t('canvas.untitledCard') }) : '';
  });
  return (
    <div className="sr-only" aria-live="polite">
      {message}
    </div>
  );
}
