import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccessRecord, RelayStore } from './store';

/**
 * Who may do what with a map. owner: everything, including its links and the lock; edit: change
 * the map (unless it is locked) and its feedback; comment: read the map, write its feedback; view:
 * read both.
 */
export type Role = 'owner' | 'edit' | 'comment' | 'view';
/** the roles that are shared as links and can be rotated or revoked by the owner */
export type LinkRole = 'edit' | 'comment' | 'view';
export const LINK_ROLES: readonly LinkRole[] = ['edit', 'comment', 'view'];

/** the map's own room `<mapId>`, or its feedback room `<mapId>/feedback` */
export type RoomKind = 'map' | 'feedback';

/** What a role may see of a map: its role and whether the map's content is locked. */
export interface MapAccess {
  role: Role;
  locked: boolean;
}

/** the app's map id rule (src/app/router.ts); a map id is also its room name */
export const MAP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Why `role` may not write a room of a map right now, or null if it may. The map room: the owner
 * always, edit unless the map is locked, comment and view never. The feedback room: everyone but
 * view, lock or not. The reason is what the relay sends in its permission-denied message.
 */
export function writeRefusal(role: Role, room: RoomKind, locked: boolean): 'read-only' | 'locked' | null {
  if (room === 'feedback') return role === 'view' ? 'read-only' : null;
  if (role === 'owner') return null;
  if (role === 'edit') return locked ? 'locked' : null;
  return 'read-only';
}

/** 192 random bits, base64url (32 characters). */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Tokens are stored only as this: SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** a token longer than this cannot be ours; it is refused before hashing */
const MAX_TOKEN_LENGTH = 256;
const NO_HASH = Buffer.alloc(32);

/** Constant-time comparison of a stored hash (or none: revoked) with a presented one. */
function matches(stored: string | null, presented: Buffer): boolean {
  const expected = stored ? Buffer.from(stored, 'hex') : NO_HASH;
  const equal = expected.length === presented.length && timingSafeEqual(expected, presented);
  return equal && stored !== null;
}

/** for unknown maps, so that they take as long to refuse as a wrong token does */
const DUMMY: AccessRecord = { owner: hashToken('unknown map'), edit: null, comment: null, view: null, locked: false, createdAt: '' };

/**
 * A stored record as this version reads it. Records written before the comment role and the lock
 * existed lack both: no comment token works until the owner rotates one, and the map is unlocked.
 */
export function readAccessRecord(stored: AccessRecord): AccessRecord {
  const hash = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    owner: stored.owner,
    edit: hash(stored.edit),
    comment: hash((stored as Partial<AccessRecord>).comment),
    view: hash(stored.view),
    locked: (stored as Partial<AccessRecord>).locked === true,
    createdAt: typeof stored.createdAt === 'string' ? stored.createdAt : '',
  };
}

export interface RegisteredMap {
  id: string;
  ownerToken: string;
  editToken: string;
  commentToken: string;
  viewToken: string;
}

/**
 * Map registration and the role behind a token. Records are cached in memory (this process is
 * their only writer); changes to one map run one after the other so two rotations cannot
 * interleave their read-modify-write.
 */
export class AccessControl {
  private readonly cache = new Map<string, AccessRecord>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** bumped whenever a map's links or lock change, so a check that straddled the change can tell */
  private readonly generations = new Map<string, number>();
  /** called after a link stopped working, so its open connections can be closed */
  onRevoked: (mapId: string, role: LinkRole) => void = () => {};
  /** called after the owner locked or unlocked a map, so connections can follow */
  onLockChanged: (mapId: string, locked: boolean) => void = () => {};

  constructor(
    private readonly store: RelayStore,
    private readonly cacheSize = 10_000,
  ) {}

  private serial<T>(mapId: string, f: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(mapId) ?? Promise.resolve();
    const next = previous.then(f, f);
    const settled = next.catch(() => {});
    this.queues.set(mapId, settled);
    void settled.then(() => {
      if (this.queues.get(mapId) === settled) this.queues.delete(mapId);
    });
    return next;
  }

  /** A number that changes whenever the map's links are rotated or revoked, or it is locked or unlocked. */
  generation(mapId: string): number {
    return this.generations.get(mapId) ?? 0;
  }

  private changed(mapId: string, record: AccessRecord): void {
    this.remember(mapId, record);
    this.generations.set(mapId, this.generation(mapId) + 1);
  }

  private linksChanged(mapId: string, record: AccessRecord, role: LinkRole): void {
    this.changed(mapId, record);
    this.onRevoked(mapId, role);
  }

  private async record(mapId: string): Promise<AccessRecord | undefined> {
    const cached = this.cache.get(mapId);
    if (cached) return cached;
    const stored = await this.store.getAccess(mapId);
    // a rotation or lock change that finished while we read has cached what is now true: a read
    // that started before it must not overwrite that with what was
    const fresher = this.cache.get(mapId);
    if (fresher) return fresher;
    if (!stored) return undefined;
    const record = readAccessRecord(stored);
    this.remember(mapId, record);
    return record;
  }

  private remember(mapId: string, record: AccessRecord): void {
    this.cache.delete(mapId);
    this.cache.set(mapId, record);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Registers a new map and returns its four tokens (the only time they exist in clear), or null if it exists. */
  register(mapId: string): Promise<RegisteredMap | null> {
    return this.serial(mapId, async () => {
      if (await this.record(mapId)) return null;
      const tokens = { ownerToken: newToken(), editToken: newToken(), commentToken: newToken(), viewToken: newToken() };
      const record: AccessRecord = {
        owner: hashToken(tokens.ownerToken),
        edit: hashToken(tokens.editToken),
        comment: hashToken(tokens.commentToken),
        view: hashToken(tokens.viewToken),
        locked: false,
        createdAt: new Date().toISOString(),
      };
      await this.store.putAccess(mapId, record);
      this.remember(mapId, record);
      return { id: mapId, ...tokens };
    });
  }

  /** The role a token gives on a map, or null (wrong token, revoked link, or no such map: all alike). */
  async roleOf(mapId: string, token: string | null | undefined): Promise<Role | null> {
    return (await this.accessOf(mapId, token))?.role ?? null;
  }

  /** The role a token gives on a map and whether the map is locked, or null (as for `roleOf`). */
  async accessOf(mapId: string, token: string | null | undefined): Promise<MapAccess | null> {
    if (!MAP_ID.test(mapId)) return null;
    const record = (await this.record(mapId)) ?? DUMMY;
    const role = roleIn(record, token);
    return role ? { role, locked: record.locked } : null;
  }

  /**
   * Locks or unlocks the map's content (the map room; not its feedback room). Returns the lock as
   * it now is, or null if `ownerToken` is not the owner's. Setting what is already set changes
   * nothing and closes nobody.
   */
  setLocked(mapId: string, ownerToken: string | null, locked: boolean): Promise<boolean | null> {
    return this.serial(mapId, async () => {
      const record = await this.record(mapId);
      if (!record || roleIn(record, ownerToken) !== 'owner') return null;
      if (record.locked === locked) return locked;
      const updated = { ...record, locked };
      await this.store.putAccess(mapId, updated);
      this.changed(mapId, updated);
      this.onLockChanged(mapId, locked);
      return locked;
    });
  }

  /** Gives a link role a new token; the old one stops working. null if `ownerToken` is not the owner's. */
  rotate(mapId: string, ownerToken: string | null, role: LinkRole): Promise<string | null> {
    return this.serial(mapId, async () => {
      const record = await this.record(mapId);
      if (!record || roleIn(record, ownerToken) !== 'owner') return null;
      const token = newToken();
      const updated = { ...record, [role]: hashToken(token) };
      await this.store.putAccess(mapId, updated);
      this.linksChanged(mapId, updated, role);
      return token;
    });
  }

  /** Leaves a link role without a token until it is rotated again. false if not the owner. */
  revoke(mapId: string, ownerToken: string | null, role: LinkRole): Promise<boolean> {
    return this.serial(mapId, async () => {
      const record = await this.record(mapId);
      if (!record || roleIn(record, ownerToken) !== 'owner') return false;
      const updated = { ...record, [role]: null };
      await this.store.putAccess(mapId, updated);
      this.linksChanged(mapId, updated, role);
      return true;
    });
  }
}

function roleIn(record: AccessRecord, token: string | null | undefined): Role | null {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const presented = Buffer.from(hashToken(token), 'hex');
  // compare with all four every time: which role matched must not show in the timing
  const owner = matches(record.owner, presented);
  const edit = matches(record.edit, presented);
  const comment = matches(record.comment, presented);
  const view = matches(record.view, presented);
  return owner ? 'owner' : edit ? 'edit' : comment ? 'comment' : view ? 'view' : null;
}
