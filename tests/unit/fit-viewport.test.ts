import { describe, expect, it } from 'vitest';
import { fitViewport, MIN_ZOOM } from '../../src/canvas/fitViewport';
import { readJourney } from '../../src/model/doc';
import { layoutJourney } from '../../src/model/layout';
import { addCard, addStage } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { parseViewport } from '../../src/store/savedViewport';

const LAPTOP = { width: 1100, height: 760 };

/** The screen box of a layout rectangle under a viewport. */
function onScreen(rect: { x: number; y: number; width: number; height: number }, v: { x: number; y: number; zoom: number }) {
  return { left: rect.x * v.zoom + v.x, top: rect.y * v.zoom + v.y, right: (rect.x + rect.width) * v.zoom + v.x, bottom: (rect.y + rect.height) * v.zoom + v.y };
}

function insidePane(rect: { x: number; y: number; width: number; height: number }, v: { x: number; y: number; zoom: number }, pane = LAPTOP): boolean {
  const box = onScreen(rect, v);
  return box.left >= 0 && box.top >= 0 && box.right <= pane.width && box.bottom <= pane.height;
}

describe('fitting the view to the map', () => {
  it('frames every stage and lane of a template map', () => {
    const layout = layoutJourney(readJourney(createMapFromTemplate('retail', 'en')));
    const view = fitViewport(layout, LAPTOP);
    expect(view.zoom).toBeLessThan(1);
    for (const stage of layout.stages) expect(insidePane(stage, view)).toBe(true);
    for (const lane of layout.lanes) expect(insidePane(lane, view)).toBe(true);
  });

  it('keeps every cell of a fitted map out of the minimap’s corner', () => {
    const layout = layoutJourney(readJourney(createMapFromTemplate('retail', 'en')));
    const corner = { width: 200, height: 170 };
    for (const pane of [LAPTOP, { width: 1378, height: 846 }, { width: 684, height: 646 }, { width: 1600, height: 500 }]) {
      const view = fitViewport(layout, pane, 0, corner);
      const free = (rect: { x: number; y: number; width: number; height: number }) => {
        const box = onScreen(rect, view);
        return box.right <= pane.width - corner.width || box.bottom <= pane.height - corner.height;
      };
      for (const stage of layout.stages) {
        for (const lane of layout.lanes) expect(free({ x: stage.x, y: lane.y, width: stage.width, height: lane.height })).toBe(true);
      }
      for (const stage of layout.stages) expect(insidePane(stage, view, pane)).toBe(true);
      // no smaller than it must be: the map still reaches the pane's right or bottom room
      const plain = fitViewport(layout, pane);
      expect(view.zoom).toBeGreaterThan(plain.zoom * 0.6);
    }
  });

  it('does not blow a small map up past 100 %', () => {
    const layout = layoutJourney(readJourney(createMapFromTemplate('blank', 'en')));
    expect(fitViewport(layout, { width: 2560, height: 1600 }).zoom).toBe(1);
  });

  it('includes a stage added a moment ago', () => {
    const doc = createMapFromTemplate('retail', 'en');
    addStage(doc, { name: 'Returns' });
    const layout = layoutJourney(readJourney(doc));
    const after = fitViewport(layout, LAPTOP);
    expect(insidePane(layout.stages.at(-1)!, after)).toBe(true);
  });

  it('keeps all 24 stages of a wide map inside a 1024 px screen with the panel open', () => {
    const doc = createMapFromTemplate('retail', 'en');
    for (let i = 0; i < 16; i++) addStage(doc, { name: `Extra ${i}` });
    const layout = layoutJourney(readJourney(doc));
    expect(layout.stages).toHaveLength(24);
    const pane = { width: 620, height: 600 };
    const view = fitViewport(layout, pane);
    expect(view.zoom).toBeGreaterThanOrEqual(MIN_ZOOM);
    for (const stage of layout.stages) expect(insidePane(stage, view, pane)).toBe(true);
  });

  it('frames every stage of a very tall map and starts at its top, with headers still legible', () => {
    const doc = createMapFromTemplate('retail', 'en');
    const journey = readJourney(doc);
    const stage = journey.stages[0]!;
    const lane = journey.lanes[0]!;
    for (let i = 0; i < 400; i++) addCard(doc, { stageId: stage.id, laneId: lane.id, title: `Card ${i}` });
    const layout = layoutJourney(readJourney(doc));
    const view = fitViewport(layout, LAPTOP);
    expect(view.zoom).toBeGreaterThanOrEqual(0.3);
    for (const s of layout.stages) expect(insidePane(s, view)).toBe(true);
  });
});

describe('a remembered view read back from the device', () => {
  it('takes finite numbers and a positive zoom, and nothing else', () => {
    expect(parseViewport('{"x":-120.5,"y":30,"zoom":0.6}')).toEqual({ x: -120.5, y: 30, zoom: 0.6 });
    for (const raw of [null, '', 'not json', '[]', '{"x":1,"y":2}', '{"x":1,"y":2,"zoom":0}', '{"x":"1","y":2,"zoom":1}', '{"x":1e300,"y":2,"zoom":1}']) {
      expect(parseViewport(raw)).toBeNull();
    }
  });
});
