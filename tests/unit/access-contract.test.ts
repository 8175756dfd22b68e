import fc from 'fast-check';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isFeedbackRoom } from '../../server/feedbackRules.mjs';
import { isMapId, MAP_ID_MAX_LENGTH } from '../../src/access/mapId';
import { isFacilitator, LINK_ROLES, mayWrite, RIGHTS, ROLES, writeRefusal, type Role, type RoomKind } from '../../src/access/roles';
import { accessKey, feedbackRoom, REGISTRATION_ID_LENGTH, registrationKey, registrationOf, roomName } from '../../src/access/rooms';
import { accessPath, linkPath, linksPath, lockPath, ownerRotatePath, mapPath, parseApiPath, parseMapPath, parseSyncPath, presentPath, syncPath } from '../../src/access/routes';
import { parseRoute } from '../../src/app/router';
import { newId, newMapId } from '../../src/model/ids';
import { createMapFromTemplate } from '../../src/model/templates';
import { createUndoManager } from '../../src/model/undo';
import { idSchema } from '../../src/schema/v1';
import { useEditor } from '../../src/store/editorStore';
import { shareLink } from '../../src/sync/shares';

/*
 * The access contract (src/access) is what the relay enforces and the app follows. These tests
 * pin it down as tables, and check that what the client builds is what the server parses.
 */

type Refusal = ReturnType<typeof writeRefusal>;
/** role → [map room unlocked, map room locked, feedback room unlocked, feedback room locked] */
const WRITES: Record<Role, [Refusal, Refusal, Refusal, Refusal]> = {
  owner: [null, null, null, null],
  edit: [null, 'locked', null, null],
  comment: ['read-only', 'read-only', null, null],
  view: ['read-only', 'read-only', 'read-only', 'read-only'],
};

const CASES: [RoomKind, boolean][] = [
  ['map', false],
  ['map', true],
  ['feedback', false],
  ['feedback', true],
];

describe('rights per room', () => {
  it.each(ROLES)('%s writes the rooms as the table says', (role) => {
    expect(CASES.map(([room, locked]) => writeRefusal(role, room, locked))).toEqual(WRITES[role]);
    expect(CASES.map(([room, locked]) => mayWrite(role, room, locked))).toEqual(WRITES[role].map((r) => r === null));
  });

  it('the owner alone is the facilitator, and every role but the owner is a link', () => {
    expect(ROLES.filter(isFacilitator)).toEqual(['owner']);
    expect([...LINK_ROLES]).toEqual(ROLES.filter((r) => r !== 'owner'));
    expect(Object.keys(RIGHTS).sort()).toEqual([...ROLES].sort());
  });

  describe('the editor follows the same rights', () => {
    afterEach(() => {
      useEditor.getState().closeSession();
      useEditor.getState().setCollab(null);
      useEditor.getState().setContentLocked(false);
    });

    it.each(ROLES)('as %s, locked or not', (role) => {
      const doc = createMapFromTemplate('retail', 'en');
      const editor = useEditor.getState();
      editor.openSession({ mapId: 'contract', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
      editor.setCollab({ status: 'synced', role, peers: [] });
      for (const locked of [false, true]) {
        useEditor.getState().setContentLocked(locked);
        const { readOnly, canGiveFeedback, facilitator } = useEditor.getState();
        expect({ readOnly, canGiveFeedback, facilitator }).toEqual({
          readOnly: writeRefusal(role, 'map', locked) !== null,
          canGiveFeedback: writeRefusal(role, 'feedback', locked) === null,
          facilitator: isFacilitator(role),
        });
      }
    });

    it('a private map is its owner’s', () => {
      const doc = createMapFromTemplate('retail', 'en');
      useEditor.getState().openSession({ mapId: 'contract', doc, undo: createUndoManager(doc, { captureTimeout: 0 }), feedback: new Y.Doc() });
      const { readOnly, canGiveFeedback, facilitator } = useEditor.getState();
      expect({ readOnly, canGiveFeedback, facilitator }).toEqual({ readOnly: false, canGiveFeedback: true, facilitator: true });
    });
  });
});

describe('map ids', () => {
  it('accepts the ids the app makes', () => {
    for (let i = 0; i < 200; i++) {
      expect(isMapId(newMapId())).toBe(true);
      expect(isMapId(newId())).toBe(true);
    }
    expect(isMapId('retail-2024_v2')).toBe(true);
    expect(isMapId('x'.repeat(MAP_ID_MAX_LENGTH))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['overlong', 'x'.repeat(MAP_ID_MAX_LENGTH + 1)],
    ['a parent path', '..'],
    ['a traversal', '../etc/passwd'],
    ['an encoded traversal', '%2e%2e%2f'],
    ['a room path', 'map/feedback'],
    ['an access key', 'map~registration'],
    ['a backslash', 'a\\b'],
    ['a space', 'a b'],
    ['a newline', 'abc\n'],
    ['a non-ASCII letter', 'Kundenreise-ü'],
  ])('refuses %s', (_, id) => {
    expect(isMapId(id)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [null, undefined, 42, ['abc'], { id: 'abc' }]) expect(isMapId(value)).toBe(false);
  });

  it('is the rule the file schema holds every id to', () => {
    const chars = fc.constantFrom(...'aZ09-_~/.% \\ü\n');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 70 }), (id) => {
        expect(isMapId(id)).toBe(idSchema.safeParse(id).success);
      }),
    );
  });
});

describe('what the client builds is what the server parses', () => {
  const ids = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

  it('sync rooms', () => {
    fc.assert(
      fc.property(ids, fc.constantFrom<RoomKind>('map', 'feedback'), (mapId, kind) => {
        expect(parseSyncPath(syncPath(mapId, kind))).toEqual({ mapId, kind });
      }),
    );
    expect(syncPath('m1', 'feedback')).toBe(`/sync/${feedbackRoom('m1')}`);
    for (const path of ['/sync/../m1', '/sync/m1/../x', '/sync/m1/comments', '/sync/', `/sync/${'x'.repeat(65)}`, '/sync/m1~abc', '/api/maps/m1/access']) {
      expect(parseSyncPath(path)).toBeNull();
    }
  });

  it('API paths', () => {
    fc.assert(
      fc.property(ids, fc.constantFrom(...LINK_ROLES), fc.boolean(), (mapId, role, rotate) => {
        expect(parseApiPath(linkPath(mapId, role, rotate))).toEqual({ route: 'link', mapId, role, rotate });
        expect(parseApiPath(accessPath(mapId))).toEqual({ route: 'access', mapId });
        expect(parseApiPath(lockPath(mapId))).toEqual({ route: 'lock', mapId });
        expect(parseApiPath(linksPath(mapId))).toEqual({ route: 'links', mapId });
        expect(parseApiPath(ownerRotatePath(mapId))).toEqual({ route: 'ownerRotate', mapId });
      }),
    );
    expect(parseApiPath('/api/maps')).toEqual({ route: 'maps' });
    expect(parseApiPath('/api/maps/m1/links/owner/rotate')).toEqual({ route: 'link', mapId: 'm1', role: null, rotate: true });
    expect(parseApiPath('/api/maps/../links/edit')).toBeNull();
    expect(parseApiPath(`/api/maps/${'x'.repeat(65)}/access`)).toBeNull();
  });

  it('app paths and share links', () => {
    fc.assert(
      fc.property(ids, (mapId) => {
        expect(parseMapPath(mapPath(mapId))).toEqual({ mapId, present: false });
        expect(parseRoute(mapPath(mapId))).toEqual({ name: 'map', mapId });
        expect(parseRoute(presentPath(mapId))).toEqual({ name: 'present', mapId });
        const link = new URL(shareLink('https://waymark.example', mapId, 'T'.repeat(44)));
        expect(parseRoute(link.pathname)).toEqual({ name: 'map', mapId });
      }),
    );
    expect(parseRoute('/map/../present')).toEqual({ name: 'notFound' });
  });
});

describe('registrations', () => {
  it('a registered token names its registration; anything else the legacy record', () => {
    const registration = 'R'.repeat(REGISTRATION_ID_LENGTH);
    const key = accessKey('m1', registration + 's'.repeat(32));
    expect(key).toBe(registrationKey('m1', registration));
    expect(key).toBe(`m1~${registration}`);
    expect(registrationOf(key!)).toBe(registration);
    expect(roomName(key!, 'map')).toBe(key);
    expect(roomName(key!, 'feedback')).toBe(`${key}/feedback`);
    expect(accessKey('m1', 's'.repeat(32))).toBe('m1');
    expect(registrationOf('m1')).toBe('');
    expect(accessKey('m1', null)).toBeNull();
    expect(accessKey('m1', 'x'.repeat(257))).toBeNull();
    expect(accessKey('../m1', registration + 's'.repeat(32))).toBeNull();
  });

  it("the relay's worker, which cannot import TypeScript, tells the rooms apart as the contract names them", () => {
    for (const name of ['m1', registrationKey('m1', 'R'.repeat(REGISTRATION_ID_LENGTH))]) {
      expect(isFeedbackRoom(roomName(name, 'feedback'))).toBe(true);
      expect(isFeedbackRoom(roomName(name, 'map'))).toBe(false);
    }
  });
});
