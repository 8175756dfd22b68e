import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createI18n } from '../../src/i18n';
import { readJourney } from '../../src/model/doc';
import { setStageDetailMap, updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { Inspector } from '../../src/panels/Inspector';
import { StageInspector } from '../../src/panels/StageInspector';
import { setDetailMapChoices, useDetailMapChoices } from '../../src/store/detailMapChoices';
import { useEditor } from '../../src/store/editorStore';

/*
 * The inspector of a pain point or an opportunity: its status and owner, which the space's
 * opportunity board lists. Editors get a select and a text box; view and comment links read
 * them as text; cards of other lanes show neither.
 */

const editor = () => useEditor.getState();

/** A server render reads the store's initial state: render the current one instead, for this call. */
function render(element: ReactElement, language: 'en' | 'de' = 'en'): string {
  const stores = [useEditor, useDetailMapChoices] as const;
  const saved = stores.map((store) => ({ ...store.getInitialState() }));
  stores.forEach((store) => Object.assign(store.getInitialState(), store.getState()));
  try {
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, element));
  } finally {
    stores.forEach((store, i) => Object.assign(store.getInitialState(), saved[i]));
  }
}

function openWith(kind: 'pains' | 'opportunities' | 'actions', locale: 'en' | 'de' = 'en') {
  const doc = createMapFromTemplate('retail', locale);
  const journey = readJourney(doc);
  const card = journey.cards.find((c) => journey.lanes.find((l) => l.id === c.laneId)!.kind === kind)!;
  updateCard(doc, card.id, { status: 'inProgress', owner: '<b>Team Kasse</b>' });
  editor().closeSession();
  editor().openSession({ mapId: 'map-opportunity-ui', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
  editor().selectCards([card.id]);
  return card.id;
}

afterEach(() => {
  editor().setCollab(null);
  editor().closeSession();
});

describe('a pain point’s inspector', () => {
  it('has a status choice (none, idea, planned, in progress, done) and an owner box, filled from the card', () => {
    openWith('pains');
    const html = render(createElement(Inspector));
    expect(html).toContain('>Status</label>');
    expect(html).toMatch(/<option value="">No status<\/option><option value="idea">Idea<\/option><option value="planned">Planned<\/option><option value="inProgress" selected="">In progress<\/option><option value="done">Done<\/option>/);
    expect(html).toContain('>Owner</label>');
    expect(html).toContain('value="&lt;b&gt;Team Kasse&lt;/b&gt;"');
    expect(html).not.toContain('<b>Team Kasse</b>');
  });

  it('speaks German: Idee, Geplant, In Arbeit, Erledigt and Verantwortlich', () => {
    openWith('opportunities', 'de');
    const html = render(createElement(Inspector), 'de');
    for (const word of ['Kein Status', 'Idee', 'Geplant', 'In Arbeit', 'Erledigt', '>Verantwortlich</label>']) expect(html).toContain(word);
  });

  it('is read as text on a view link: the status in words and the owner, no field to type into', () => {
    openWith('pains');
    editor().setCollab({ status: 'synced', role: 'view', peers: [] });
    const html = render(createElement(Inspector));
    expect(html).not.toContain('<select');
    expect(html).toMatch(/<dt>Status<\/dt><dd data-status="inProgress">In progress<\/dd>/);
    expect(html).toContain('<dt>Owner</dt><dd>&lt;b&gt;Team Kasse&lt;/b&gt;</dd>');
  });
});

describe('a card in another lane', () => {
  it('shows neither status nor owner, even when it holds them', () => {
    openWith('actions');
    expect(render(createElement(Inspector))).not.toContain('>Status</label>');
    editor().setCollab({ status: 'synced', role: 'view', peers: [] });
    const read = render(createElement(Inspector));
    expect(read).not.toContain('<dt>Status</dt>');
    expect(read).not.toContain('<dt>Owner</dt>');
  });
});

describe('drilling down from a card or a stage', () => {
  afterEach(() => setDetailMapChoices(null));

  it('offers nothing on a map in no team space, until a link exists', () => {
    const cardId = openWith('actions');
    expect(render(createElement(Inspector))).not.toContain('data-testid="detail-map"');
    updateCard(editor().session!.doc, cardId, { detailMapId: 'from-a-file' });
    const html = render(createElement(Inspector));
    expect(html).toContain('data-testid="detail-map"');
    expect(html).toContain('<option value="from-a-file" selected="">A map not in this team space</option>');
  });

  it('lists the space’s other maps by title, as text, never the open map itself', () => {
    openWith('pains');
    setDetailMapChoices([
      { id: 'map-opportunity-ui', title: 'This very map' },
      { id: 'checkout-detail', title: '<img src=x onerror=alert(1)>Checkout in detail' },
      { id: 'returns-detail', title: '' },
    ]);
    const html = render(createElement(Inspector));
    expect(html).toContain('>Detailed in map</label>');
    expect(html).not.toContain('This very map');
    expect(html).toContain('<option value="checkout-detail">&lt;img src=x onerror=alert(1)&gt;Checkout in detail</option>');
    expect(html).toContain('<option value="returns-detail">Untitled map</option>');
    expect(html).not.toContain('<img');
  });

  it('shows a stage’s detail map to a view link as its title, in German too', () => {
    openWith('pains', 'de');
    const stage = editor().journey!.stages[1]!;
    setStageDetailMap(editor().session!.doc, stage.id, 'checkout-detail');
    setDetailMapChoices([{ id: 'checkout-detail', title: 'Kasse im Detail' }]);
    editor().setCollab({ status: 'synced', role: 'view', peers: [] });
    const html = render(createElement(StageInspector, { stageId: stage.id }), 'de');
    expect(html).toContain('<dt>Im Detail in Map</dt><dd>Kasse im Detail</dd>');
  });
});

describe('several selected cards', () => {
  it('get one status choice when all are pain points or opportunities, "Mixed" while they differ', () => {
    openWith('pains');
    const journey = editor().journey!;
    const kindOf = (laneId: string) => journey.lanes.find((l) => l.id === laneId)!.kind;
    const tracked = journey.cards.filter((c) => kindOf(c.laneId) === 'pains' || kindOf(c.laneId) === 'opportunities').slice(0, 3);
    editor().selectCards(tracked.map((c) => c.id));
    const html = render(createElement(Inspector));
    expect(html).toContain('>Status</label>');
    expect(html).toMatch(/<option value="__mixed" disabled="" selected="">Mixed<\/option>/);
  });

  it('get none when one of them is in another lane', () => {
    openWith('pains');
    const journey = editor().journey!;
    const action = journey.cards.find((c) => journey.lanes.find((l) => l.id === c.laneId)!.kind === 'actions')!;
    editor().selectCards([...editor().selectedCardIds, action.id]);
    expect(render(createElement(Inspector))).not.toContain('>Status</label>');
  });
});
