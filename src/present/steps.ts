import { stageEmotionScores } from '../model/emotionCurve';
import type { Journey, PhaseId } from '../model/types';

/**
 * What present mode shows and in which order: pure functions of the journey, no React, no DOM.
 *
 * A presentation is a list of steps. Stage by stage, each stage is a step; phase by phase, each
 * run of adjacent stages in the same phase is a step (a phase split in two by reordering its
 * stages gives two steps, as it gives two bands on the canvas).
 */

export type PresentMode = 'stage' | 'phase';

export interface PresentStep {
  /** stable while the stages it shows stay: the first stage's id and the mode */
  key: string;
  phase: PhaseId;
  /** the stages this step shows, in map order (one in stage mode) */
  stageIds: string[];
}

export function presentSteps(journey: Pick<Journey, 'stages'>, mode: PresentMode): PresentStep[] {
  const steps: PresentStep[] = [];
  for (const stage of journey.stages) {
    const last = steps[steps.length - 1];
    if (mode === 'phase' && last && last.phase === stage.phase) {
      last.stageIds.push(stage.id);
      continue;
    }
    steps.push({ key: `${mode}:${stage.id}`, phase: stage.phase, stageIds: [stage.id] });
  }
  return steps;
}

/** The index of the step that shows this stage; -1 when no step does (the stage was deleted). */
export function stepIndexOfStage(steps: readonly PresentStep[], stageId: string | null): number {
  if (stageId === null) return -1;
  return steps.findIndex((s) => s.stageIds.includes(stageId));
}

/**
 * Where the presenter is: a stage id, kept across mode switches and edits made elsewhere. When
 * that stage disappears (deleted in another tab), the step at the last known index takes over.
 */
export function resolveStep(steps: readonly PresentStep[], stageId: string | null, lastIndex: number): number {
  if (steps.length === 0) return -1;
  const found = stepIndexOfStage(steps, stageId);
  if (found >= 0) return found;
  return Math.min(Math.max(0, lastIndex), steps.length - 1);
}

export type PresentCommand = 'next' | 'previous' | 'first' | 'last' | 'exit' | 'toggleNotes' | 'toggleMode' | 'toggleFullscreen';

export type PresentKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/**
 * The command a key press means in present mode; null leaves the key to the browser. Keys held
 * with Ctrl, ⌘ or Alt are the browser's (zoom, tabs, …). Clickers (presentation remotes) send
 * PageUp/PageDown, so those are here too; Space moves on and Shift+Space moves back.
 */
export function presentCommand(event: PresentKey): PresentCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case ' ':
    case 'Spacebar':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
  }
  if (event.shiftKey) return null;
  switch (event.key.toLowerCase()) {
    case 'n':
      return 'toggleNotes';
    case 'p':
      return 'toggleMode';
    case 'f':
      return 'toggleFullscreen';
  }
  return null;
}

/** The step a navigation command leads to from `index`, clamped to the presentation. */
export function stepAfter(command: 'next' | 'previous' | 'first' | 'last', index: number, count: number): number {
  if (count <= 0) return -1;
  switch (command) {
    case 'next':
      return Math.min(index + 1, count - 1);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
  }
}

/** A stage's lanes as a grid of tiles: at most two rows up to eight lanes, then three. */
export function laneColumns(count: number): number {
  if (count <= 4) return Math.max(1, count);
  if (count <= 8) return Math.ceil(count / 2);
  return Math.ceil(count / 3);
}

/**
 * How the stage feels: the mean emotion of its scored cards in the emotions lanes (the rule is
 * model/emotionCurve.ts), to one
 * decimal, as the emotion curve on the canvas plots it; null when no card there is scored.
 */
export function stageEmotion(journey: Pick<Journey, 'lanes' | 'cards'>, stageId: string): number | null {
  const emotionLanes = new Set(journey.lanes.filter((l) => l.kind === 'emotions').map((l) => l.id));
  return stageEmotionScores(journey.cards.filter((c) => c.stageId === stageId), emotionLanes).get(stageId) ?? null;
}
