import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { MAX_TOKEN_LENGTH, accessKey, registrationKey, registrationOf, tokenField, type RegisteredMap } from '../src/access/rooms';
import { LINK_ROLES, ROLES, type LinkRole, type Role } from '../src/access/roles';
import { spaceOfToken } from '../src/access/spaces';
import { RecordCache } from './recordCache';
import type { AccessRecord, RelayStore } from './store';

/**
 * What a token gives on a map: its role, whether the map's content is locked, and the access key
 * of the registration it belongs to (the name of its access record and of its rooms). A space
 * token (src/access/spaces.ts) gives its role in the space on every map of it: `space` names the
 * space then, and is null for the map's own tokens. The generations are those of the records the
 * answer was read from, taken before they were read (`AccessControl.isCurrent`).
 */
export interface MapAccess {
  role: Role;
  locked: boolean;
  key: string;
  space: string | null;
  /** `AccessControl.generation(key)` before the map's record was read */
  generation: number;
  /** the space's generation before its record was read (0 for a map token) */
  spaceGeneration: number;
}

/** What AccessControl asks of the spaces (server/spaces.ts) to let a space token open a map. */
export interface SpaceMembers {
  /** a number that changes whenever a link of the space is rotated or revoked */
  generation(spaceId: string): number;
  /** the role `token` gives in the space and the access key of `mapId` there; null for a wrong token, an unknown space, or a map not in it */
  member(spaceId: string, token: string, mapId: string): Promise<{ role: Role; key: string } | null>;
}

/** The hash of each role's token (null: revoked), as map and space records keep them. */
export type TokenHashes = { owner: string } & Record<LinkRole, string | null>;

/** 192 random bits, base64url (32 characters): a token's secret, or a whole token of a legacy record. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Tokens are stored only as this: SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const NO_HASH = Buffer.alloc(32);

/** The links' tokens as the owner knows them: a token, null for a link turned off; absent when not known. */
export type LinkTokens = Partial<Record<LinkRole, string | null>>;

/** The sealing key for an owner token: a hash with a label of its own, never the stored hash. */
function sealingKey(ownerToken: string): Buffer {
  return createHash('sha256').update('waymark sealed links\0', 'utf8').update(ownerToken, 'utf8').digest();
}

/** Seals the links' tokens so that only the holder of `ownerToken` can read them: iv.ciphertext.tag, base64url. */
export function sealLinks(ownerToken: string, links: LinkTokens): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(ownerToken), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(links), 'utf8'), cipher.final()]);
  return [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
}

/** The links sealed by `sealLinks` with this owner token; {} when there are none or they do not open. */
export function unsealLinks(ownerToken: string, sealed: string | undefined): LinkTokens {
  if (!sealed) return {};
  try {
    const [iv, data, tag] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(ownerToken), iv!, { authTagLength: 16 });
    decipher.setAuthTag(tag!);
    const links = JSON.parse(Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8')) as Record<string, unknown>;
    return Object.fromEntries(LINK_ROLES.filter((role) => role in links).map((role) => [role, typeof links[role] === 'string' ? links[role] : null]));
  } catch {
    return {};
  }
}

/** Constant-time comparison of a stored hash (or none: revoked) with a presented one. */
function matches(stored: string | null, presented: Buffer): boolean {
  const expected = stored ? Buffer.from(stored, 'hex') : NO_HASH;
  const equal = expected.length === presented.length && timingSafeEqual(expected, presented);
  return equal && stored !== null;
}

/** for unknown maps, so that they take as long to refuse as a wrong token does */
const DUMMY: AccessRecord = { owner: hashToken('unknown map'), ...linkHashes(() => null), locked: false, createdAt: '' };

/** a hash (or null: revoked) for each link role */
function linkHashes(hashOf: (role: LinkRole) => string | null): Record<LinkRole, string | null> {
  return Object.fromEntries(LINK_ROLES.map((role) => [role, hashOf(role)])) as Record<LinkRole, string | null>;
}

/**
 * A stored record as this version reads it. Records written before the comment role and the lock
 * existed lack both: no comment token works until the owner rotates one, and the map is unlocked.
 */
export function readAccessRecord(stored: AccessRecord): AccessRecord {
  const hash = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    owner: stored.owner,
    ...linkHashes((role) => hash((stored as Partial<AccessRecord>)[role])),
    locked: (stored as Partial<AccessRecord>).locked === true,
    createdAt: typeof stored.createdAt === 'string' ? stored.createdAt : '',
    ...(typeof stored.sealedLinks === 'string' ? { sealedLinks: stored.sealedLinks } : {}),
    ...(typeof stored.space === 'string' ? { space: stored.space } : {}),
  };
}

/**
 * Map registration and the role behind a token. Everything is kept by access key (`accessKey`):
 * one record per registration. Records are cached in memory (server/recordCache.ts); with
 * REDIS_URL the other processes say what they changed (`forget`). A change reads the record from
 * the store and writes it back in one atomic step (`RelayStore.updateAccess`), so two changes of
 * one record, even from two processes at once, both survive; within this process changes to one
 * record also run one after the other, so the cache and the callbacks follow the store's order.
 */
export class AccessControl {
  private readonly records: RecordCache<AccessRecord>;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** called with the access key after a token stopped working (a link's, or the owner's), so its open connections can be closed */
  onRevoked: (key: string, role: Role) => void = () => {};
  /** called with the access key after the owner locked or unlocked a map, so connections can follow */
  onLockChanged: (key: string, locked: boolean) => void = () => {};
  /** the spaces, once there are (server/spaces.ts); without them a space token opens nothing */
  spaces: SpaceMembers | null = null;

  constructor(
    private readonly store: RelayStore,
    cacheSize = 10_000,
  ) {
    this.records = new RecordCache(async (key) => {
      const stored = await store.getAccess(key);
      return stored && readAccessRecord(stored);
    }, cacheSize);
  }

  private serial<T>(key: string, f: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(f, f);
    const settled = next.catch(() => {});
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  /** The access key a token addresses on a map (src/access/rooms.ts), or null if it cannot be a token. */
  keyOf(mapId: string, token: string | null | undefined): string | null {
    return accessKey(mapId, token);
  }

  /** A number that changes whenever the record's links are rotated or revoked, or it is locked or unlocked. */
  generation(key: string): number {
    return this.records.generation(key);
  }

  /**
   * Another relay process changed the record `key` (server/fanout/): the cached copy goes and its
   * generation changes, so a check that straddled the change reads it again.
   */
  forget(key: string): void {
    this.records.forget(key);
  }

  /** Every cached record goes and every generation changes (after others' changes may have been missed). */
  forgetAll(): void {
    this.records.forgetAll();
  }

  /** The record, from the cache (a change reads it from the store instead: `update`). */
  private record(key: string): Promise<AccessRecord | undefined> {
    return this.records.get(key);
  }

  /**
   * Changes the record `key` in the store atomically (`RelayStore.updateAccess`): `change` sees
   * the record as stored now, as this version reads it, so a change another relay process made a
   * moment ago is kept, not overwritten. The stored record, or null when `change` left it. What was stored is
   * kept in the cache (`RecordCache.write`); `moves`: checks that read the record before must
   * read it again (rotations, revocations, lock changes).
   */
  private update(key: string, change: (record: AccessRecord | undefined) => AccessRecord | null, moves = false): Promise<AccessRecord | null> {
    return this.records.write(key, () => this.store.updateAccess(key, (stored) => change(stored && readAccessRecord(stored))), moves);
  }

  /**
   * Registers a share of a map id and returns a token per role (the only time they exist in
   * clear). Always succeeds: a map id that is registered already gets another, independent
   * registration with a record and rooms of its own, so the answer tells nobody whether the id
   * exists, and a squatter who registered it first holds nothing of the real owner's. With
   * `space`, the registration is made in that space (the caller records it in the space's record).
   */
  async register(mapId: string, space?: string): Promise<RegisteredMap> {
    for (;;) {
      const registration = randomBytes(9).toString('base64url');
      const key = registrationKey(mapId, registration);
      const created = await this.serial(key, async () => {
        const tokens = Object.fromEntries(ROLES.map((role) => [tokenField(role), registration + newToken()])) as Omit<RegisteredMap, 'id'>;
        const record: AccessRecord = {
          owner: hashToken(tokens.ownerToken),
          ...linkHashes((role) => hashToken(tokens[tokenField(role)])),
          locked: false,
          createdAt: new Date().toISOString(),
          sealedLinks: sealLinks(tokens.ownerToken, Object.fromEntries(LINK_ROLES.map((role) => [role, tokens[tokenField(role)]]))),
          ...(space === undefined ? {} : { space }),
        };
        // 72 random bits: a collision is not expected, but it must not overwrite a record
        if (!(await this.update(key, (current) => (current ? null : record)))) return null;
        return { id: mapId, ...tokens };
      });
      if (created) return created;
    }
  }

  /** The role a token gives on a map, or null (wrong token, revoked link, or no such map: all alike). */
  async roleOf(mapId: string, token: string | null | undefined): Promise<Role | null> {
    return (await this.accessOf(mapId, token))?.role ?? null;
  }

  /**
   * The role a token gives on a map, whether the map is locked, and the access key of the
   * registration the token belongs to; or null (as for `roleOf`).
   */
  async accessOf(mapId: string, token: string | null | undefined): Promise<MapAccess | null> {
    const space = spaceOfToken(token);
    if (space !== null) return this.accessThroughSpace(mapId, space, token!);
    return this.mapAccessOf(mapId, token);
  }

  /** As `accessOf`, for the map's own tokens only (a space token gets null): who holds the map's owner key. */
  async mapAccessOf(mapId: string, token: string | null | undefined): Promise<MapAccess | null> {
    if (spaceOfToken(token) !== null) return null;
    const key = accessKey(mapId, token);
    if (key === null) return null;
    const generation = this.generation(key);
    const record = (await this.record(key)) ?? DUMMY;
    const role = roleIn(record, token);
    return role ? { role, locked: record.locked, key, space: null, generation, spaceGeneration: 0 } : null;
  }

  /**
   * A space token on a map: its role in the space, if the map is in that space by both records
   * (the space's list and the map's own `space`); the map's lock applies as to its own tokens.
   */
  private async accessThroughSpace(mapId: string, space: string, token: string): Promise<MapAccess | null> {
    if (!this.spaces) return null;
    const spaceGeneration = this.spaces.generation(space);
    const member = await this.spaces.member(space, token, mapId);
    if (!member) return null;
    const generation = this.generation(member.key);
    const record = await this.record(member.key);
    if (!record || record.space !== space) return null;
    return { role: member.role, locked: record.locked, key: member.key, space, generation, spaceGeneration };
  }

  /** Whether nothing `granted` was read from has changed since (no rotation, revocation or lock change). */
  isCurrent(granted: MapAccess): boolean {
    if (this.generation(granted.key) !== granted.generation) return false;
    return granted.space === null || this.spaces?.generation(granted.space) === granted.spaceGeneration;
  }

  /**
   * Puts the registration `key` into `space` (server/spaces.ts, moving a map in): only with the
   * map's own owner token, and only if it is in no other space. A map in that space already
   * (its space's record lost the line, say) answers 'already'.
   */
  joinSpace(key: string, ownerToken: string, space: string): Promise<'joined' | 'already' | 'unauthorized' | 'taken'> {
    return this.serial(key, async () => {
      let answer = 'unauthorized' as 'joined' | 'already' | 'unauthorized' | 'taken';
      await this.update(key, (record) => {
        if (!record || roleIn(record, ownerToken) !== 'owner') return ((answer = 'unauthorized'), null);
        if (record.space === space) return ((answer = 'already'), null);
        if (record.space !== undefined) return ((answer = 'taken'), null);
        answer = 'joined';
        return { ...record, space };
      });
      return answer;
    });
  }

  /**
   * Takes the registration `key` out of `space` again (a move into it that the space refused
   * after the map had joined); a map in another space or none stays as it is.
   */
  leaveSpace(key: string, space: string): Promise<void> {
    return this.serial(key, async () => {
      await this.update(key, (record) => {
        if (record?.space !== space) return null;
        const { space: _left, ...rest } = record;
        return rest;
      });
    });
  }

  /**
   * Locks or unlocks the content of the record `key` (its map room; not its feedback room). Returns the lock as
   * it now is, or null if `ownerToken` is not the owner's. Setting what is already set changes
   * nothing and closes nobody.
   */
  setLocked(key: string, ownerToken: string | null, locked: boolean): Promise<boolean | null> {
    return this.serial(key, async () => {
      let owner = false as boolean;
      const updated = await this.update(key, (record) => {
        owner = !!record && roleIn(record, ownerToken) === 'owner';
        return owner && record!.locked !== locked ? { ...record!, locked } : null;
      }, true);
      if (!owner) return null;
      if (updated) this.onLockChanged(key, locked);
      return locked;
    });
  }

  /**
   * Gives a link role of the record `key` a new token (with the registration's id in front, as
   * all its tokens); the old one stops working. null if `ownerToken` is not the owner's.
   */
  rotate(key: string, ownerToken: string | null, role: LinkRole): Promise<string | null> {
    return this.serial(key, async () => {
      const token = registrationOf(key) + newToken();
      const updated = await this.update(key, (record) => {
        if (!record || roleIn(record, ownerToken) !== 'owner') return null;
        return { ...record, [role]: hashToken(token), ...resealed(record, ownerToken!, { [role]: token }) };
      }, true);
      if (!updated) return null;
      this.onRevoked(key, role);
      return token;
    });
  }

  /**
   * Gives the owner of the record `key` a new token; the old one (an owner link or key file that
   * leaked) stops working and its connections close. The links stay as they are. null if
   * `ownerToken` is not the owner's.
   */
  rotateOwner(key: string, ownerToken: string | null): Promise<string | null> {
    return this.serial(key, async () => {
      const token = registrationOf(key) + newToken();
      const updated = await this.update(key, (record) => {
        if (!record || roleIn(record, ownerToken) !== 'owner') return null;
        const links = unsealLinks(ownerToken!, record.sealedLinks);
        return { ...record, owner: hashToken(token), ...(record.sealedLinks ? { sealedLinks: sealLinks(token, links) } : {}) };
      }, true);
      if (!updated) return null;
      this.onRevoked(key, 'owner');
      return token;
    });
  }

  /** The links' tokens of the record `key` as far as they are known (see `AccessRecord.sealedLinks`); null if not the owner. */
  async links(key: string, ownerToken: string | null): Promise<LinkTokens | null> {
    const record = await this.record(key);
    if (!record || roleIn(record, ownerToken) !== 'owner') return null;
    return unsealLinks(ownerToken!, record.sealedLinks);
  }

  /** Leaves a link role of the record `key` without a token until it is rotated again. false if not the owner. */
  revoke(key: string, ownerToken: string | null, role: LinkRole): Promise<boolean> {
    return this.serial(key, async () => {
      const updated = await this.update(key, (record) => {
        if (!record || roleIn(record, ownerToken) !== 'owner') return null;
        return { ...record, [role]: null, ...resealed(record, ownerToken!, { [role]: null }) };
      }, true);
      if (!updated) return false;
      this.onRevoked(key, role);
      return true;
    });
  }
}

/**
 * The record's sealed links with `changes` applied. A record from before sealing stays without:
 * it is stored in the shape it had (its links were never known to the relay in full).
 */
function resealed(record: AccessRecord, ownerToken: string, changes: LinkTokens): Pick<AccessRecord, 'sealedLinks'> {
  if (!record.sealedLinks) return {};
  return { sealedLinks: sealLinks(ownerToken, { ...unsealLinks(ownerToken, record.sealedLinks), ...changes }) };
}

/** The role whose hash `token` matches in `record` (a map's or a space's), or null; in constant time over every role. */
export function roleIn(record: TokenHashes, token: string | null | undefined): Role | null {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const presented = Buffer.from(hashToken(token), 'hex');
  // compare with every role's hash every time: which role matched must not show in the timing
  const matched = ROLES.filter((role) => matches(record[role], presented));
  // ROLES runs from the most rights to the fewest
  return matched[0] ?? null;
}
