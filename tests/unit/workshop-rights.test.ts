import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { useEditor, type EditorState } from '../../src/store/editorStore';
import type { Role } from '../../src/access/roles';

/* What each kind of link may do in a workshop, as the editor store derives it from the role and the lock. */

const editor = () => useEditor.getState();

function openRetail() {
  const doc = createMapFromTemplate('retail', 'en');
  editor().openSession({ mapId: 'map-under-test', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
  return doc;
}

const joinAs = (role: Role) => editor().setCollab({ status: 'synced', role, peers: [] });

type Rights = Pick<EditorState, 'readOnly' | 'canGiveFeedback' | 'facilitator'>;
const rights = (): Rights => {
  const { readOnly, canGiveFeedback, facilitator } = editor();
  return { readOnly, canGiveFeedback, facilitator };
};

const firstCardId = () => editor().journey!.cards[0]!.id;

beforeEach(() => {
  editor().closeSession();
  editor().setCollab(null);
  editor().setContentLocked(false);
  openRetail();
});

describe('what a link lets its holder do', () => {
  it('a private map is its owner’s: editable and facilitated', () => {
    expect(editor().collab).toBeNull();
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: true });
  });

  it('a private map stays editable even while marked locked (nobody else is there to lock it for)', () => {
    editor().setContentLocked(true);
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: true });
  });

  it('the owner of a shared map can edit, comment, vote and facilitate', () => {
    joinAs('owner');
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: true });
  });

  it('an edit link can change the map and give feedback, but does not run the workshop', () => {
    joinAs('edit');
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: false });
  });

  it('a comment link cannot change the map but can comment and vote', () => {
    joinAs('comment');
    expect(rights()).toEqual({ readOnly: true, canGiveFeedback: true, facilitator: false });
  });

  it('a view link can do neither', () => {
    joinAs('view');
    expect(rights()).toEqual({ readOnly: true, canGiveFeedback: false, facilitator: false });
  });

  it('leaving the shared room makes the map its owner’s again', () => {
    joinAs('view');
    editor().setCollab(null);
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: true });
  });
});

describe('the owner locking the content for the workshop', () => {
  it('an edit link becomes read-only while the owner locks the content, and editable again after', () => {
    joinAs('edit');
    editor().setContentLocked(true);
    expect(editor().contentLocked).toBe(true);
    expect(rights()).toEqual({ readOnly: true, canGiveFeedback: true, facilitator: false });
    editor().setContentLocked(false);
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: false });
  });

  it('the owner stays a facilitator and can edit while locked', () => {
    joinAs('owner');
    editor().setContentLocked(true);
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: true });
  });

  it('a comment link stays read-only and a view link stays silent whether or not the content is locked', () => {
    for (const locked of [true, false]) {
      editor().setContentLocked(locked);
      joinAs('comment');
      expect(rights()).toEqual({ readOnly: true, canGiveFeedback: true, facilitator: false });
      joinAs('view');
      expect(rights()).toEqual({ readOnly: true, canGiveFeedback: false, facilitator: false });
    }
  });

  it('a lock that arrives before the role is known still applies once the edit link is joined', () => {
    editor().setContentLocked(true);
    joinAs('edit');
    expect(rights().readOnly).toBe(true);
  });

  it('locking stops an edit link’s in-place editing and half-drawn link', () => {
    joinAs('edit');
    editor().startEditing({ kind: 'card', id: firstCardId() });
    editor().setLinkFrom(firstCardId());
    expect(editor().editing).not.toBeNull();
    expect(editor().linkFrom).toBe(firstCardId());
    editor().setContentLocked(true);
    expect(editor().editing).toBeNull();
    expect(editor().linkFrom).toBeNull();
  });

  it('locking leaves the owner’s in-place editing alone', () => {
    joinAs('owner');
    editor().startEditing({ kind: 'card', id: firstCardId() });
    editor().setContentLocked(true);
    expect(editor().editing).toEqual({ kind: 'card', id: firstCardId() });
  });

  it('a read-only link cannot start editing a card in place or start a link', () => {
    joinAs('comment');
    editor().startEditing({ kind: 'card', id: firstCardId() });
    editor().setLinkFrom(firstCardId());
    expect(editor().editing).toBeNull();
    expect(editor().linkFrom).toBeNull();
  });

  it('being downgraded to a view link stops in-place editing', () => {
    joinAs('edit');
    editor().startEditing({ kind: 'card', id: firstCardId() });
    joinAs('view');
    expect(editor().editing).toBeNull();
  });
});

describe('rights across reopening the map', () => {
  it('a role and lock set before the map opens apply to the opened map', () => {
    editor().closeSession();
    joinAs('edit');
    editor().setContentLocked(true);
    openRetail();
    expect(rights()).toEqual({ readOnly: true, canGiveFeedback: true, facilitator: false });
  });

  it('closing the map forgets the shared role and the lock', () => {
    joinAs('comment');
    editor().setContentLocked(true);
    editor().closeSession();
    expect(editor().collab).toBeNull();
    expect(editor().contentLocked).toBe(false);
    expect(rights()).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: true });
  });
});
