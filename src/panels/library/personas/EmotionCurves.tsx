import { useTranslation } from 'react-i18next';
import { emotionColor } from '../../../model/emotionScale';
import type { PersonaJourney } from '../../../model/space/personaJourneys';
import { EMOTION_MAX, EMOTION_MIN } from '../../../model/types';

/**
 * One journey's emotion curve as a small line chart on the shared score axis (EMOTION_MIN…
 * EMOTION_MAX, the same for every row, so rows compare at a glance): the map's curve (all scored
 * feelings) in grey, the persona's own (only the cards tagged with the persona) in the persona's
 * colour where it has one; stage names under the points. Texts come from peers and render as
 * text (SVG <text>, React escapes them).
 */
export const CHART = { width: 1000, height: 128, left: 30, right: 12, top: 10, bottom: 30 } as const;

const plotHeight = CHART.height - CHART.top - CHART.bottom;
const plotWidth = CHART.width - CHART.left - CHART.right;
const yOf = (score: number) => CHART.top + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * plotHeight;
const STAGE_LABEL_CHARS = 16;

function shortLabel(name: string, fallback: string, max: number): string {
  const text = name.trim() || fallback;
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

/** The polyline segments through the stages that have a score (a gap where a stage has none). */
function segments(points: { x: number; score: number | null }[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const { x, score } of points) {
    if (score === null) {
      if (current.length > 1) out.push(current.join(' '));
      current = [];
      continue;
    }
    current.push(`${x.toFixed(1)},${yOf(score).toFixed(1)}`);
  }
  if (current.length > 1) out.push(current.join(' '));
  return out;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

export function EmotionCurve({ journey, color }: { journey: PersonaJourney; color: string }) {
  const { t } = useTranslation();
  const count = journey.stages.length;
  const step = count > 0 ? plotWidth / count : plotWidth;
  const xs = journey.stages.map((_, i) => CHART.left + step * (i + 0.5));
  const mapPoints = journey.stages.map((stage, i) => ({ x: xs[i]!, score: stage.score }));
  const personaPoints = journey.stages.map((stage, i) => ({ x: xs[i]!, score: stage.personaScore }));
  const hasPersonaCurve = personaPoints.some((p) => p.score !== null);
  const hasAny = mapPoints.some((p) => p.score !== null) || hasPersonaCurve;
  const labelChars = Math.max(6, Math.min(STAGE_LABEL_CHARS, Math.floor(step / 7.5)));
  const described = journey.stages
    .map((stage) => `${stage.name || t('personaLibrary.page.unnamedStage')}: ${stage.personaScore ?? stage.score ?? '–'}`)
    .join(', ');
  return (
    <svg
      className="lib-persona-curve"
      viewBox={`0 0 ${CHART.width} ${CHART.height}`}
      role="img"
      aria-label={t('personaLibrary.page.curveLabel', { title: journey.title, stages: described })}
    >
      {[EMOTION_MAX, 0, EMOTION_MIN].map((score) => (
        <g key={score}>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={yOf(score)} y2={yOf(score)} className={score === 0 ? 'is-zero' : 'is-grid'} />
          <text x={CHART.left - 8} y={yOf(score) + 4} textAnchor="end" className="lib-persona-curve-axis">
            {signed(score)}
          </text>
        </g>
      ))}
      {xs.map((x, i) => (
        <line key={journey.stages[i]!.id} x1={x} x2={x} y1={CHART.top} y2={CHART.top + plotHeight} className="is-stage" />
      ))}
      {segments(mapPoints).map((points, i) => (
        <polyline key={`m${i}`} points={points} className="lib-persona-curve-map" />
      ))}
      {mapPoints.map((p, i) =>
        p.score === null ? null : <circle key={`mp${journey.stages[i]!.id}`} cx={p.x} cy={yOf(p.score)} r={hasPersonaCurve ? 3 : 4.5} fill={hasPersonaCurve ? '#94a3b8' : emotionColor(Math.round(p.score))} />,
      )}
      {segments(personaPoints).map((points, i) => (
        <polyline key={`p${i}`} points={points} className="lib-persona-curve-own" style={{ stroke: color }} />
      ))}
      {personaPoints.map((p, i) =>
        p.score === null ? null : (
          <circle key={`pp${journey.stages[i]!.id}`} cx={p.x} cy={yOf(p.score)} r={5} fill={emotionColor(Math.round(p.score))} stroke="#fff" strokeWidth={1.5}>
            <title>{`${journey.stages[i]!.name}: ${p.score}`}</title>
          </circle>
        ),
      )}
      {journey.stages.map((stage, i) => (
        <text key={`l${stage.id}`} x={xs[i]} y={CHART.height - CHART.bottom + 19} textAnchor="middle" className="lib-persona-curve-stage">
          <title>{stage.name || t('personaLibrary.page.unnamedStage')}</title>
          {shortLabel(stage.name, t('personaLibrary.page.unnamedStage'), labelChars)}
        </text>
      ))}
      {!hasAny && (
        <text x={CHART.left + plotWidth / 2} y={yOf(0) - 8} textAnchor="middle" className="lib-persona-curve-none">
          {t('personaLibrary.page.noFeelings')}
        </text>
      )}
    </svg>
  );
}
