import { describe, expect, it } from 'vitest';
import { layoutJourney } from '../../src/model/layout';
import { instantiateTemplate } from '../../src/model/templates';
import type { Journey, PhaseId, Stage } from '../../src/model/types';
import {
  laneColumns,
  presentCommand,
  presentSteps,
  resolveStep,
  stageEmotion,
  stepAfter,
  stepIndexOfStage,
  type PresentKey,
} from '../../src/present/steps';

const retail = () => instantiateTemplate('retail', 'en');

function stages(...phases: PhaseId[]): Pick<Journey, 'stages'> {
  return {
    stages: phases.map((phase, i): Stage => ({ id: `s${i}`, name: `Stage ${i}`, phase, order: String(i), color: null, description: '', detailMapId: null })),
  };
}

const key = (k: string, mods: Partial<Omit<PresentKey, 'key'>> = {}): PresentKey => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('the steps of a presentation', () => {
  it('stage by stage, each stage is one step, in map order', () => {
    const journey = retail();
    const steps = presentSteps(journey, 'stage');
    expect(steps.map((s) => s.stageIds)).toEqual(journey.stages.map((s) => [s.id]));
    expect(steps.map((s) => s.phase)).toEqual(journey.stages.map((s) => s.phase));
    expect(new Set(steps.map((s) => s.key)).size).toBe(steps.length);
  });

  it('phase by phase, the retail map has three steps: 2, 2 and 4 stages', () => {
    const steps = presentSteps(retail(), 'phase');
    expect(steps.map((s) => s.phase)).toEqual(['pre-purchase', 'purchase', 'post-purchase']);
    expect(steps.map((s) => s.stageIds.length)).toEqual([2, 2, 4]);
  });

  it('a phase split in two by reordering its stages is presented as two steps, as the canvas draws two bands', () => {
    const steps = presentSteps(stages('pre-purchase', 'purchase', 'pre-purchase', 'pre-purchase'), 'phase');
    expect(steps.map((s) => [s.phase, s.stageIds])).toEqual([
      ['pre-purchase', ['s0']],
      ['purchase', ['s1']],
      ['pre-purchase', ['s2', 's3']],
    ]);
  });

  it('a map without stages has no steps', () => {
    expect(presentSteps(stages(), 'stage')).toEqual([]);
    expect(presentSteps(stages(), 'phase')).toEqual([]);
    expect(resolveStep([], 's0', 3)).toBe(-1);
  });

  it('switching from stage to phase mode shows the phase of the stage in view, and back shows that stage', () => {
    const journey = stages('pre-purchase', 'pre-purchase', 'purchase', 'post-purchase', 'post-purchase');
    const byStage = presentSteps(journey, 'stage');
    const byPhase = presentSteps(journey, 'phase');
    expect(resolveStep(byPhase, 's4', 0)).toBe(2);
    expect(resolveStep(byPhase, 's1', 0)).toBe(0);
    // the phase step's anchor is its first stage
    expect(resolveStep(byStage, byPhase[2]!.stageIds[0]!, 0)).toBe(3);
    expect(stepIndexOfStage(byStage, 'nope')).toBe(-1);
  });

  it('when the stage in view is deleted elsewhere, the presentation stays at the same place', () => {
    const before = presentSteps(stages('pre-purchase', 'purchase', 'purchase', 'post-purchase'), 'stage');
    const at = resolveStep(before, 's2', 0);
    expect(at).toBe(2);
    const after = before.filter((s) => s.stageIds[0] !== 's2');
    expect(resolveStep(after, 's2', at)).toBe(2);
    // the last stage deleted while it was shown: the new last one
    expect(resolveStep(after.slice(0, 2), 's2', at)).toBe(1);
    // no place known yet: the first
    expect(resolveStep(after, null, 0)).toBe(0);
  });

  it('moving on stops at the ends; Home and End jump there', () => {
    expect(stepAfter('next', 0, 8)).toBe(1);
    expect(stepAfter('next', 7, 8)).toBe(7);
    expect(stepAfter('previous', 0, 8)).toBe(0);
    expect(stepAfter('previous', 5, 8)).toBe(4);
    expect(stepAfter('first', 5, 8)).toBe(0);
    expect(stepAfter('last', 2, 8)).toBe(7);
    expect(stepAfter('next', 0, 0)).toBe(-1);
  });
});

describe('keys in present mode', () => {
  it('→, Page Down and Space move on; ←, Page Up and Shift+Space move back', () => {
    expect(presentCommand(key('ArrowRight'))).toBe('next');
    expect(presentCommand(key('PageDown'))).toBe('next');
    expect(presentCommand(key(' '))).toBe('next');
    expect(presentCommand(key('ArrowLeft'))).toBe('previous');
    expect(presentCommand(key('PageUp'))).toBe('previous');
    expect(presentCommand(key(' ', { shiftKey: true }))).toBe('previous');
  });

  it('Home and End go to the first and last step, Esc leaves', () => {
    expect(presentCommand(key('Home'))).toBe('first');
    expect(presentCommand(key('End'))).toBe('last');
    expect(presentCommand(key('Escape'))).toBe('exit');
  });

  it('N toggles the notes, P the mode, F full screen, with or without caps lock', () => {
    expect(presentCommand(key('n'))).toBe('toggleNotes');
    expect(presentCommand(key('N'))).toBe('toggleNotes');
    expect(presentCommand(key('p'))).toBe('toggleMode');
    expect(presentCommand(key('f'))).toBe('toggleFullscreen');
  });

  it('leaves keys held with Ctrl, ⌘ or Alt, and other keys, to the browser', () => {
    expect(presentCommand(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(presentCommand(key('f', { ctrlKey: true }))).toBeNull();
    expect(presentCommand(key('r', { metaKey: true }))).toBeNull();
    expect(presentCommand(key('N', { shiftKey: true }))).toBeNull();
    expect(presentCommand(key('Tab'))).toBeNull();
    expect(presentCommand(key('x'))).toBeNull();
    // ↑ and ↓ scroll a long slide rather than change it
    expect(presentCommand(key('ArrowDown'))).toBeNull();
  });
});

describe('the feeling of a stage', () => {
  it('is the value the emotion curve on the canvas plots for that stage', () => {
    for (const key of ['retail', 'saas', 'service'] as const) {
      const journey = instantiateTemplate(key, 'en');
      const curve = layoutJourney(journey).emotionCurves[0]!;
      for (const stage of journey.stages) {
        const point = curve.points.find((p) => p.stageId === stage.id);
        expect(stageEmotion(journey, stage.id), `${key}: ${stage.name}`).toBe(point?.score ?? null);
      }
    }
  });

  it('is the mean of the scored feelings, to one decimal, and null when none is scored', () => {
    const journey = retail();
    const emotions = journey.lanes.find((l) => l.kind === 'emotions')!;
    const stage = journey.stages[0]!;
    let n = 0;
    const feeling = (emotion: number | null, laneId = emotions.id) => ({
      ...journey.cards[0]!,
      id: `c${n++}`,
      stageId: stage.id,
      laneId,
      emotion,
    });
    const cards = [feeling(2), feeling(-1), feeling(0), feeling(null), feeling(3, journey.lanes[0]!.id)];
    expect(stageEmotion({ lanes: journey.lanes, cards }, stage.id)).toBe(0.3);
    expect(stageEmotion({ lanes: journey.lanes, cards: [feeling(null)] }, stage.id)).toBeNull();
    expect(stageEmotion({ lanes: journey.lanes, cards: [] }, stage.id)).toBeNull();
  });
});

describe('the stage slide', () => {
  it('lays out up to eight lanes in two rows, more in three', () => {
    expect([1, 3, 4, 5, 6, 8, 9, 12].map(laneColumns)).toEqual([1, 3, 4, 3, 3, 4, 3, 4]);
  });
});
