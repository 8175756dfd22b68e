import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { Breadcrumb } from '../../src/app/Breadcrumb';
import { CardDrillDown, StageDrillDown } from '../../src/canvas/nodes/DrillDown';
import { createI18n } from '../../src/i18n';
import { emotionColor } from '../../src/model/emotionScale';
import { setStageDetailMap } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { StageInspector } from '../../src/panels/StageInspector';
import { setDetailMapChoices, useDetailMapChoices, type DetailMapSummary } from '../../src/store/detailMapChoices';
import { useDrillTrail } from '../../src/store/drillTrail';
import { useEditor } from '../../src/store/editorStore';
import * as Y from 'yjs';

/*
 * What a CX lead reads on a stage or card that drills down, in the inspector's choice and in the
 * breadcrumb: the detailed map's title as text (a peer wrote it), its card count and feeling, in
 * English and German.
 */

const HOSTILE = '<img src=x onerror=alert(1)>Checkout';

/** A server render reads the stores' initial state: render the current one instead, for this call. */
function render(element: ReactElement, language: 'en' | 'de' = 'en'): string {
  const stores = [useEditor, useDetailMapChoices, useDrillTrail] as const;
  const saved = stores.map((store) => ({ ...store.getInitialState() }));
  stores.forEach((store) => Object.assign(store.getInitialState(), store.getState()));
  try {
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, element));
  } finally {
    stores.forEach((store, i) => Object.assign(store.getInitialState(), saved[i]));
  }
}

function spaceWith(...maps: DetailMapSummary[]) {
  setDetailMapChoices(
    maps.filter((m) => !m.archived).map((m) => ({ id: m.id, title: m.title })),
    { spaceId: 'space-1', summaries: new Map(maps.map((m) => [m.id, m])) },
  );
}

const detail = (extra: Partial<DetailMapSummary> = {}): DetailMapSummary => ({ id: 'checkout-detail', title: 'Checkout in detail', stageCount: 5, cardCount: 12, emotion: -1.2, archived: false, ...extra });

afterEach(() => {
  setDetailMapChoices(null);
  useDrillTrail.setState({ trail: null });
  useEditor.getState().closeSession();
});

describe('a stage that drills down', () => {
  it('shows the detailed map’s title as text, its card count and its feeling in the scale’s colour', () => {
    spaceWith(detail({ title: HOSTILE }));
    const html = render(createElement(StageDrillDown, { stageId: 's1', mapId: 'checkout-detail' }));
    expect(html).toContain('<button');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Checkout');
    expect(html).toContain('>12 cards<');
    expect(html).toContain('data-score="-1.2"');
    expect(html).toContain(`color:${emotionColor(-1.2)}`);
    expect(html).toContain('aria-label="Open the detail map “&lt;img src=x onerror=alert(1)&gt;Checkout”: 12 cards, feels slightly negative (-1.2) on average"');
  });

  it('says so when nobody scored the detailed map’s feelings, and speaks German', () => {
    spaceWith(detail({ emotion: null, cardCount: 1 }));
    const html = render(createElement(StageDrillDown, { stageId: 's1', mapId: 'checkout-detail' }), 'de');
    expect(html).not.toContain('data-testid="stage-drill-emotion"');
    expect(html).toContain('>1 Karte<');
    expect(html).toContain('aria-label="Detail-Map „Checkout in detail“ öffnen: 1 Karte, noch keine Gefühle bewertet"');
  });

  it('opens nothing when the map it names is not in the open map’s space', () => {
    spaceWith(detail());
    const html = render(createElement(StageDrillDown, { stageId: 's1', mapId: 'gone-map' }));
    expect(html).not.toContain('<button');
    expect(html).toContain('Detail map not in this team space');
    setDetailMapChoices(null);
    expect(render(createElement(CardDrillDown, { cardId: 'c1', mapId: 'checkout-detail' }))).not.toContain('<button');
  });
});

describe('a card that drills down', () => {
  it('carries a small button named for the detailed map', () => {
    spaceWith(detail({ title: HOSTILE }));
    const html = render(createElement(CardDrillDown, { cardId: 'c1', mapId: 'checkout-detail' }));
    expect(html).toContain('<button');
    expect(html).toContain('aria-label="Open the detail map “&lt;img src=x onerror=alert(1)&gt;Checkout”"');
    expect(html).not.toContain('<img');
  });
});

describe('the stage inspector’s choice', () => {
  it('still names a linked map archived since, though it no longer offers it', () => {
    const doc = createMapFromTemplate('retail', 'en');
    useEditor.getState().openSession({ mapId: 'overview-map', doc, undo: createUndoManager(doc), feedback: new Y.Doc() });
    const stage = useEditor.getState().journey!.stages[0]!;
    setStageDetailMap(doc, stage.id, 'checkout-detail');
    spaceWith(detail({ archived: true }), detail({ id: 'returns-detail', title: 'Returns in detail' }));
    const html = render(createElement(StageInspector, { stageId: stage.id }));
    expect(html).toContain('<option value="checkout-detail" selected="">Checkout in detail (archived)</option>');
    expect(html).toContain('<option value="returns-detail">Returns in detail</option>');
  });
});

describe('the breadcrumb', () => {
  it('names the map one level up as text, its current title first, and links back to it', () => {
    spaceWith(detail({ id: 'overview-map', title: 'Renamed overview' }));
    useDrillTrail.setState({ trail: { at: 'checkout-detail', parents: [{ id: 'overview-map', title: HOSTILE }] } });
    const html = render(createElement(Breadcrumb));
    expect(html).toContain('href="/map/overview-map"');
    expect(html).toContain('>Renamed overview<');
    expect(html).toContain('aria-label="Back to “Renamed overview”"');
  });

  it('shows the title it was left with when the index does not know the map, and counts the levels above', () => {
    useDrillTrail.setState({ trail: { at: 'c', parents: [{ id: 'top-map', title: 'Top' }, { id: 'mid-map', title: HOSTILE }] } });
    const html = render(createElement(Breadcrumb), 'de');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;Checkout');
    expect(html).toContain('1 Stufe darüber');
  });

  it('is not there without a trail', () => {
    expect(render(createElement(Breadcrumb))).toBe('');
  });
});
