import { memo, useMemo } from 'react';
import { layoutJourney, smoothPath } from '../model/layout';
import type { Journey, LaneKind } from '../model/types';

const PHASE_FILL = { 'pre-purchase': '#0369a1', purchase: '#6d28d9', 'post-purchase': '#047857' } as const;
const CARD_FILL: Partial<Record<LaneKind, string>> = {
  pains: '#fecaca',
  opportunities: '#bbf7d0',
  touchpoints: '#bfdbfe',
  thoughts: '#fef3c7',
  backstage: '#e2e8f0',
  metrics: '#ddd6fe',
};

/** A miniature of the whole map: phases, cards as blocks and the emotion curve. Decorative. */
export const JourneyThumbnail = memo(function JourneyThumbnail({ journey }: { journey: Journey }) {
  const layout = useMemo(() => layoutJourney(journey), [journey]);
  const laneKind = new Map(journey.lanes.map((l) => [l.id, l.kind]));
  return (
    <svg
      className="thumbnail"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      preserveAspectRatio="xMidYMin slice"
      aria-hidden="true"
      focusable="false"
    >
      <rect width={layout.width} height={layout.height} fill="#f8fafc" />
      {layout.phases.map((band) => (
        <rect key={band.x} x={band.x + 2} y={0} width={band.width - 4} height={band.height + 40} rx={8} fill={PHASE_FILL[band.phase]} />
      ))}
      {layout.lanes.map((lane, i) => (
        <rect key={lane.id} x={0} y={lane.y} width={layout.width} height={lane.height} fill={i % 2 ? '#f1f5f9' : '#ffffff'} />
      ))}
      {journey.cards.map((card) => {
        const r = layout.cards.get(card.id);
        if (!r) return null;
        return <rect key={card.id} x={r.x} y={r.y} width={r.width} height={r.height} rx={8} fill={CARD_FILL[laneKind.get(card.laneId)!] ?? '#e0e7ff'} />;
      })}
      {layout.emotionCurves.map((curve) => (
        <path key={curve.laneId} d={smoothPath(curve.points)} fill="none" stroke="#0f172a" strokeWidth={10} strokeLinecap="round" />
      ))}
    </svg>
  );
});
