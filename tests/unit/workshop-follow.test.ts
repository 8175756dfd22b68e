import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutJourney, readJourney, type JourneyLayout, type Rect } from '../../src/model';
import { createMapFromTemplate } from '../../src/model/templates';
import { followedArea, presenterPeer, sameArea, stageArea, stageAt, type PaneSize } from '../../src/store/follow';
import type { Peer, PeerView } from '../../src/sync/session';

/* What a follower's screen shows of the presenter: pure decisions over peers, views and the layout. */

const retail = layoutJourney(readJourney(createMapFromTemplate('retail', 'en')));

function peer(clientId: number, id: string, view: PeerView | null = null): Peer {
  return { clientId, id, name: id, color: '#2563eb', cursor: null, selection: [], view };
}

/** A layout with just the stage columns the follow functions read. */
function columns(...xs: [id: string, x: number, width: number][]): JourneyLayout {
  const last = xs[xs.length - 1];
  return {
    width: last ? last[1] + last[2] : 0,
    height: 900,
    phases: [],
    stages: xs.map(([id, x, width]) => ({ id, x, y: 32, width, height: 56 })),
    lanes: [],
    cards: new Map(),
    emotionCurves: [],
  };
}

/** An area of the given width centred on x. */
const centredOn = (x: number, width = 400): Rect => ({ x: x - width / 2, y: 100, width, height: 300 });

describe('finding the presenter among the people in the room', () => {
  const fay = { id: 'fay', name: 'Fay' };

  it('nobody is followed while nobody presents', () => {
    expect(presenterPeer([peer(1, 'fay'), peer(2, 'ana')], null)).toBeNull();
  });

  it('the presenter is found by their identity, not by their connection', () => {
    expect(presenterPeer([peer(1, 'ana'), peer(7, 'fay'), peer(3, 'ben')], fay)).toEqual(peer(7, 'fay'));
  });

  it('a presenter who is not connected cannot be followed', () => {
    expect(presenterPeer([peer(1, 'ana'), peer(2, 'ben')], fay)).toBeNull();
    expect(presenterPeer([], fay)).toBeNull();
  });

  it('when the presenter is connected twice (a reloaded tab), the newest connection wins', () => {
    const older = peer(10, 'fay', { area: centredOn(100), stageId: null, presenting: false });
    const newer = peer(42, 'fay', { area: null, stageId: 's2', presenting: true });
    expect(presenterPeer([older, peer(50, 'ana'), newer], fay)).toBe(newer);
    expect(presenterPeer([newer, older], fay)).toBe(newer);
  });

  it('whatever order the peers arrive in, the same connection is followed', () => {
    const peerArb = fc.record({ clientId: fc.integer({ min: 0, max: 1000 }), id: fc.constantFrom('fay', 'ana', 'ben') });
    fc.assert(
      fc.property(fc.uniqueArray(peerArb, { selector: (p) => p.clientId, maxLength: 12 }), fc.integer(), (raw, seed) => {
        const peers = raw.map((p) => peer(p.clientId, p.id));
        const shuffled = [...peers].sort((a, b) => ((a.clientId * 7919 + seed) % 97) - ((b.clientId * 7919 + seed) % 97));
        const found = presenterPeer(peers, fay);
        expect(presenterPeer(shuffled, fay)?.clientId).toBe(found?.clientId);
        const fays = peers.filter((p) => p.id === 'fay').map((p) => p.clientId);
        expect(found?.clientId ?? null).toBe(fays.length ? Math.max(...fays) : null);
      }),
    );
  });
});

describe('the part of the map shown for a presented stage', () => {
  const second = retail.stages[1]!;
  const middle = (r: Rect) => r.x + r.width / 2;
  /** The zoom a canvas of this size needs to fit the area (as fitView would). */
  const zoomToFit = (r: Rect, pane: PaneSize) => Math.min(pane.width / r.width, pane.height / r.height);

  it('the presented stage is in the middle, with a neighbour on each side', () => {
    const area = stageArea(retail, second.id, { width: 600, height: 900 })!;
    expect(middle(area)).toBeCloseTo(second.x + second.width / 2);
    const before = retail.stages[0]!;
    const after = retail.stages[2]!;
    expect(area.x).toBeLessThanOrEqual(before.x + 0.5);
    expect(area.x + area.width).toBeGreaterThanOrEqual(after.x + after.width - 0.5);
  });

  it('it starts at the top of the map, so the phase and stage headers show', () => {
    expect(stageArea(retail, second.id)!.y).toBe(0);
    expect(stageArea(retail, second.id, { width: 400, height: 3000 })!.y).toBe(0);
  });

  it('a tall map shows the top of the column rather than shrinking the cards to fit its whole height', () => {
    const pane = { width: 1280, height: 800 };
    const area = stageArea(retail, second.id, pane)!;
    expect(retail.height).toBeGreaterThan(area.height);
    expect(zoomToFit(area, pane)).toBeCloseTo(1);
  });

  it('a short map is shown whole, never past its last lane', () => {
    const area = stageArea(retail, second.id, { width: 1000, height: 5000 })!;
    expect(area.height).toBe(retail.height);
  });

  it('a wide screen shows more of the map around the stage instead of zooming in', () => {
    const area = stageArea(retail, second.id, { width: 2560, height: 1440 })!;
    expect(area.width).toBe(2560);
    expect(middle(area)).toBeCloseTo(second.x + second.width / 2);
  });

  it('whatever the follower’s screen, cards are never zoomed in past their own size and the follower is on the presented stage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...retail.stages.map((s) => s.id)),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        (stageId, width, height) => {
          const pane = { width, height };
          const area = stageArea(retail, stageId, pane)!;
          expect(area.width).toBeGreaterThan(0);
          expect(area.height).toBeGreaterThan(0);
          expect(area.height).toBeLessThanOrEqual(retail.height);
          expect(zoomToFit(area, pane)).toBeLessThanOrEqual(1 + 1e-9);
          expect(stageAt(retail, area)).toBe(stageId);
        },
      ),
    );
  });

  it('without a screen size it assumes a common laptop screen', () => {
    expect(stageArea(retail, second.id)).toEqual(stageArea(retail, second.id, { width: 1280, height: 800 }));
  });

  it('a stage that no longer exists has no area', () => {
    expect(stageArea(retail, 'deleted-stage')).toBeNull();
  });
});

describe('what a follower’s canvas shows', () => {
  const stage = retail.stages[2]!;
  const pane = { width: 1024, height: 768 };

  it('a presenter in present mode is followed to the stage on their screen, sized for my screen', () => {
    const view: PeerView = { area: null, stageId: stage.id, presenting: true };
    expect(followedArea(view, retail, pane)).toEqual(stageArea(retail, stage.id, pane));
    expect(followedArea(view, retail)).toEqual(stageArea(retail, stage.id));
  });

  it('a presenter in the editor is followed to exactly the area on their screen', () => {
    const area = { x: 10, y: 20, width: 800, height: 600 };
    expect(followedArea({ area, stageId: stage.id, presenting: false }, retail, pane)).toEqual(area);
  });

  it('a presenter who shares no view gives nothing to follow', () => {
    expect(followedArea(null, retail, pane)).toBeNull();
  });

  it('a presenter in present mode on a stage someone just deleted gives nothing to follow', () => {
    expect(followedArea({ area: null, stageId: 'deleted-stage', presenting: true }, retail, pane)).toBeNull();
  });

  it('a presenter in present mode without a stage falls back to their area', () => {
    const area = { x: 0, y: 0, width: 100, height: 100 };
    expect(followedArea({ area, stageId: null, presenting: true }, retail)).toEqual(area);
    expect(followedArea({ area: null, stageId: null, presenting: true }, retail)).toBeNull();
  });
});

describe('the stage someone is on', () => {
  it('is the stage under the middle of their screen', () => {
    for (const column of retail.stages) {
      expect(stageAt(retail, centredOn(column.x + column.width / 2))).toBe(column.id);
      // however wide the screen, only its centre counts
      expect(stageAt(retail, centredOn(column.x + 5, 3000))).toBe(column.id);
    }
  });

  it('is the first stage while the middle of the screen is over the lane headers', () => {
    expect(stageAt(retail, centredOn(retail.stages[0]!.x / 2))).toBe(retail.stages[0]!.id);
    expect(stageAt(retail, centredOn(-5000))).toBe(retail.stages[0]!.id);
  });

  it('is the last stage when the screen is scrolled past the map’s right edge', () => {
    const last = retail.stages[retail.stages.length - 1]!;
    expect(stageAt(retail, centredOn(retail.width + 2000))).toBe(last.id);
  });

  it('is the nearest stage when the middle falls between two columns', () => {
    const gappy = columns(['a', 0, 100], ['b', 300, 100], ['c', 600, 100]);
    expect(stageAt(gappy, centredOn(130))).toBe('a');
    expect(stageAt(gappy, centredOn(270))).toBe('b');
    expect(stageAt(gappy, centredOn(450))).toBe('b');
    expect(stageAt(gappy, centredOn(560))).toBe('c');
  });

  it('on a boundary between two columns it is one of the two', () => {
    const boundary = retail.stages[1]!.x;
    expect([retail.stages[0]!.id, retail.stages[1]!.id]).toContain(stageAt(retail, centredOn(boundary)));
  });

  it('a map without stages has no stage to be on', () => {
    expect(stageAt(columns(), centredOn(100))).toBeNull();
  });

  it('the stage found always holds the middle, or is the nearest one to it', () => {
    fc.assert(
      fc.property(fc.double({ min: -5000, max: 8000, noNaN: true }), fc.double({ min: 1, max: 4000, noNaN: true }), (centre, width) => {
        const id = stageAt(retail, centredOn(centre, width));
        const distance = (c: Rect) => (centre < c.x ? c.x - centre : centre > c.x + c.width ? centre - c.x - c.width : 0);
        const found = retail.stages.find((s) => s.id === id)!;
        expect(found).toBeDefined();
        for (const other of retail.stages) expect(distance(found)).toBeLessThanOrEqual(distance(other) + 1e-6);
      }),
    );
  });
});

describe('telling whether the followed view moved', () => {
  const area = { x: 100, y: 200, width: 800, height: 600 };

  it('an area is the same as itself and as one off only by rounding', () => {
    expect(sameArea(area, { ...area })).toBe(true);
    expect(sameArea(area, { x: 100.4, y: 199.7, width: 800.2, height: 599.6 })).toBe(true);
  });

  it('an area moved or resized by a pixel or more is a different view', () => {
    expect(sameArea(area, { ...area, x: 101 })).toBe(false);
    expect(sameArea(area, { ...area, y: 199 })).toBe(false);
    expect(sameArea(area, { ...area, width: 801 })).toBe(false);
    expect(sameArea(area, { ...area, height: 600.6 })).toBe(false);
  });

  it('nothing is the same as nothing, and never the same as an area', () => {
    expect(sameArea(null, null)).toBe(true);
    expect(sameArea(area, null)).toBe(false);
    expect(sameArea(null, area)).toBe(false);
  });

  it('is symmetric', () => {
    const rect = fc.record({
      x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      y: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      width: fc.double({ min: 0, max: 1e4, noNaN: true }),
      height: fc.double({ min: 0, max: 1e4, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.option(rect), fc.option(rect), (a, b) => {
        expect(sameArea(a, b)).toBe(sameArea(b, a));
        if (a) expect(sameArea(a, a)).toBe(true);
      }),
    );
  });
});
