import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createI18n } from '../../src/i18n';
import { readJourney } from '../../src/model/doc';
import { updateCard } from '../../src/model/ops';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { Inspector } from '../../src/panels/Inspector';
import { useEditor } from '../../src/store/editorStore';

/*
 * The inspector of a pain point or an opportunity: its status and owner, which the space's
 * opportunity board lists. Editors get a select and a text box; view and comment links read
 * them as text; cards of other lanes show neither.
 */

const editor = () => useEditor.getState();

/** A server render reads the store's initial state: render the current one instead, for this call. */
function render(element: ReactElement, language: 'en' | 'de' = 'en'): string {
  const saved = { ...useEditor.getInitialState() };
  Object.assign(useEditor.getInitialState(), useEditor.getState());
  try {
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, element));
  } finally {
    Object.assign(useEditor.getInitialState(), saved);
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
