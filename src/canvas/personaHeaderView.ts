import { useMemo } from 'react';
import { layoutPersonaHeader, type PersonaHeaderLayout } from '../model/personaHeader';
import type { Persona } from '../model/types';
import { useEditor } from '../store/editorStore';
import { usePersonaHeader } from '../store/personaHeader';

const NONE: Persona[] = [];

/** The persona header as the canvas shows it: null when the map has no personas or this device hid it. */
export function usePersonaHeaderLayout(): PersonaHeaderLayout | null {
  const hidden = usePersonaHeader((s) => s.hidden);
  const personas = useEditor((s) => s.journey?.personas ?? NONE);
  const stageCount = useEditor((s) => s.journey?.stages.length ?? 0);
  return useMemo(() => (hidden ? null : layoutPersonaHeader(personas, stageCount)), [hidden, personas, stageCount]);
}

/** Where the canvas content starts above the grid right now: the header's top, or 0 without one. */
export function contentTop(): number {
  const journey = useEditor.getState().journey;
  if (!journey || usePersonaHeader.getState().hidden) return 0;
  return layoutPersonaHeader(journey.personas, journey.stages.length)?.top ?? 0;
}
