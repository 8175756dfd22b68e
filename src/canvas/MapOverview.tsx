import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { JourneyLayout, Rect } from '../model/layout';
import type { PersonaHeaderLayout } from '../model/personaHeader';

/** React Flow's minimap size; canvas.css and the narrow-screen rule may draw it smaller. */
const DEFAULT_SIZE = { width: 200, height: 150 };
/** a margin around what is shown, in minimap pixels (React Flow's offsetScale) */
const OFFSET = 5;
const MASK = 'rgb(241 245 249 / 70%)';
const COLOURS = { card: '#94a3b8', stage: '#334155', band: '#cbd5e1' } as const;

/** The part of the map the screen shows, in map coordinates; one subscription that changes only when the view moves. */
const viewOf = (s: ReactFlowState): Rect => ({ x: -s.transform[0] / s.transform[2], y: -s.transform[1] / s.transform[2], width: s.width / s.transform[2], height: s.height / s.transform[2] });
const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** What the overview shows (React Flow's minimap arithmetic): the map and the view, centred, in map units. */
function shownArea(map: Rect, view: Rect, size: { width: number; height: number }) {
  const bounds = union(map, view);
  const viewScale = Math.max(bounds.width / size.width, bounds.height / size.height);
  const offset = OFFSET * viewScale;
  const width = viewScale * size.width + 2 * offset;
  const height = viewScale * size.height + 2 * offset;
  return { x: bounds.x - (width - bounds.width) / 2, y: bounds.y - (height - bounds.height) / 2, width, height, viewScale };
}

/** Longest side of the map's picture in pixels: sharp in a 200 × 150 box on a 2× screen. */
const PICTURE_SIZE = 640;

/** The map's phases, persona band, stage headers and cards, drawn once into a picture of its own. */
function drawMap(layout: JourneyLayout, personaHeader: PersonaHeaderLayout | null, map: Rect): HTMLCanvasElement {
  const picture = document.createElement('canvas');
  const scale = PICTURE_SIZE / Math.max(map.width, map.height, 1);
  picture.width = Math.max(1, Math.round(map.width * scale));
  picture.height = Math.max(1, Math.round(map.height * scale));
  const context = picture.getContext('2d');
  if (!context) return picture;
  context.setTransform(scale, 0, 0, scale, -map.x * scale, -map.y * scale);
  const fill = (rect: Rect, colour: string) => {
    context.fillStyle = colour;
    context.fillRect(rect.x, rect.y, rect.width, rect.height);
  };
  for (const band of layout.phases) fill(band, COLOURS.band);
  if (personaHeader) for (const slot of personaHeader.cards) fill(slot, COLOURS.band);
  for (const stage of layout.stages) fill(stage, COLOURS.stage);
  context.fillStyle = COLOURS.card;
  for (const card of layout.cards.values()) context.fillRect(card.x, card.y, card.width, card.height);
  return picture;
}

const sameRects = (a: readonly Rect[], b: readonly Rect[]) => a.length === b.length && a.every((r, i) => sameRect(r, b[i]!));

/** Whether two layouts draw the same overview: the same bands, stage headers and card places. */
function samePicture(a: JourneyLayout, b: JourneyLayout): boolean {
  if (a === b) return true;
  if (a.width !== b.width || a.height !== b.height || a.cards.size !== b.cards.size || !sameRects(a.phases, b.phases) || !sameRects(a.stages, b.stages)) return false;
  for (const [id, rect] of a.cards) {
    const other = b.cards.get(id);
    if (!other || !sameRect(rect, other)) return false;
  }
  return true;
}

interface Props {
  layout: JourneyLayout;
  personaHeader: PersonaHeaderLayout | null;
  ariaLabel: string;
}

/**
 * The overview map in the canvas corner, drawn on one canvas from the layout. React Flow's MiniMap
 * renders an SVG shape per node, each with a store subscription re-run on every frame of a pan:
 * on 5,000 cards that was most of a pan's script time. Here the map is drawn once per layout into
 * a picture; a pan moves the mask and, when the view reaches past the map, places the picture anew. Panning and zooming by the
 * overview are React Flow's own (XYMinimap), as with its MiniMap.
 */
export function MapOverview({ layout, personaHeader, ariaLabel }: Props) {
  const store = useStoreApi();
  const view = useStore(viewOf, sameRect);
  const panZoom = useStore((s) => s.panZoom);
  const flowSize = useStore((s) => s.width * 1e5 + s.height);
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState(DEFAULT_SIZE);

  const map = useMemo<Rect>(() => {
    const top = personaHeader ? Math.min(0, personaHeader.top) : 0;
    return { x: 0, y: top, width: layout.width, height: layout.height - top };
  }, [layout, personaHeader]);
  const area = shownArea(map, view, size);
  const viewScale = useRef(area.viewScale);
  viewScale.current = area.viewScale;

  // the narrow-screen rule shrinks the box: draw for the size it has
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      if (width > 0 && height > 0) setSize((prev) => (prev.width === width && prev.height === height ? prev : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const minimap = useRef<XYMinimapInstance | null>(null);
  useEffect(() => {
    if (!svg.current || !panZoom) return;
    minimap.current = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => viewScale.current });
    return () => {
      minimap.current?.destroy();
      minimap.current = null;
    };
  }, [panZoom, store]);
  useEffect(() => {
    const { translateExtent, width, height } = store.getState();
    minimap.current?.update({ translateExtent, width, height, pannable: true, zoomable: true });
  }, [panZoom, flowSize, store]);

  // the map drawn once per layout, at a fixed resolution; a frame only places that picture
  // every edit lays the map out anew; the picture is redrawn only when something in it moved
  const drawn = useRef<{ layout: JourneyLayout; personaHeader: PersonaHeaderLayout | null; picture: HTMLCanvasElement } | null>(null);
  if (!drawn.current || drawn.current.personaHeader !== personaHeader || !samePicture(drawn.current.layout, layout)) {
    drawn.current = { layout, personaHeader, picture: drawMap(layout, personaHeader, map) };
  }
  const picture = drawn.current.picture;
  const { x, y, width, height } = area;
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(size.width * ratio);
    const pixelHeight = Math.round(size.height * ratio);
    if (element.width !== pixelWidth || element.height !== pixelHeight) {
      element.width = pixelWidth;
      element.height = pixelHeight;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, pixelWidth, pixelHeight);
    const scale = Math.min(size.width / width, size.height / height);
    context.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * ((size.width - width * scale) / 2 - x * scale), ratio * ((size.height - height * scale) / 2 - y * scale));
    context.drawImage(picture, map.x, map.y, map.width, map.height);
  }, [picture, map, size, x, y, width, height]);

  return (
    <Panel position="bottom-right" className="react-flow__minimap map-overview" data-testid="rf__minimap">
      <div ref={box} className="map-overview-box" data-cards={layout.cards.size}>
        <canvas ref={canvas} aria-hidden="true" />
        <svg ref={svg} viewBox={`${x} ${y} ${width} ${height}`} role="img" aria-label={ariaLabel}>
          <path
            d={`M${x - 1},${y - 1}h${width + 2}v${height + 2}h${-width - 2}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
            fill={MASK}
            fillRule="evenodd"
            pointerEvents="none"
          />
        </svg>
      </div>
    </Panel>
  );
}
