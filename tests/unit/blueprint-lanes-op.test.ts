import { describe, expect, it } from 'vitest';
import { createMapFromTemplate } from '../../src/model/templates';
import { readJourney } from '../../src/model/doc';
import { addBlueprintLanes, lacksBlueprintLanes } from '../../src/model/ops';
import { createUndoManager } from '../../src/model/undo';
import { blueprintLines } from '../../src/model/blueprint';

const NAMES = { evidence: 'Physical evidence', frontstage: 'Frontstage actions', backstage: 'Backstage', support: 'Support processes' };

describe('adding the service blueprint’s lanes to a map', () => {
  it('puts evidence and frontstage above the map’s backstage lane and support below it, so all three lines run', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const before = readJourney(doc).lanes.map((l) => l.kind);
    expect(lacksBlueprintLanes(readJourney(doc).lanes)).toBe(true);
    const added = addBlueprintLanes(doc, NAMES);
    expect(added).toHaveLength(3);
    const kinds = readJourney(doc).lanes.map((l) => l.kind);
    const at = kinds.indexOf('backstage');
    expect(kinds.slice(at - 2, at + 2)).toEqual(['evidence', 'frontstage', 'backstage', 'support']);
    expect(kinds.filter((k) => !['evidence', 'frontstage', 'support'].includes(k))).toEqual(before);
    expect(blueprintLines(readJourney(doc).lanes).map((p) => p.line.id)).toEqual(['interaction', 'visibility', 'internal']);
    expect(lacksBlueprintLanes(readJourney(doc).lanes)).toBe(false);
    expect(addBlueprintLanes(doc, NAMES)).toEqual([]);
  });

  it('adds all four rows at the bottom of a map without backstage, and one undo takes them away again', () => {
    const doc = createMapFromTemplate('blank', 'en');
    const undo = createUndoManager(doc);
    const backstage = readJourney(doc).lanes.find((l) => l.kind === 'backstage')!;
    // a map whose team deleted backstage
    undo.stopCapturing();
    doc.transact(() => doc.getMap('lanes').delete(backstage.id));
    undo.clear();
    const lanesBefore = readJourney(doc).lanes.length;
    addBlueprintLanes(doc, NAMES);
    const lanes = readJourney(doc).lanes;
    expect(lanes.slice(-4).map((l) => [l.kind, l.name])).toEqual([
      ['evidence', 'Physical evidence'],
      ['frontstage', 'Frontstage actions'],
      ['backstage', 'Backstage'],
      ['support', 'Support processes'],
    ]);
    undo.undo();
    expect(readJourney(doc).lanes).toHaveLength(lanesBefore);
  });
});
