import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journey, PhaseId } from '../model/types';
import { phaseStyle } from './phaseStyle';
import { presentSteps } from './steps';

interface ProgressStripProps {
  journey: Journey;
  /** the stages on screen now */
  currentStageIds: readonly string[];
  phaseName(phase: PhaseId): string;
  stageName(id: string): string;
  onStage(stageId: string): void;
}

/** Beyond this many stages the names under the ticks would not fit: the ticks keep them as labels. */
const NAMED_TICKS_UP_TO = 12;

/**
 * Where the presentation is in the whole journey: one segment per run of a phase, coloured as on
 * the canvas, with a tick per stage that jumps there.
 */
export function ProgressStrip({ journey, currentStageIds, phaseName, stageName, onStage }: ProgressStripProps) {
  const { t } = useTranslation();
  const segments = useMemo(() => presentSteps(journey, 'phase'), [journey]);
  const order = useMemo(() => new Map(journey.stages.map((s, i) => [s.id, i])), [journey.stages]);
  const current = new Set(currentStageIds);
  const reached = Math.max(...currentStageIds.map((id) => order.get(id) ?? -1));
  const named = journey.stages.length <= NAMED_TICKS_UP_TO;

  return (
    <nav className={`present-progress${named ? '' : ' is-dense'}`} aria-label={t('present.progress')}>
      <ol className="present-segments">
        {segments.map((segment) => (
          <li key={segment.key} className="present-segment" style={{ ...phaseStyle(journey, segment.phase), flexGrow: segment.stageIds.length }}>
            <span className="present-segment-name" lang={journey.locale}>
              {phaseName(segment.phase)}
            </span>
            <ol className="present-ticks">
              {segment.stageIds.map((id) => {
                const number = (order.get(id) ?? 0) + 1;
                const name = stageName(id);
                const state = current.has(id) ? 'is-current' : number - 1 < reached ? 'is-past' : 'is-future';
                return (
                  <li key={id} className={`present-tick ${state}`}>
                    <button
                      type="button"
                      className="present-tick-button"
                      aria-current={current.has(id) ? 'step' : undefined}
                      aria-label={t('present.goToStage', { index: number, name })}
                      title={name}
                      onClick={() => onStage(id)}
                    >
                      <span className="present-tick-dot" aria-hidden="true" />
                      {named && (
                        <span className="present-tick-name" aria-hidden="true" lang={journey.locale}>
                          {name}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
