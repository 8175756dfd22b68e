import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NodeBuilder, type PhaseNodeData, type StageNodeData } from '../../src/canvas/buildNodes';
import { journeyToCsv } from '../../src/export/csv';
import { importCsv } from '../../src/export/import';
import { journeyMaps, readJourney } from '../../src/model/doc';
import { layoutJourney } from '../../src/model/layout';
import { LIMITS } from '../../src/model/limits';
import {
  addPhase,
  addStage,
  deletePhase,
  movePhase,
  movePhaseBy,
  moveStageToPhase,
  recolourPhase,
  renamePhase,
  stagesInPhase,
} from '../../src/model/ops';
import { phaseNameKey, shownPhaseName } from '../../src/model/phaseNames';
import { DEFAULT_PHASE_COLORS, nextPhaseColor, PHASE_PALETTE, phaseTint } from '../../src/model/phases';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { FORMAT_VERSION, fromJSON, parseMapFile, serializeMap, toJSON } from '../../src/schema';
import { JourneyView } from '../../src/store/journeyView';

/** Three stages, one per default phase; the undo history starts empty. */
function seeded() {
  const doc = new Y.Doc();
  const um = createUndoManager(doc, { captureTimeout: 0 });
  addStage(doc, { id: 'aware', name: 'Aware', phase: 'pre-purchase' });
  addStage(doc, { id: 'buy', name: 'Buy', phase: 'purchase' });
  addStage(doc, { id: 'use', name: 'Use', phase: 'post-purchase' });
  um.clear();
  return { doc, um };
}

const stageOrder = (doc: Y.Doc) => readJourney(doc).stages.map((s) => `${s.name}:${s.phase}`);
const phaseIds = (doc: Y.Doc) => readJourney(doc).phases.map((p) => p.id);

describe('a map’s own phases', () => {
  it('adds a "Service recovery" phase at the end with a fresh id, the next unused palette colour and its name as typed', () => {
    const { doc } = seeded();
    const id = addPhase(doc, { name: 'Service recovery' })!;
    expect(id).toMatch(/^[0-9A-Za-z]{12}$/);
    const phases = readJourney(doc).phases;
    expect(phases.map((p) => p.id)).toEqual(['pre-purchase', 'purchase', 'post-purchase', id]);
    const phase = phases[3]!;
    expect(phase.color).toBe(PHASE_PALETTE[3].hex);
    // a map's own phase shows as typed, never as a translated default
    expect(shownPhaseName(phase, 'ignored')).toBe('Service recovery');
    expect(phaseNameKey(id)).toBe('canvas.untitledPhase');
    expect(phaseNameKey('purchase')).toBe('canvas.phases.purchase');
  });

  it('adds at an index, between the defaults', () => {
    const { doc } = seeded();
    const id = addPhase(doc, { name: 'Onboarding', index: 2 })!;
    expect(phaseIds(doc)).toEqual(['pre-purchase', 'purchase', id, 'post-purchase']);
  });

  it('refuses a phase past the limit', () => {
    const { doc } = seeded();
    for (let i = readJourney(doc).phases.length; i < LIMITS.phases; i++) expect(addPhase(doc, { name: `P${i}` })).not.toBeNull();
    expect(addPhase(doc, { name: 'one too many' })).toBeNull();
    expect(readJourney(doc).phases).toHaveLength(LIMITS.phases);
  });

  it('renames and recolours a default phase of a map from before custom phases, and one undo takes each back', () => {
    const { doc, um } = seeded();
    // how maps stored phases before: a bare name under the default id
    journeyMaps(doc).phases.set('purchase', 'Kauf');
    um.clear();
    const before = readJourney(doc);
    expect(before.phases[1]).toEqual({ id: 'purchase', name: 'Kauf', color: DEFAULT_PHASE_COLORS.purchase, order: 'a1' });
    renamePhase(doc, 'purchase', 'Checkout');
    recolourPhase(doc, 'purchase', '#b45309');
    expect(readJourney(doc).phases[1]).toEqual({ id: 'purchase', name: 'Checkout', color: '#b45309', order: 'a1' });
    um.undo();
    expect(readJourney(doc).phases[1]!.color).toBe(DEFAULT_PHASE_COLORS.purchase);
    um.undo();
    expect(readJourney(doc)).toEqual(before);
  });

  it('keeps a colour that is not a hex out of the doc', () => {
    const { doc } = seeded();
    recolourPhase(doc, 'purchase', 'red;background:url(x)');
    expect(readJourney(doc).phases[1]!.color).toBe('#475569');
  });

  it('moves a stage into a phase next to that phase’s stages, so the phase stays one band', () => {
    const { doc } = seeded();
    const recovery = addPhase(doc, { name: 'Service recovery', index: 2 })!;
    expect(moveStageToPhase(doc, 'use', recovery)).toBe(true);
    expect(stageOrder(doc)).toEqual(['Aware:pre-purchase', 'Buy:purchase', `Use:${recovery}`]);
    expect(moveStageToPhase(doc, 'aware', 'purchase')).toBe(true);
    expect(stageOrder(doc)).toEqual(['Buy:purchase', 'Aware:purchase', `Use:${recovery}`]);
    expect(layoutJourney(readJourney(doc)).phases.map((b) => [b.phase, b.stageIds])).toEqual([
      ['purchase', ['buy', 'aware']],
      [recovery, ['use']],
    ]);
  });

  it('moving a phase moves its stages with it, and one undo puts both back', () => {
    const { doc, um } = seeded();
    const recovery = addPhase(doc, { name: 'Service recovery' })!;
    addStage(doc, { id: 'fix', name: 'Fix', phase: recovery });
    um.clear();
    const before = readJourney(doc);
    expect(movePhase(doc, recovery, 1)).toBe(true);
    expect(phaseIds(doc)).toEqual(['pre-purchase', recovery, 'purchase', 'post-purchase']);
    expect(stageOrder(doc)).toEqual(['Aware:pre-purchase', `Fix:${recovery}`, 'Buy:purchase', 'Use:post-purchase']);
    expect(movePhaseBy(doc, 'pre-purchase', 1)).toBe(true);
    expect(stageOrder(doc)).toEqual([`Fix:${recovery}`, 'Aware:pre-purchase', 'Buy:purchase', 'Use:post-purchase']);
    expect(movePhaseBy(doc, recovery, -1)).toBe(false);
    um.undo();
    um.undo();
    expect(readJourney(doc)).toEqual(before);
  });

  it('moving a phase joins a phase that reordering had split into one band again', () => {
    const { doc } = seeded();
    addStage(doc, { id: 'late', name: 'Late', phase: 'pre-purchase' });
    expect(layoutJourney(readJourney(doc)).phases.map((b) => b.phase)).toEqual(['pre-purchase', 'purchase', 'post-purchase', 'pre-purchase']);
    movePhaseBy(doc, 'purchase', 1);
    expect(stageOrder(doc)).toEqual(['Aware:pre-purchase', 'Late:pre-purchase', 'Use:post-purchase', 'Buy:purchase']);
  });

  it('deleting a phase of one’s own moves its stages into the phase before it, and one undo brings it back', () => {
    const { doc, um } = seeded();
    const recovery = addPhase(doc, { name: 'Service recovery', index: 1 })!;
    addStage(doc, { id: 'fix', name: 'Fix', phase: recovery, index: 1 });
    um.clear();
    const before = readJourney(doc);
    expect(stagesInPhase(doc, recovery)).toEqual(['fix']);
    expect(deletePhase(doc, recovery)).toEqual({ movedTo: 'pre-purchase', stageIds: ['fix'] });
    expect(phaseIds(doc)).toEqual(['pre-purchase', 'purchase', 'post-purchase']);
    expect(stageOrder(doc)).toEqual(['Aware:pre-purchase', 'Fix:pre-purchase', 'Buy:purchase', 'Use:post-purchase']);
    um.undo();
    expect(readJourney(doc)).toEqual(before);
  });

  it('a first phase of one’s own gives its stages to the phase after it', () => {
    const { doc } = seeded();
    const first = addPhase(doc, { name: 'Trigger', index: 0 })!;
    addStage(doc, { id: 't', name: 'T', phase: first, index: 0 });
    expect(deletePhase(doc, first)).toEqual({ movedTo: 'pre-purchase', stageIds: ['t'] });
  });

  it('keeps the three default phases: they cannot be deleted', () => {
    const { doc } = seeded();
    expect(deletePhase(doc, 'purchase')).toBeNull();
    expect(phaseIds(doc)).toEqual(['pre-purchase', 'purchase', 'post-purchase']);
  });

  it('shows a stage whose phase is gone in the first phase, without changing the doc', () => {
    const { doc } = seeded();
    journeyMaps(doc).stages.get('use')!.set('phase', 'deletedByAPeer');
    expect(readJourney(doc).stages.find((s) => s.id === 'use')!.phase).toBe('pre-purchase');
    expect(journeyMaps(doc).stages.get('use')!.get('phase')).toBe('deletedByAPeer');
  });
});

describe('phase colours', () => {
  it('picks the first palette colour no phase uses, then cycles', () => {
    expect(nextPhaseColor([])).toBe(PHASE_PALETTE[0].hex);
    expect(nextPhaseColor(PHASE_PALETTE.map((c) => ({ color: c.hex })))).toBe(PHASE_PALETTE[0].hex);
  });

  it('carries white text at 4.5:1 or more in every palette colour', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const c of PHASE_PALETTE) expect(1.05 / (luminance(c.hex) + 0.05), c.key).toBeGreaterThanOrEqual(4.5);
  });

  it('tints a colour toward white for present mode', () => {
    expect(phaseTint('#000000', 0.5)).toBe('#808080');
    expect(phaseTint('not a colour')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('the map file, version 2', () => {
  const v1 = JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/waymark-v1.json'), 'utf8'));

  it('reads a version 1 file: its phases get their default colours and places, and its names stay', () => {
    const result = fromJSON(v1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const journey = readJourney(result.doc);
    expect(journey.phases).toEqual([
      { id: 'pre-purchase', name: 'Pre-purchase', color: '#0369a1', order: 'a0' },
      { id: 'purchase', name: 'Checkout', color: '#6d28d9', order: 'a1' },
      { id: 'post-purchase', name: 'Post-purchase', color: '#047857', order: 'a2' },
    ]);
    expect(journey.stages.map((s) => s.phase)).toEqual(['pre-purchase', 'pre-purchase', 'purchase', 'purchase']);
  });

  it('writes the current version (2 or later) with a phase of one’s own, and reads it back the same', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const recovery = addPhase(doc, { name: 'Service recovery', color: '#be123c' })!;
    moveStageToPhase(doc, readJourney(doc).stages[0]!.id, recovery);
    const text = serializeMap(doc);
    const file = JSON.parse(text);
    expect(file.version).toBe(FORMAT_VERSION);
    expect(FORMAT_VERSION).toBeGreaterThanOrEqual(2);
    expect(file.journey.phases[3]).toEqual({ id: recovery, name: 'Service recovery', color: '#be123c', order: expect.any(String) });
    const back = parseMapFile(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(toJSON(back.doc)).toEqual(toJSON(doc));
  });

  it('refuses a stage whose phase is not in the file, naming the stage and the phase', () => {
    const file = toJSON(createMapFromTemplate('retail', 'en'));
    file.journey.stages[2]!.phase = 'recovery';
    const result = fromJSON(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual({ path: 'journey.stages[2].phase', message: 'refers to phase "recovery", which is not in journey.phases' });
  });

  it('refuses a phase without a colour, a phase named twice and a file without phases', () => {
    const base = toJSON(createMapFromTemplate('blank', 'en'));
    const noColour = structuredClone(base) as unknown as { journey: { phases: Record<string, unknown>[] } };
    delete noColour.journey.phases[0]!.color;
    expect(fromJSON(noColour).ok).toBe(false);
    const twice = structuredClone(base);
    twice.journey.phases.push({ ...twice.journey.phases[0]! });
    const result = fromJSON(twice);
    expect(result.ok === false && result.issues.some((i) => i.message === 'names a phase twice')).toBe(true);
    const none = structuredClone(base);
    none.journey.phases = [];
    none.journey.stages = [];
    none.journey.cards = [];
    const empty = fromJSON(none);
    expect(empty.ok === false && empty.issues.some((i) => i.message === 'must list at least one phase')).toBe(true);
  });
});

describe('the CSV phase column', () => {
  it('round-trips a phase of one’s own by its name, making the phase on import', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const recovery = addPhase(doc, { name: 'Service recovery' })!;
    const last = readJourney(doc).stages.at(-1)!;
    moveStageToPhase(doc, last.id, recovery);
    const csv = journeyToCsv(readJourney(doc));
    expect(csv).toContain('Service recovery,');
    const imported = importCsv(csv);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const phase = imported.journey.phases.find((p) => p.name === 'Service recovery')!;
    expect(imported.journey.phases.map((p) => p.id).slice(0, 3)).toEqual(['pre-purchase', 'purchase', 'post-purchase']);
    expect(imported.journey.stages.filter((s) => s.phase === phase.id).map((s) => s.name)).toEqual([last.name]);
  });

  it('makes one phase for a name written in different cases', () => {
    const imported = importCsv('phase,stage,lane,title\nService recovery,Fix,Actions,a\nSERVICE RECOVERY,Follow up,Actions,b\n');
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.journey.phases).toHaveLength(4);
    expect(new Set(imported.journey.stages.map((s) => s.phase)).size).toBe(1);
  });
});

describe('the editor’s view of the phases', () => {
  it('follows a rename, a recolour and a move inside a phase record, not only new phases', () => {
    const { doc } = seeded();
    const view = new JourneyView(doc);
    const recovery = addPhase(doc, { name: 'Service recovery' })!;
    renamePhase(doc, recovery, 'Recovery');
    recolourPhase(doc, 'purchase', '#be123c');
    movePhaseBy(doc, recovery, -1);
    expect(view.journey).toEqual(readJourney(doc));
    expect(view.journey.phases.map((p) => p.name)).toEqual(['', '', 'Recovery', '']);
    view.destroy();
  });
});

describe('the canvas nodes of phases', () => {
  it('draw each band in its phase’s colour, top its stages with it, and give read-only maps no phase controls', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const recovery = addPhase(doc, { name: 'Service recovery', color: '#be123c' })!;
    moveStageToPhase(doc, readJourney(doc).stages[0]!.id, recovery);
    const journey = readJourney(doc);
    const layout = layoutJourney(journey);
    const build = (readOnly: boolean) => new NodeBuilder().build({ journey, layout, selected: new Set(), personaFilter: null, linkFrom: null, readOnly });
    const bands = build(false).filter((n) => n.type === 'phase');
    const band = bands.find((n) => (n.data as PhaseNodeData).phase.id === recovery)!;
    expect((band.data as PhaseNodeData).phase.color).toBe('#be123c');
    const moved = build(false).find((n) => n.type === 'stage' && (n.data as StageNodeData).stage.phase === recovery)!;
    expect((moved.data as StageNodeData).phaseColor).toBe('#be123c');
    expect(bands.every((n) => (n.data as PhaseNodeData).readOnly === false)).toBe(true);
    expect(build(true).filter((n) => n.type === 'phase').every((n) => (n.data as PhaseNodeData).readOnly === true)).toBe(true);
  });
});
