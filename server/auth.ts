import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccessRecord, RelayStore } from './store';

/**
 * Who may do what with a map. owner: everything, including its links; edit: change the map and
 * its feedback; view: read both. (A 'comment' role, writing only the feedback room, comes later.)
 */
export type Role = 'owner' | 'edit' | 'view';
/** the roles that are shared as links and can be rotated or revoked by the owner */
export type LinkRole = 'edit' | 'view';
export const LINK_ROLES: readonly LinkRole[] = ['edit', 'view'];

/** the app's map id rule (src/app/router.ts); a map id is also its room name */
export const MAP_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const canWrite = (role: Role) => role === 'owner' || role === 'edit';

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
const DUMMY: AccessRecord = { owner: hashToken('unknown map'), edit: null, view: null, createdAt: '' };

export interface RegisteredMap {
  id: string;
  ownerToken: string;
  editToken: string;
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
  /** bumped whenever a map's links change, so a check that straddled the change can tell */
  private readonly generations = new Map<string, number>();
  /** called after a link stopped working, so its open connections can be closed */
  onRevoked: (mapId: string, role: LinkRole) => void = () => {};

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

  /** A number that changes whenever the map's links are rotated or revoked. */
  generation(mapId: string): number {
    return this.generations.get(mapId) ?? 0;
  }

  private linksChanged(mapId: string, record: AccessRecord, role: LinkRole): void {
    this.remember(mapId, record);
    this.generations.set(mapId, this.generation(mapId) + 1);
    this.onRevoked(mapId, role);
  }

  private async record(mapId: string): Promise<AccessRecord | undefined> {
    const cached = this.cache.get(mapId);
    if (cached) return cached;
    const record = await this.store.getAccess(mapId);
    if (record) this.remember(mapId, record);
    return record;
  }

  private remember(mapId: string, record: AccessRecord): void {
    this.cache.delete(mapId);
    this.cache.set(mapId, record);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  /** Registers a new map and returns its three tokens (the only time they exist in clear), or null if it exists. */
  register(mapId: string): Promise<RegisteredMap | null> {
    return this.serial(mapId, async () => {
      if (await this.record(mapId)) return null;
      const tokens = { ownerToken: newToken(), editToken: newToken(), viewToken: newToken() };
      const record: AccessRecord = {
        owner: hashToken(tokens.ownerToken),
        edit: hashToken(tokens.editToken),
        view: hashToken(tokens.viewToken),
        createdAt: new Date().toISOString(),
      };
      await this.store.putAccess(mapId, record);
      this.remember(mapId, record);
      return { id: mapId, ...tokens };
    });
  }

  /** The role a token gives on a map, or null (wrong token, revoked link, or no such map: all alike). */
  async roleOf(mapId: string, token: string | null | undefined): Promise<Role | null> {
    if (!MAP_ID.test(mapId)) return null;
    const record = (await this.record(mapId)) ?? DUMMY;
    return roleIn(record, token);
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
  // compare with all three every time: which role matched must not show in the timing
  const owner = matches(record.owner, presented);
  const edit = matches(record.edit, presented);
  const view = matches(record.view, presented);
  return owner ? 'owner' : edit ? 'edit' : view ? 'view' : null;
}
