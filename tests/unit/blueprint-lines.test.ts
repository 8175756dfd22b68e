import { describe, expect, it } from 'vitest';
import { blueprintLines, isBlueprintKind } from '../../src/model/blueprint';
import type { LaneKind } from '../../src/model/laneKinds';
import { FORMAT_VERSION, parseMapFile } from '../../src/schema';

const lanes = (...kinds: LaneKind[]) => kinds.map((kind, i) => ({ id: `l${i}`, kind }));
const drawn = (...kinds: LaneKind[]) => blueprintLines(lanes(...kinds)).map((p) => `${p.line.id}:${p.aboveLaneId}/${p.belowLaneId}`);

describe('the lines of a service blueprint', () => {
  it('run between the customer and frontstage, frontstage and backstage, backstage and support', () => {
    expect(drawn('evidence', 'actions', 'frontstage', 'backstage', 'support')).toEqual([
      'interaction:l1/l2',
      'visibility:l2/l3',
      'internal:l3/l4',
    ]);
  });

  it('draw only the deeper line where a map skips a row, and none for customer lanes below backstage', () => {
    expect(drawn('actions', 'pains', 'backstage', 'metrics', 'notes')).toEqual(['visibility:l1/l2']);
    expect(drawn('actions', 'frontstage', 'pains', 'backstage')).toEqual(['interaction:l0/l1', 'visibility:l2/l3']);
  });

  it('are not drawn on a map without blueprint rows', () => {
    expect(drawn('actions', 'touchpoints', 'thoughts', 'emotions', 'pains', 'opportunities', 'metrics')).toEqual([]);
    expect(drawn()).toEqual([]);
    expect(drawn('support')).toEqual([]);
  });

  it('know which kinds are the blueprint’s rows', () => {
    expect((['evidence', 'frontstage', 'backstage', 'support'] as const).every(isBlueprintKind)).toBe(true);
    expect((['actions', 'needs', 'senses', 'pains', 'metrics'] as const).some(isBlueprintKind)).toBe(false);
  });
});

describe('the map file, version 3', () => {
  it('reads a version 2 file as it stands, with no actor on its cards', () => {
    const v2 = {
      format: 'waymark',
      version: 2,
      journey: {
        id: 'm1',
        title: 'Old map',
        description: '',
        locale: 'en',
        createdAt: '2026-01-01T00:00:00.000Z',
        phases: [{ id: 'purchase', name: '', color: '#0f766e', order: 'a0' }],
        stages: [{ id: 's1', name: 'Pay', phase: 'purchase', order: 'a0', color: null, description: '' }],
        lanes: [{ id: 'l1', name: 'Backstage', kind: 'backstage', order: 'a0', collapsed: false }],
        cards: [{ id: 'c1', stageId: 's1', laneId: 'l1', order: 'a0', title: 'Card reader checks the PIN' }],
        personas: [],
        links: [],
      },
    };
    const parsed = parseMapFile(JSON.stringify(v2));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.version).toBe(FORMAT_VERSION);
    expect(parsed.file.journey.cards[0]!.actor).toBe('');
  });
});
