import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fitViewport } from '../../src/canvas/fitViewport';
import { viewAfterPaneResize } from '../../src/canvas/useKeepCentreOnPanelToggle';
import { renderJourneyScene, type Translate } from '../../src/export/render';
import { createI18n } from '../../src/i18n';
import { readJourney } from '../../src/model/doc';
import { layoutJourney } from '../../src/model/layout';
import { LIMITS } from '../../src/model/limits';
import { addPersona, updatePersona } from '../../src/model/ops';
import { avatarInk, layoutPersonaHeader, PERSONA_HEADER, personaInitials } from '../../src/model/personaHeader';
import { createMapFromTemplate, instantiateTemplate } from '../../src/model/templates';
import type { Persona } from '../../src/model/types';
import { parseMapFile, serializeMap } from '../../src/schema';

const persona = (n: number): Persona => ({ id: `p${n}`, name: `Person ${n}`, role: '', age: '', quote: '', goals: [], frustrations: [], color: '#7c3aed', order: `a${n}`, libraryId: null });

describe('the persona header layout', () => {
  it('is absent for a map without personas: no empty band', () => {
    expect(layoutPersonaHeader([], 8)).toBeNull();
  });

  it('lies above the grid, so stages, lanes and cards keep their places', () => {
    const header = layoutPersonaHeader([persona(1), persona(2)], 8)!;
    expect(header.top).toBe(-header.height);
    for (const card of header.cards) expect(card.y + card.height).toBeLessThanOrEqual(-PERSONA_HEADER.marginBottom);
    expect(header.cards.map((c) => c.persona.id)).toEqual(['p1', 'p2']);
  });

  it('puts as many cards in a row as the stages give room for, then starts a new row', () => {
    const header = layoutPersonaHeader([1, 2, 3, 4, 5].map(persona), 4)!;
    const rows = new Set(header.cards.map((c) => c.y));
    expect(rows.size).toBe(3);
    const right = Math.max(...header.cards.map((c) => c.x + c.width));
    const grid = layoutJourney({ ...instantiateTemplate('blank', 'en'), stages: [] });
    expect(right).toBeLessThanOrEqual(grid.width + 4 * 264);
    // no two cards overlap
    for (const a of header.cards)
      for (const b of header.cards)
        if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
  });

  it('one card per row on a map of one stage', () => {
    const header = layoutPersonaHeader([persona(1), persona(2)], 1)!;
    expect(header.cards[0]!.x).toBe(header.cards[1]!.x);
    expect(header.cards[1]!.y).toBeGreaterThan(header.cards[0]!.y);
  });
});

describe('a persona avatar', () => {
  it('shows the first letters of the first and last name', () => {
    expect(personaInitials('Julia Berger')).toBe('JB');
    expect(personaInitials('  anna  maria  von  stein ')).toBe('AS');
    expect(personaInitials('Cher')).toBe('C');
    expect(personaInitials('Özlem Çelik')).toBe('ÖÇ');
    expect(personaInitials('')).toBe('?');
  });

  it('writes dark on light colours and white on dark ones', () => {
    expect(avatarInk('#fde68a')).toBe('#0f172a');
    expect(avatarInk('#7c3aed')).toBe('#ffffff');
    expect(avatarInk('#fff')).toBe('#0f172a');
    expect(avatarInk('red" onload="x')).toBe('#ffffff');
  });
});

describe("a persona's age", () => {
  it('is kept as typed and clamped to its limit', () => {
    const doc = new Y.Doc();
    addPersona(doc, { id: 'p', name: 'Alex', age: '35–45' });
    expect(readJourney(doc).personas[0]!.age).toBe('35–45');
    updatePersona(doc, 'p', { age: 'x'.repeat(LIMITS.personaAge + 10) });
    expect(readJourney(doc).personas[0]!.age).toHaveLength(LIMITS.personaAge);
  });

  it('is empty for a persona of a file written before ages existed', () => {
    const file = JSON.parse(serializeMap(createMapFromTemplate('retail', 'en')));
    for (const p of file.journey.personas) delete p.age;
    const result = parseMapFile(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (result.ok) expect(readJourney(result.doc).personas.map((p) => p.age)).toEqual(['', '']);
  });

  it('travels through a map file', () => {
    const result = parseMapFile(serializeMap(createMapFromTemplate('retail', 'en')));
    expect(result.ok && readJourney(result.doc).personas.map((p) => p.age)).toEqual(['41', '23']);
  });
});

describe('the persona row of an image export', () => {
  const i18n = createI18n('en');
  const t: Translate = (key, options) => String(i18n.t(key, options as never));

  it('shows each persona above the phase bands, with initials, name, age and quote', () => {
    const scene = renderJourneyScene(instantiateTemplate('retail', 'en'), { t, date: new Date(0) });
    const texts = scene.shapes.flatMap((s) => (s.kind === 'text' ? [s] : []));
    const at = (text: string) => texts.find((s) => s.text === text || s.text.startsWith(text));
    const phase = at('PRE-PURCHASE')!;
    for (const text of ['PERSONAS', 'JB', 'Julia Berger', 'Age 41', 'CD', 'Can Demir', 'Age 23', '“I read reviews']) {
      expect(at(text), text).toBeDefined();
      expect(at(text)!.y, text).toBeLessThan(phase.y);
    }
  });

  it('leaves the picture as it was for a map without personas', () => {
    const scene = renderJourneyScene(instantiateTemplate('blank', 'en'), { t, date: new Date(0) });
    expect(scene.shapes.some((s) => s.kind === 'text' && s.text === 'PERSONAS')).toBe(false);
  });
});

describe('the view when the side panel is hidden or shown', () => {
  const layout = layoutJourney(readJourney(createMapFromTemplate('retail', 'en')));
  const fitted = (pane: { width: number; height: number }) => fitViewport(layout, pane);
  const narrow = { width: 680, height: 700 };
  const wide = { width: 1020, height: 700 };

  it('a fitted map is fitted again to the new size', () => {
    expect(viewAfterPaneResize(fitted(narrow), narrow, wide, fitted)).toEqual(fitted(wide));
  });

  it('a view the user zoomed keeps its zoom and its centre', () => {
    const view = { x: -900, y: -300, zoom: 1.4 };
    const after = viewAfterPaneResize(view, narrow, wide, fitted)!;
    expect(after.zoom).toBe(1.4);
    const centre = (v: typeof view, pane: typeof narrow) => ({ x: (pane.width / 2 - v.x) / v.zoom, y: (pane.height / 2 - v.y) / v.zoom });
    expect(centre(after, wide)).toEqual(centre(view, narrow));
  });

  it('while the editor opens, a restored view stays where it was left', () => {
    expect(viewAfterPaneResize({ x: -900, y: -300, zoom: 1.4 }, narrow, wide, fitted, { keepUnfitted: true })).toBeNull();
  });

  it('fit leaves room above the grid for the persona header', () => {
    const header = layoutPersonaHeader(readJourney(createMapFromTemplate('retail', 'en')).personas, 8)!;
    const view = fitViewport(layout, wide, header.top);
    expect(header.top * view.zoom + view.y).toBeGreaterThanOrEqual(0);
    const bottom = (layout.height + 52) * view.zoom + view.y;
    expect(bottom).toBeLessThanOrEqual(wide.height);
  });
});
