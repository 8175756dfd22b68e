import { useStore, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { blueprintRules } from '../model/blueprintView';
import { phaseNameKey, shownPhaseName } from '../model/phaseNames';
import { useEditor } from '../store/editorStore';
import { laneIcon } from './icons';
import { laneKindStyle } from './laneKindStyle';

/** Screen size of the pinned strips: compact, so they hide as little of the map as possible. */
export const PINNED_LANE_WIDTH = 168;
const PINNED_PHASE_HEIGHT = 18;
const PINNED_STAGE_HEIGHT = 30;
export const PINNED_TOP_HEIGHT = PINNED_PHASE_HEIGHT + PINNED_STAGE_HEIGHT;
/**
 * Even a sliver of a row or column gets its (clipped) strip, so the pinned edge stays one solid
 * band and never shows a card's edge through a gap; below a pixel there is nothing to draw.
 */
const MIN_VISIBLE = 1;

type Viewport = { x: number; y: number; zoom: number; width: number; height: number };

// one selector returning primitives joined into a string, so the overlay re-renders on pan and
// zoom only, and the nodes (which do not read these) never do
const viewportKey = (s: ReactFlowState) => `${s.transform[0]}|${s.transform[1]}|${s.transform[2]}|${s.width}|${s.height}`;

function parse(key: string): Viewport {
  const [x, y, zoom, width, height] = key.split('|').map(Number) as [number, number, number, number, number];
  return { x, y, zoom, width, height };
}

/**
 * Lane and stage names pinned to the canvas edges once the real headers have been panned out of
 * view, as Smaply and UXPressia do: after scrolling to the fifth stage, the row that says
 * "Pain points" still says so. Labels follow their row or column through pan and zoom. They are
 * a reading aid only: pointer events pass through to the canvas, and screen readers get the
 * real headers, which stay in the DOM.
 */
export const PinnedHeaders = memo(function PinnedHeaders() {
  const { t } = useTranslation();
  const view = parse(useStore(viewportKey));
  const journey = useEditor((s) => s.journey);
  const layout = useEditor((s) => s.layout);
  if (!journey || !layout || view.width === 0) return null;

  // the real headers start at flow x = 0 and y = 0; once their left/top edge leaves the canvas
  // their names are being cut, so the pinned copies take over
  const pinLanes = view.x < 0 && layout.lanes.length > 0;
  const pinStages = view.y < 0 && layout.stages.length > 0;
  if (!pinLanes && !pinStages) return null;

  const top = pinStages ? PINNED_TOP_HEIGHT : 0;
  const left = pinLanes ? PINNED_LANE_WIDTH : 0;
  const lanesById = new Map(journey.lanes.map((l) => [l.id, l]));
  const stagesById = new Map(journey.stages.map((s) => [s.id, s]));

  return (
    <div className="pinned-headers" aria-hidden="true">
      {pinLanes &&
        layout.lanes.map((row) => {
          const lane = lanesById.get(row.id);
          if (!lane) return null;
          const rowTop = view.y + row.y * view.zoom;
          const from = Math.max(rowTop, top);
          const to = Math.min(rowTop + row.height * view.zoom, view.height);
          if (to - from < MIN_VISIBLE) return null;
          const Icon = laneIcon(lane.kind);
          const name = lane.name || t('canvas.untitledLane');
          return (
            <div
              key={row.id}
              className="pinned-lane"
              data-lane-id={row.id}
              style={{ ...laneKindStyle(lane.kind), top: from, height: to - from, width: PINNED_LANE_WIDTH }}
            >
              <span className="pinned-lane-icon">
                <Icon size={14} />
              </span>
              <span className="pinned-lane-name">{name}</span>
            </div>
          );
        })}
      {pinLanes &&
        // the blueprint's lines go on across the pinned lane names, named there too
        blueprintRules(journey, layout).map((rule) => {
          const y = view.y + rule.y * view.zoom;
          if (y < top || y > view.height) return null;
          return (
            <div key={rule.line.id} className={`pinned-blueprint-line blueprint-line is-${rule.line.id}`} style={{ top: y - 10, width: PINNED_LANE_WIDTH }}>
              <span className="blueprint-line-chip">{t(rule.line.labelKey)}</span>
            </div>
          );
        })}
      {pinStages && (
        <div className="pinned-top" style={{ height: PINNED_TOP_HEIGHT }}>
          {layout.phases.map((band) => {
            const span = visibleSpan(view.x + band.x * view.zoom, band.width * view.zoom, left, view.width);
            if (!span) return null;
            const name = shownPhaseName({ id: band.phase, name: band.name }, t(phaseNameKey(band.phase)));
            return (
              <div key={`${band.phase}:${band.x}`} className="pinned-phase" style={{ left: span.from, width: span.size, height: PINNED_PHASE_HEIGHT, background: band.color }}>
                {name}
              </div>
            );
          })}
          {layout.stages.map((column) => {
            const stage = stagesById.get(column.id);
            const span = visibleSpan(view.x + column.x * view.zoom, column.width * view.zoom, left, view.width);
            if (!stage || !span) return null;
            return (
              <div
                key={column.id}
                className="pinned-stage"
                data-stage-id={column.id}
                style={{ left: span.from, width: span.size, top: PINNED_PHASE_HEIGHT, height: PINNED_STAGE_HEIGHT }}
              >
                {stage.name || t('canvas.untitledStage')}
              </div>
            );
          })}
        </div>
      )}
      {pinLanes && pinStages && <div className="pinned-corner" style={{ width: PINNED_LANE_WIDTH, height: PINNED_TOP_HEIGHT }} />}
    </div>
  );
});

/** The on-screen part of [start, start + size) right of `min` and left of `max`, or null if none. */
function visibleSpan(start: number, size: number, min: number, max: number): { from: number; size: number } | null {
  const from = Math.max(start, min);
  const to = Math.min(start + size, max);
  return to - from < MIN_VISIBLE ? null : { from, size: to - from };
}
