import type { CSSProperties } from 'react';
import { FALLBACK_PHASE_COLOR, phaseTint } from '../model/phases';
import type { Journey, PhaseId } from '../model/types';

/** The CSS variables present mode draws a phase with (pill, progress segment, ticks): its colour and a pale tint of it. */
export function phaseStyle(journey: Pick<Journey, 'phases'>, phase: PhaseId): CSSProperties {
  const color = journey.phases.find((p) => p.id === phase)?.color ?? FALLBACK_PHASE_COLOR;
  return { '--phase': color, '--phase-soft': phaseTint(color) } as CSSProperties;
}
