import type { Node, NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GRID, smoothPath } from '../../model/layout';
import { useEditor } from '../../store/editorStore';
import type { CurveNodeData } from '../buildNodes';
import { emotionColor } from '../../model/emotionScale';
import { emotionFace } from '../icons';
import { stageEmotionScores } from '../../model/emotionCurve';
import { EMOTION_MAX, EMOTION_MIN, type Journey } from '../../model/types';
import { useVersionPreview } from '../../store/versionPreview';
import { ChartColumn } from 'lucide-react';
import { stageMetrics } from '../../model/evidenceMetrics';
import { stageFigures, type StageFigures } from '../../model/evidenceFigures';

/**
 * The emotion curve across the emotions lane: a smooth line through each stage's score, a
 * neutral line at zero, and a face at every point. Beside it (the first emotions lane only),
 * each stage whose customer evidence carries scores shows its measured figures in a quiet box
 * at the top right of its column (at the bottom when the stage's face sits high): "NPS +12 ·
 * n=48", the months covered, and a tooltip that spells it out — never mixed into the curve,
 * which stays the feeling the team set by hand (model/evidenceMetrics.ts).
 */
export const CurveNode = memo(function CurveNode({ data }: NodeProps<Node<CurveNodeData, 'curve'>>) {
  const { t } = useTranslation();
  const curve = useEditor((s) => s.layout?.emotionCurves.find((c) => c.laneId === data.laneId));
  const stages = useEditor((s) => s.journey?.stages);
  const width = useEditor((s) => (s.layout ? s.layout.width - GRID.laneHeaderWidth : 0));
  const top = useEditor((s) => s.layout?.lanes.find((l) => l.id === data.laneId)?.y ?? 0);
  const columns = useEditor((s) => s.layout?.stages);
  // comparing a version with now: the version's curve, dashed, over today's
  const version = useVersionPreview((s) => (s.comparing ? (s.open?.journey ?? null) : null));
  const versionScores = useMemo(() => (version ? laneScores(version, data.laneId) : null), [version, data.laneId]);
  const first = useEditor((s) => s.layout?.emotionCurves[0]?.laneId === data.laneId);
  const evidence = useEditor((s) => s.journey?.evidence);
  const cards = useEditor((s) => s.journey?.cards);
  const { i18n } = useTranslation();
  const figures = useMemo(() => {
    if (!first || !evidence || evidence.length === 0 || !cards || !stages) return null;
    const out = new Map<string, StageFigures>();
    const journey = { stages, cards, evidence } as Pick<Journey, 'stages' | 'cards' | 'evidence'>;
    for (const [stageId, m] of stageMetrics(journey as Journey)) if (m.scores.length > 0) out.set(stageId, stageFigures(m, t, i18n.language));
    return out;
  }, [first, evidence, cards, stages, t, i18n.language]);
  if (!curve || !stages) return null;
  const ox = GRID.laneHeaderWidth;
  const local = curve.points.map((p) => ({ ...p, x: p.x - ox, y: p.y - top }));
  const zero = curve.zeroY - top;
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const description = local
    .map((p) => t('canvas.emotionPoint', { stage: names.get(p.stageId) ?? '', label: t(`canvas.emotions.${Math.round(p.score)}`), score: p.score > 0 ? `+${p.score}` : String(p.score) }))
    .join('; ');
  const scoreToY = (score: number) => curve.top - top + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * (curve.bottom - curve.top);
  const before = versionScores && columns ? columns.flatMap((c) => (versionScores.has(c.id) ? [{ stageId: c.id, x: c.x + c.width / 2 - ox, y: scoreToY(versionScores.get(c.id)!), score: versionScores.get(c.id)! }] : [])) : [];
  const todayScore = new Map(curve.points.map((p) => [p.stageId, p.score]));
  const area = local.length > 1 ? `${smoothPath(local)} L${local[local.length - 1]!.x},${zero} L${local[0]!.x},${zero} Z` : '';
  const pointOf = new Map(local.map((p) => [p.stageId, p]));
  return (
    <div className="emotion-curve-node">
    <div className="emotion-curve" role="img" aria-label={`${t('canvas.emotionCurve')}: ${description}`}>
      <svg width={width} height={GRID.emotionCurveHeight} aria-hidden="true">
        <defs>
          <linearGradient id={`curve-fill-${data.laneId}`} x1="0" x2="0" y1="0" y2="1">
            <stop offset="0%" stopColor="#16a34a" stopOpacity="0.16" />
            <stop offset={`${(zero / GRID.emotionCurveHeight) * 100}%`} stopColor="#94a3b8" stopOpacity="0.05" />
            <stop offset="100%" stopColor="#dc2626" stopOpacity="0.16" />
          </linearGradient>
        </defs>
        <line x1={0} x2={width} y1={zero} y2={zero} className="curve-zero" />
        <text x={6} y={curve.top - top + 4} className="curve-scale">+3</text>
        <text x={6} y={zero - 4} className="curve-scale">0</text>
        <text x={6} y={curve.bottom - top} className="curve-scale">−3</text>
        {area && <path d={area} fill={`url(#curve-fill-${data.laneId})`} />}
        <path d={smoothPath(local)} className="curve-line" />
        {before.length > 0 && <path d={smoothPath(before)} className="curve-line-version" data-testid="version-curve" />}
        {before.map((p) => (
          <g key={p.stageId}>
            <circle cx={p.x} cy={p.y} r={4} className="curve-point-version" />
            {/* the version's score where it differs from today's, beside its point */}
            {todayScore.get(p.stageId) !== p.score && (
              <text x={p.x + 8} y={p.y + 4} className="curve-score-version">
                {p.score > 0 ? `+${p.score}` : p.score < 0 ? `\u2212${Math.abs(p.score)}` : '0'}
              </text>
            )}
          </g>
        ))}
      </svg>
      {local.map((p) => {
        const Face = emotionFace(p.score);
        return (
          <span key={p.stageId} className="curve-point" style={{ left: p.x, top: p.y, color: emotionColor(p.score), borderColor: emotionColor(p.score) }}>
            <Face size={18} aria-hidden="true" />
            <span className="curve-score">{p.score > 0 ? `+${p.score}` : p.score}</span>
          </span>
        );
      })}
    </div>
      {figures &&
        columns?.map((column) => {
          const f = figures.get(column.id);
          if (!f) return null;
          const point = pointOf.get(column.id);
          // the box (6 px from the top, ~16 px a line and 15 for the period) would touch a face drawn within it: it goes to the band's bottom
          const high = point !== undefined && point.y - 18 < 6 + 10 + 16 * f.lines.length + (f.period ? 15 : 0);
          return (
            <div
              key={column.id}
              className={`curve-measured${high ? ' is-low' : ''}`}
              style={{ right: width - (column.x - ox + column.width) + 8, maxWidth: column.width - 16 }}
              title={f.description}
              data-stage-id={column.id}
              data-testid="measured-figures"
            >
              <ChartColumn className="curve-measured-icon" size={13} aria-hidden="true" />
              <span className="curve-measured-lines" aria-hidden="true">
                {f.lines.map((line) => (
                  <span key={line.scale} className="curve-measured-line">
                    <b>{line.head}</b>
                    <span className="curve-measured-n"> · {line.detail}</span>
                  </span>
                ))}
                {f.period && <span className="curve-measured-period">{f.period}</span>}
              </span>
              <span className="sr-only">{f.description}</span>
            </div>
          );
        })}
    </div>
  );
});

/** The version's emotion scores for this lane (by stage), when the version has the lane. */
function laneScores(version: Journey, laneId: string): Map<string, number> | null {
  const lane = version.lanes.find((l) => l.id === laneId);
  return lane && lane.kind === 'emotions' ? stageEmotionScores(version.cards, new Set([lane.id])) : null;
}
