/**
 * Who may do what with a shared map: the one table the relay enforces (server/connection.ts,
 * server/api.ts) and the editor follows (src/store/editorStore.ts), so a role or a right is
 * added here once and both sides change together.
 *
 * A shared map has two rooms: the map room holds the journey, the feedback room its comments,
 * vote rounds and dots. The owner can lock the map's content; the lock holds back edit links
 * from the map room only. A private map (never shared) is its owner's alone.
 */

export const ROLES = ['owner', 'edit', 'comment', 'view'] as const;
export type Role = (typeof ROLES)[number];

/** the roles that are shared as links, and can be rotated or revoked by the owner */
export const LINK_ROLES = ['edit', 'comment', 'view'] as const satisfies readonly Role[];
export type LinkRole = (typeof LINK_ROLES)[number];

/** a map's room `<key>`, or its feedback room `<key>/feedback` (rooms.ts) */
export const ROOM_KINDS = ['map', 'feedback'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** always; only while the owner has not locked the content; never */
export type WriteRight = 'always' | 'unlessLocked' | 'never';

export interface Rights {
  /** whether the role may change each room */
  write: Record<RoomKind, WriteRight>;
  /**
   * The facilitator: manages the links and the lock, runs workshops (vote rounds, presenting),
   * and may change or remove anyone's feedback; everyone else's feedback is judged by who they are.
   */
  facilitator: boolean;
}

export const RIGHTS: Readonly<Record<Role, Rights>> = {
  owner: { write: { map: 'always', feedback: 'always' }, facilitator: true },
  edit: { write: { map: 'unlessLocked', feedback: 'always' }, facilitator: false },
  comment: { write: { map: 'never', feedback: 'always' }, facilitator: false },
  view: { write: { map: 'never', feedback: 'never' }, facilitator: false },
};

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
export const isLinkRole = (value: unknown): value is LinkRole => (LINK_ROLES as readonly unknown[]).includes(value);

/**
 * Why `role` may not write a room of a map right now, or null if it may. The reason is what the
 * relay sends in its permission-denied message, and what the client reads back from it.
 */
export function writeRefusal(role: Role, room: RoomKind, locked: boolean): 'read-only' | 'locked' | null {
  const right = RIGHTS[role].write[room];
  if (right === 'never') return 'read-only';
  // the lock is on the map's content: its feedback stays open to everyone who may write it
  if (right === 'unlessLocked' && locked && room === 'map') return 'locked';
  return null;
}

export const mayWrite = (role: Role, room: RoomKind, locked: boolean): boolean => writeRefusal(role, room, locked) === null;

export const isFacilitator = (role: Role): boolean => RIGHTS[role].facilitator;
