import { useStoreApi } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { laneKindDescriptor } from '../model/laneKindLookup';
import type { JourneyLayout, Rect } from '../model/layout';
import type { Journey } from '../model/types';

interface Props {
  journey: Journey;
  layout: JourneyLayout;
  selected: ReadonlySet<string>;
  /** the persona filter: other cards step back, as on the full canvas */
  personaFilter: string | null;
  /** the cards that are elements right now (cardWindow.ts): not drawn here */
  mounted: ReadonlySet<string>;
}

/** One look shared by many cards, so a frame fills each look's cards as one path. */
interface Look {
  fill: string;
  border: string;
  strip: string;
  ink: string;
  dimmed: boolean;
  cards: { id: string; rect: Rect; title: string }[];
}

const SELECTED = '#2563eb';
/** From this zoom a drawn card shows its title (a card about to become an element looks like one); below, greeked bars. */
const TITLE_ZOOM = 0.5;
/** The card title's type, as canvas.css sets it (13 px, 600, the app's font). */
const TITLE_FONT = "600 13px Inter, 'Segoe UI', system-ui, -apple-system, sans-serif";
const TITLE_INK = '#0f172a';

/** A title in at most two lines of a card's width, ellipsis on the second; measured once per title. */
const wrapped = new Map<string, string[]>();
function titleLines(context: CanvasRenderingContext2D, title: string, width: number): string[] {
  const key = `${width}|${title}`;
  const known = wrapped.get(key);
  if (known) return known;
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (context.measureText(next).width <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === 2) break;
  }
  if (lines.length < 2 && line) lines.push(line);
  else if (line) {
    let last = lines[1]!;
    while (last && context.measureText(`${last}…`).width > width) last = last.slice(0, -1);
    lines[1] = `${last.trimEnd()}…`;
  }
  // a map's titles, not a leak: forget them all now and then
  if (wrapped.size > 20_000) wrapped.clear();
  wrapped.set(key, lines);
  return lines;
}
const LINK = '#64748b';

/**
 * The cards of a big map that are not elements right now (cardWindow.ts) on one canvas over the
 * grid: every card when zoomed out (farView.ts), the ones just coming into view while a pan or zoom
 * is under way. Each shows its place, its lane kind's fill and border, its own colour as the strip,
 * its title (from 50 %; greeked as two bars below), selection and the persona filter; and the links that React Flow
 * does not draw (an end that is not an element). Redrawn for each frame the view moves in; only
 * the cards on screen are drawn, grouped by look, so a frame is a few dozen fills. Pointer events
 * pass through to the map (useCanvasCardPointer.ts finds the card under a click).
 */
export function CardsCanvas({ journey, layout, selected, personaFilter, mounted }: Props) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);

  const looks = useMemo(() => {
    const byLook = new Map<string, Look>();
    const laneKind = new Map(journey.lanes.map((lane) => [lane.id, lane.kind]));
    for (const card of journey.cards) {
      const rect = layout.cards.get(card.id);
      const kind = laneKind.get(card.laneId);
      if (!rect || !kind) continue;
      const { colors, strip } = laneKindDescriptor(kind);
      const dimmed = personaFilter !== null && !card.personaIds.includes(personaFilter);
      const look = { fill: colors.fill, border: colors.border, strip: card.color ?? (strip ? colors.accent : ''), ink: colors.ink, dimmed };
      const key = `${look.fill}|${look.border}|${look.strip}|${look.ink}|${dimmed}`;
      let group = byLook.get(key);
      if (!group) byLook.set(key, (group = { ...look, cards: [] }));
      group.cards.push({ id: card.id, rect, title: card.title });
    }
    return [...byLook.values()];
  }, [journey.cards, journey.lanes, layout, personaFilter]);

  const links = useMemo(
    () =>
      journey.links.flatMap((link) => {
        const from = layout.cards.get(link.fromCardId);
        const to = layout.cards.get(link.toCardId);
        return from && to ? [{ from, to, fromId: link.fromCardId, toId: link.toCardId }] : [];
      }),
    [journey.links, layout],
  );
  const selectedRects = useMemo(() => [...selected].filter((id) => !mounted.has(id)).flatMap((id) => layout.cards.get(id) ?? []), [selected, layout, mounted]);

  /** the canvas holds nothing: a frame with nothing to draw leaves it alone (no clear, no upload) */
  const blank = useRef(true);
  const draw = useRef<() => void>(() => {});
  draw.current = () => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const { transform, width, height } = store.getState();
    const [tx, ty, zoom] = transform;
    const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
    const inView = (r: Rect) => r.x < view.x + view.width && r.x + r.width > view.x && r.y < view.y + view.height && r.y + r.height > view.y;

    const shownByLook = looks.map((look) => look.cards.filter((card) => !mounted.has(card.id) && inView(card.rect)));
    const curves: number[][] = [];
    for (const { from, to, fromId, toId } of links) {
      // React Flow draws the links between two card elements
      if (mounted.has(fromId) && mounted.has(toId)) continue;
      const sx = from.x + from.width;
      const sy = from.y + from.height / 2;
      const ex = to.x;
      const ey = to.y + to.height / 2;
      if (inView({ x: Math.min(sx, ex), y: Math.min(sy, ey), width: Math.abs(ex - sx), height: Math.abs(ey - sy) })) curves.push([sx, sy, ex, ey]);
    }
    const outlines = selectedRects.filter(inView);
    const empty = curves.length === 0 && outlines.length === 0 && shownByLook.every((shown) => shown.length === 0);
    if (empty && blank.current) return;
    blank.current = empty;

    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (element.width !== pixelWidth || element.height !== pixelHeight) {
      element.width = pixelWidth;
      element.height = pixelHeight;
    } else {
      // in canvas pixels: the last frame's map transform is still set
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, pixelWidth, pixelHeight);
    }
    if (empty) return;
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
    const pixel = 1 / zoom;

    const titles = zoom >= TITLE_ZOOM;
    looks.forEach((look, i) => {
      const cards = shownByLook[i]!;
      if (cards.length === 0) return;
      const shown = cards.map((card) => card.rect);
      context.globalAlpha = look.dimmed ? 0.28 : 1;
      context.beginPath();
      for (const r of shown) context.rect(r.x, r.y, r.width, r.height);
      context.fillStyle = look.fill;
      context.fill();
      context.lineWidth = pixel;
      context.strokeStyle = look.border;
      context.stroke();
      if (look.strip) {
        context.fillStyle = look.strip;
        context.beginPath();
        for (const r of shown) context.rect(r.x, r.y, 4, r.height);
        context.fill();
      }
      if (titles) {
        // where the card's title sits (below its chip row), in two lines at most
        context.fillStyle = TITLE_INK;
        context.font = TITLE_FONT;
        for (const card of cards) {
          const lines = titleLines(context, card.title, card.rect.width - 24);
          lines.forEach((line, n) => context.fillText(line, card.rect.x + 12, card.rect.y + 41 + n * 17));
        }
        return;
      }
      // the text, greeked: a title bar and a shorter second line
      context.globalAlpha = (look.dimmed ? 0.28 : 1) * 0.28;
      context.fillStyle = look.ink;
      context.beginPath();
      for (const r of shown) {
        context.rect(r.x + 14, r.y + 16, r.width * 0.7, 11);
        context.rect(r.x + 14, r.y + 35, r.width * 0.45, 11);
      }
      context.fill();
    });
    context.globalAlpha = 1;

    if (curves.length > 0) {
      context.beginPath();
      for (const [sx, sy, ex, ey] of curves) {
        const bend = Math.max(40, Math.abs(ex! - sx!) / 2);
        context.moveTo(sx!, sy!);
        context.bezierCurveTo(sx! + bend, sy!, ex! - bend, ey!, ex!, ey!);
      }
      context.strokeStyle = LINK;
      context.lineWidth = pixel;
      context.stroke();
    }

    if (outlines.length > 0) {
      context.beginPath();
      for (const r of outlines) context.rect(r.x - 2 * pixel, r.y - 2 * pixel, r.width + 4 * pixel, r.height + 4 * pixel);
      context.strokeStyle = SELECTED;
      context.lineWidth = 3 * pixel;
      context.stroke();
    }
  };

  // drawn before the browser paints, so the far view never shows a frame without its cards
  useLayoutEffect(() => draw.current());

  useEffect(() => {
    let frame = 0;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.transform === previous.transform && state.width === previous.width && state.height === previous.height) return;
      if (!frame) frame = requestAnimationFrame(() => {
        frame = 0;
        draw.current();
      });
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);

  return <canvas ref={canvas} className="cards-canvas" role="img" aria-label={t('canvas.drawnCards', { count: journey.cards.length - mounted.size })} />;
}
