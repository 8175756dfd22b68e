import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createI18n } from '../../src/i18n';
import { addComment, readThreads, setCommentResolved } from '../../src/model';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { CardCommentBadge } from '../../src/canvas/nodes/CardCommentBadge';
import { CommentsPanel } from '../../src/panels/comments/CommentsPanel';
import { groupThreadsByCard, splitResolved, commentToSend } from '../../src/panels/comments/threads';
import { useCommentsRead } from '../../src/store/commentsRead';
import { useEditor } from '../../src/store/editorStore';
import { useObservationRequest } from '../../src/store/observationRequest';
import { runAction } from '../../src/actions';
import { OWNER } from '../support/actors';

const editor = () => useEditor.getState();
const readAll = (doc: Y.Doc) => readThreads(doc);
const ME = { id: 'me-identity-0001', name: 'Mia', color: '#2563eb' };
const ANN = { id: 'ann-identity-001', name: 'Ann Lee', color: '#dc2626' };

/** A server render reads each zustand store's initial state: render the current one instead, for this call. */
function withCurrentState<T>(stores: { getState(): object; getInitialState(): object }[], fn: () => T): T {
  const saved = stores.map((store) => ({ ...store.getInitialState() }));
  stores.forEach((store) => Object.assign(store.getInitialState(), store.getState()));
  try {
    return fn();
  } finally {
    stores.forEach((store, i) => Object.assign(store.getInitialState(), saved[i]));
  }
}

function render(element: ReactElement, language: 'en' | 'de' = 'en'): string {
  return withCurrentState([useEditor, useCommentsRead], () =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(language) }, element)),
  );
}

function openMap() {
  const doc = createMapFromTemplate('retail', 'en');
  const feedback = new Y.Doc();
  editor().closeSession();
  editor().setIdentity(ME);
  editor().openSession({ mapId: 'map-comments', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback });
  const cards = editor().journey!.cards;
  return { feedback, first: cards[0]!, second: cards[1]! };
}

beforeEach(() => useCommentsRead.setState({ byMap: new Map() }));
afterEach(() => {
  editor().setCollab(null);
  editor().closeSession();
});

describe('the comments panel', () => {
  it('shows a hostile comment as text, never as markup, with the mention of me marked', () => {
    const { feedback, first } = openMap();
    addComment(feedback, OWNER, {
      cardId: first.id,
      author: '<img src=x onerror=alert(1)>',
      authorId: ANN.id,
      text: '<script>alert(1)</script> @Mia look',
      mentions: [ME.id],
      at: '2025-03-01T10:00:00.000Z',
    });
    editor().selectCards([first.id]);
    editor().setPanel('comments');
    const html = render(createElement(CommentsPanel));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<span class="cm-mention is-me">@Mia<\/span>/);
    expect(html).toContain('mentions you');
    expect(html).toContain('Comments on ');
    expect(html).toContain('Add a comment…');
  });

  it('a view link shows the threads without the composer or the resolve button', () => {
    const { feedback, first } = openMap();
    addComment(feedback, OWNER, { cardId: first.id, author: ANN.name, authorId: ANN.id, text: 'hello', at: '2025-03-01T10:00:00.000Z' });
    editor().setCollab({ status: 'synced', role: 'view', peers: [] });
    editor().selectCards([first.id]);
    const html = render(createElement(CommentsPanel));
    expect(html).toContain('hello');
    expect(html).not.toContain('Add a comment…');
    expect(html).not.toContain('>Resolve<');
    expect(html).toContain('read comments but not write them');
  });

  it('a participant may edit and delete their own comments only; the owner may delete anyone’s but edit only their own', () => {
    const { feedback, first } = openMap();
    addComment(feedback, OWNER, { cardId: first.id, author: ANN.name, authorId: ANN.id, text: 'by Ann', at: '2025-03-01T10:00:00.000Z' });
    addComment(feedback, OWNER, { cardId: first.id, author: ME.name, authorId: ME.id, text: 'by me', at: '2025-03-01T10:01:00.000Z' });
    // a comment under an id from before identity secrets: nobody can prove it any more
    addComment(feedback, OWNER, { cardId: first.id, author: 'Old Me', authorId: '0123456789abcdef01234567', text: 'from before', at: '2025-03-01T10:02:00.000Z' });
    editor().selectCards([first.id]);
    const tools = (html: string) => {
      const out: Record<string, { edit: boolean; delete: boolean }> = {};
      for (const part of html.split(/class="cm-comment(?=[ "])/).slice(1)) {
        const text = /<p class="cm-text">([^<]*)/.exec(part)?.[1] ?? '?';
        out[text] = { edit: part.includes('aria-label="Edit comment"'), delete: part.includes('aria-label="Delete comment"') };
      }
      return out;
    };

    editor().setCollab({ status: 'synced', role: 'comment', peers: [] });
    expect(tools(render(createElement(CommentsPanel)))).toEqual({
      'by Ann': { edit: false, delete: false },
      'by me': { edit: true, delete: true },
      'from before': { edit: false, delete: false },
    });

    editor().setCollab({ status: 'synced', role: 'owner', peers: [] });
    expect(tools(render(createElement(CommentsPanel)))).toEqual({
      'by Ann': { edit: false, delete: true },
      'by me': { edit: true, delete: true },
      'from before': { edit: false, delete: true },
    });
  });

  it('an observation shows its badge to everyone; only someone who may edit the map is offered to keep it as evidence', () => {
    const { feedback, first } = openMap();
    addComment(feedback, OWNER, { cardId: first.id, author: ANN.name, authorId: ANN.id, text: 'Left the queue', at: '2025-03-01T10:00:00.000Z', observation: true });
    addComment(feedback, OWNER, { cardId: first.id, author: ANN.name, authorId: ANN.id, text: 'Just a question', at: '2025-03-01T10:01:00.000Z' });
    editor().selectCards([first.id]);
    editor().setPanel('comments');
    const keepOffered = (html: string) => (html.match(/Keep as evidence/g) ?? []).length;
    const badges = (html: string) => (html.match(/class="cm-observation-badge"/g) ?? []).length;
    for (const [role, keeps] of [['view', 0], ['comment', 0], ['edit', 1], ['owner', 1]] as const) {
      editor().setCollab({ status: 'synced', role, peers: [] });
      const html = render(createElement(CommentsPanel));
      expect(badges(html), role).toBe(1);
      expect(keepOffered(html), role).toBe(keeps);
      // anyone who may comment may offer an observation
      expect(html.includes('role="switch"') && html.includes('>Observation<'), role).toBe(role !== 'view');
    }
    // locked for the workshop, an edit link keeps nothing in the map
    editor().setCollab({ status: 'synced', role: 'edit', peers: [] });
    editor().setContentLocked(true);
    expect(keepOffered(render(createElement(CommentsPanel)))).toBe(0);
    editor().setContentLocked(false);
    // in German
    editor().setCollab({ status: 'synced', role: 'owner', peers: [] });
    const de = render(createElement(CommentsPanel), 'de');
    expect(de).toContain('Beobachtung');
    expect(de).toContain('Als Beleg übernehmen');
  });

  it('"Add an observation on card" opens that card’s comment box as an observation, for a comment link too; not for a view link', () => {
    const { first, second } = openMap();
    editor().setCollab({ status: 'synced', role: 'view', peers: [] });
    expect(runAction('workshop.observe', { target: { kind: 'card', id: first.id } })).toBe(false);
    editor().setCollab({ status: 'synced', role: 'comment', peers: [] });
    expect(runAction('workshop.observe', { target: { kind: 'card', id: second.id } })).toBe(true);
    expect(editor().selectedCardIds).toEqual([second.id]);
    expect(editor().panel).toBe('comments');
    expect(editor().composeFor).toBe(second.id);
    const html = render(createElement(CommentsPanel));
    expect(html).toContain('aria-label="New observation"');
    expect(html).toMatch(/role="switch"[^>]*checked=""/);
    expect(html).toContain('Add observation');
    useObservationRequest.getState().served();
    editor().setComposeFor(null);
  });

  it('without a single card selected, lists the open threads by card, in German too', () => {
    const { feedback, first, second } = openMap();
    addComment(feedback, OWNER, { cardId: second.id, author: ANN.name, authorId: ANN.id, text: 'on the second', at: '2025-03-01T10:00:00.000Z' });
    const done = addComment(feedback, OWNER, { cardId: first.id, author: ANN.name, authorId: ANN.id, text: 'done already', at: '2025-03-01T10:01:00.000Z' });
    setCommentResolved(feedback, done, true);
    const html = render(createElement(CommentsPanel), 'de');
    expect(html).toContain('Offene Kommentare');
    expect(html).toContain('on the second');
    expect(html).not.toContain('done already');
    expect(html).toContain('Erledigte anzeigen');
  });
});

describe('the card badge', () => {
  it('draws nothing for a card without threads, the open count otherwise, and says when it is unread', () => {
    const { feedback, first, second } = openMap();
    expect(render(createElement(CardCommentBadge, { cardId: first.id }))).toBe('');
    addComment(feedback, OWNER, { cardId: first.id, author: ANN.name, authorId: ANN.id, text: 'a', at: '2025-03-01T10:00:00.000Z' });
    addComment(feedback, OWNER, { cardId: second.id, author: ME.name, authorId: ME.id, text: 'mine', at: '2025-03-01T10:00:00.000Z' });
    const unread = render(createElement(CardCommentBadge, { cardId: first.id }));
    expect(unread).toContain('is-unread');
    expect(unread).toContain('1 open comment thread, unread');
    const read = render(createElement(CardCommentBadge, { cardId: second.id }));
    expect(read).not.toContain('is-unread');
    expect(read).toContain('1 open comment thread');
  });
});

describe('panel helpers', () => {
  it('groups threads by card in map order, removed cards last, resolved ones only on request', () => {
    const doc = new Y.Doc();
    const at = (m: number) => `2025-03-01T10:0${m}:00.000Z`;
    addComment(doc, OWNER, { cardId: 'gone', author: 'A', text: 'orphan', at: at(0) });
    addComment(doc, OWNER, { cardId: 'c2', author: 'A', text: 'two', at: at(1) });
    const r = addComment(doc, OWNER, { cardId: 'c1', author: 'A', text: 'one', at: at(2) });
    setCommentResolved(doc, r, true);
    const journey = {
      cards: [
        { id: 'c1', title: 'First', stageId: 's', laneId: 'l' },
        { id: 'c2', title: 'Second', stageId: 's', laneId: 'l' },
      ],
      stages: [{ id: 's', name: 'Buy' }],
      lanes: [{ id: 'l', name: 'Actions' }],
    } as unknown as Parameters<typeof groupThreadsByCard>[1];
    const all = groupThreadsByCard(readAll(doc), journey, true);
    expect(all.map((g) => [g.cardId, g.card?.title ?? null, g.card?.stageName ?? null])).toEqual([
      ['c1', 'First', 'Buy'],
      ['c2', 'Second', 'Buy'],
      ['gone', null, null],
    ]);
    expect(groupThreadsByCard(readAll(doc), journey, false).map((g) => g.cardId)).toEqual(['c2', 'gone']);
    const { open, resolved } = splitResolved(readAll(doc));
    expect([open.length, resolved.length]).toEqual([2, 1]);
  });

  it('sends trimmed text, nothing for blank text, and never more than the limit', () => {
    expect(commentToSend('  hi \n', 10)).toBe('hi');
    expect(commentToSend(' \n\t ', 10)).toBeNull();
    expect(commentToSend('x'.repeat(20), 10)).toHaveLength(10);
  });
});
