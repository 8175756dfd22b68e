import { randomBytes } from 'node:crypto';
import { isMapId } from '../src/access/mapId';
import { LINK_ROLES, ROLES, writeRefusal, type LinkRole, type Role } from '../src/access/roles';
import { accessKey, tokenField, type RegisteredMap } from '../src/access/rooms';
import { SPACE_NAME_MAX_LENGTH, SPACE_TOKEN_PREFIX, spaceOfToken, type CreatedSpace, type SpaceMapListing } from '../src/access/spaces';
import { hashToken, newToken, roleIn, sealLinks, unsealLinks, type AccessControl, type LinkTokens, type SpaceMembers } from './auth';
import { RecordCache } from './recordCache';
import type { RelayStore, SpaceRecord } from './store';

/**
 * Spaces on the relay (issue 16): a team's maps under one set of links. A space has the roles a
 * map has (owner, edit, comment, view; src/access/roles.ts), and its record lists its maps, each
 * by the access key of the registration a space token opens (src/access/rooms.ts). A space token
 * then opens every map of the space with its role, as the map's own token of that role would
 * (the map's lock still holds back edit), and the space's index room (`spaceRoom`), which owner
 * and edit write and comment and view read. A map is in at most one space: its own access record
 * names the space (`AccessRecord.space`), and a space token opens it only while both records
 * agree.
 *
 * As for maps (auth.ts): tokens are kept as SHA-256 hashes and compared with every role's hash
 * in constant time; an unknown space is compared against a dummy record, so it answers like a
 * wrong token, as slowly; records are cached in memory (server/recordCache.ts; other processes'
 * changes are heard as `forget`), a change reads and writes the record in one atomic step of the
 * store (`RelayStore.updateSpace`: two processes adding maps at once both add them), and changes
 * to one space in this process run one after the other. Rotating or revoking a link bumps the space's
 * generation and calls `onRevoked`, which closes that role's connections to the space's index
 * room and to every map and feedback room of the space (relay.ts).
 */

/** One space's name: trimmed, 1 to SPACE_NAME_MAX_LENGTH characters on one line; null for anything else. */
export function spaceNameOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = value.trim();
  if (name === '' || [...name].length > SPACE_NAME_MAX_LENGTH) return null;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) return null;
  return name;
}

/** for unknown spaces, so that they take as long to refuse as a wrong token does */
const DUMMY: SpaceRecord = {
  owner: hashToken('unknown space'),
  ...(Object.fromEntries(LINK_ROLES.map((role) => [role, null])) as Record<LinkRole, null>),
  name: '',
  createdAt: '',
  maps: {},
};

const newSpaceToken = (spaceId: string) => `${SPACE_TOKEN_PREFIX}${spaceId}${newToken()}`;

/** Why a map could not join a space (api.ts answers each with its status). */
export type JoinRefusal =
  /** no valid space token (or no such space): 401 */
  | 'unauthorized'
  /** a space token of a role that may not add maps (comment, view): 403 */
  | 'forbidden'
  /** moving a map in without its own valid owner token: 401 */
  | 'map-unauthorized'
  /** moving a map in with a token of the map that is not its owner's: 403 */
  | 'map-forbidden'
  /** the map is in a space already (this one or another), or this space has a map of that id: 409 */
  | 'taken'
  /** the space holds MAX_MAPS_PER_SPACE maps: 409 */
  | 'full';

export type JoinResult = { ok: true; listing: SpaceMapListing; registered: RegisteredMap | null } | { ok: false; refusal: JoinRefusal };

/** What a space token sees of its space. */
export interface SpaceView {
  name: string;
  role: Role;
  /** oldest first */
  maps: SpaceMapListing[];
}

export interface SpaceOptions {
  /** MAX_MAPS_PER_SPACE */
  maxMaps: number;
  /** space records kept in memory (each up to MAX_MAPS_PER_SPACE lines) */
  cacheSize?: number;
}

export class SpaceAccess implements SpaceMembers {
  private readonly records: RecordCache<SpaceRecord>;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** called with the space id after a role's token stopped working, so its open connections can be closed */
  onRevoked: (spaceId: string, role: Role) => void = () => {};

  constructor(
    private readonly store: RelayStore,
    private readonly access: AccessControl,
    private readonly options: SpaceOptions,
  ) {
    access.spaces = this;
    this.records = new RecordCache(async (spaceId) => {
      const stored = await store.getSpace(spaceId);
      return stored && readSpaceRecord(stored);
    }, options.cacheSize ?? 1000);
  }

  private serial<T>(spaceId: string, f: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(spaceId) ?? Promise.resolve();
    const next = previous.then(f, f);
    const settled = next.catch(() => {});
    this.queues.set(spaceId, settled);
    void settled.then(() => {
      if (this.queues.get(spaceId) === settled) this.queues.delete(spaceId);
    });
    return next;
  }

  /** A number that changes whenever a link of the space is rotated or revoked. */
  generation(spaceId: string): number {
    return this.records.generation(spaceId);
  }

  /** Another relay process changed the space's record (server/fanout/): as `AccessControl.forget`. */
  forget(spaceId: string): void {
    this.records.forget(spaceId);
  }

  /** Every cached record goes and every generation changes (as `AccessControl.forgetAll`). */
  forgetAll(): void {
    this.records.forgetAll();
  }

  /** The record, from the cache unless `fresh` (the check before adding a map, which registers one if it passes). */
  private record(spaceId: string, fresh = false): Promise<SpaceRecord | undefined> {
    return this.records.get(spaceId, fresh);
  }

  /**
   * Changes the space's record in the store atomically (`RelayStore.updateSpace`): `change` sees
   * the record as stored now, so a change another relay process made a moment ago is kept. The
   * stored record, or null when `change` left it. What was stored is
   * kept in the cache (`RecordCache.write`); `moves`: checks that read the record before must
   * read it again (rotations, revocations, lock changes).
   */
  private update(spaceId: string, change: (record: SpaceRecord | undefined) => SpaceRecord | null, moves = false): Promise<SpaceRecord | null> {
    return this.records.write(spaceId, () => this.store.updateSpace(spaceId, (stored) => change(stored && readSpaceRecord(stored))), moves);
  }

  /**
   * The space's record and the role `token` gives in it, or null: a wrong token, a token of
   * another space and an unknown space all alike, each compared against every role's hash.
   */
  private async authorize(spaceId: string, token: string | null | undefined, fresh = false): Promise<{ record: SpaceRecord; role: Role } | null> {
    return granted(spaceId, await this.record(spaceId, fresh), token);
  }

  /** Creates a space and returns a token per role: the only time they exist in clear. */
  async create(name: string): Promise<CreatedSpace> {
    for (;;) {
      const spaceId = randomBytes(9).toString('base64url');
      const created = await this.serial(spaceId, async () => {
        const tokens = Object.fromEntries(ROLES.map((role) => [tokenField(role), newSpaceToken(spaceId)])) as Omit<CreatedSpace, 'id'>;
        const record: SpaceRecord = {
          owner: hashToken(tokens.ownerToken),
          ...(Object.fromEntries(LINK_ROLES.map((role) => [role, hashToken(tokens[tokenField(role)])])) as Record<LinkRole, string>),
          name,
          createdAt: new Date().toISOString(),
          sealedLinks: sealLinks(tokens.ownerToken, Object.fromEntries(LINK_ROLES.map((role) => [role, tokens[tokenField(role)]]))),
          maps: {},
        };
        // 72 random bits: a collision is not expected, but it must not overwrite a space
        if (!(await this.update(spaceId, (current) => (current ? null : record)))) return null;
        return { id: spaceId, ...tokens };
      });
      if (created) return created;
    }
  }

  /** The role a token gives in a space, or null (wrong token, revoked link, unknown space: alike). */
  async roleOf(spaceId: string, token: string | null | undefined): Promise<Role | null> {
    return (await this.authorize(spaceId, token))?.role ?? null;
  }

  /** The space's name, the caller's role and its maps (oldest first); null as for `roleOf`. */
  async list(spaceId: string, token: string | null | undefined): Promise<SpaceView | null> {
    const granted = await this.authorize(spaceId, token);
    if (!granted) return null;
    const maps = Object.entries(granted.record.maps)
      .map(([id, entry]) => ({ id, addedAt: entry.addedAt }))
      .sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
    return { name: granted.record.name, role: granted.role, maps };
  }

  async member(spaceId: string, token: string, mapId: string): Promise<{ role: Role; key: string } | null> {
    const granted = await this.authorize(spaceId, token);
    if (!granted || !isMapId(mapId)) return null;
    const entry = Object.hasOwn(granted.record.maps, mapId) ? granted.record.maps[mapId] : undefined;
    return entry ? { role: granted.role, key: entry.key } : null;
  }

  /**
   * Registers a new map in the space (owner or edit token): a registration like POST /api/maps,
   * whose tokens go to the caller so it can hand out the map's own links to guests outside the team.
   */
  addMap(spaceId: string, token: string | null, mapId: string): Promise<JoinResult> {
    return this.serial(spaceId, async () => {
      const refused = await this.mayAdd(spaceId, token, mapId);
      if (refused) return { ok: false, refusal: refused };
      const registered = await this.access.register(mapId, spaceId);
      const key = accessKey(mapId, registered.ownerToken)!;
      // a refusal now (another process filled the space or revoked the link meanwhile) leaves
      // the registration unreachable: nobody holds its tokens, and no space lists it
      return this.addEntry(spaceId, token, mapId, key, registered);
    });
  }

  /**
   * Moves a map that exists into the space (owner or edit token of the space, and the map's own
   * owner token). The map keeps its registration: its access key, rooms, content, versions and
   * its own links, which go on working for guests.
   */
  moveMap(spaceId: string, token: string | null, mapId: string, mapOwnerToken: string | null): Promise<JoinResult> {
    return this.serial(spaceId, async () => {
      const refused = await this.mayAdd(spaceId, token, mapId);
      if (refused) return { ok: false, refusal: refused };
      const map = await this.access.mapAccessOf(mapId, mapOwnerToken);
      if (!map) return { ok: false, refusal: 'map-unauthorized' };
      if (map.role !== 'owner') return { ok: false, refusal: 'map-forbidden' };
      const joined = await this.access.joinSpace(map.key, mapOwnerToken!, spaceId);
      if (joined === 'unauthorized') return { ok: false, refusal: 'map-unauthorized' };
      if (joined === 'taken') return { ok: false, refusal: 'taken' };
      const added = await this.addEntry(spaceId, token, mapId, map.key, null);
      // the space refused it after all (changed by another process meanwhile): the map is free to go elsewhere
      if (!added.ok && joined === 'joined') await this.access.leaveSpace(map.key, spaceId);
      return added;
    });
  }

  /** Why the caller may not add `mapId` to the space now, if so; read from the store, not the cache. */
  private async mayAdd(spaceId: string, token: string | null, mapId: string): Promise<JoinRefusal | null> {
    return addRefusal(await this.authorize(spaceId, token, true), mapId, this.options.maxMaps);
  }

  /**
   * Lists the map in the space's record, checking again, on the record as stored at that moment,
   * what `mayAdd` checked before.
   */
  private async addEntry(spaceId: string, token: string | null, mapId: string, key: string, registered: RegisteredMap | null): Promise<JoinResult> {
    const addedAt = new Date().toISOString();
    let refusal = null as JoinRefusal | null;
    const updated = await this.update(spaceId, (record) => {
      refusal = addRefusal(granted(spaceId, record, token), mapId, this.options.maxMaps);
      return refusal ? null : { ...record!, maps: { ...record!.maps, [mapId]: { key, addedAt } } };
    });
    if (!updated) return { ok: false, refusal: refusal ?? 'unauthorized' };
    return { ok: true, listing: { id: mapId, addedAt }, registered };
  }

  /** Gives a link role a new token; the old one stops working and its connections close. null if not the owner. */
  rotate(spaceId: string, ownerToken: string | null, role: LinkRole): Promise<string | null> {
    return this.serial(spaceId, async () => {
      const token = newSpaceToken(spaceId);
      return (await this.changeLink(spaceId, ownerToken, role, token)) ? token : null;
    });
  }

  /** Leaves a link role without a token until it is rotated again; its connections close. false if not the owner. */
  revoke(spaceId: string, ownerToken: string | null, role: LinkRole): Promise<boolean> {
    return this.serial(spaceId, () => this.changeLink(spaceId, ownerToken, role, null));
  }

  /** Sets a link role's token (null: none) if `ownerToken` is the owner's, and closes that role's connections. */
  private async changeLink(spaceId: string, ownerToken: string | null, role: LinkRole, token: string | null): Promise<boolean> {
    const updated = await this.update(spaceId, (record) => {
      if (granted(spaceId, record, ownerToken)?.role !== 'owner') return null;
      const links = { ...unsealLinks(ownerToken!, record!.sealedLinks), [role]: token };
      return { ...record!, [role]: token === null ? null : hashToken(token), sealedLinks: sealLinks(ownerToken!, links) };
    }, true);
    if (!updated) return false;
    this.onRevoked(spaceId, role);
    return true;
  }

  /** The links' tokens as the owner last set them; null if not the owner. */
  async links(spaceId: string, ownerToken: string | null): Promise<LinkTokens | null> {
    const granted = await this.authorize(spaceId, ownerToken);
    if (granted?.role !== 'owner') return null;
    return unsealLinks(ownerToken!, granted.record.sealedLinks);
  }
}

/**
 * The record and the role `token` gives in it, or null: a wrong token, a token of another space
 * and an unknown space (no record) all alike, each compared against every role's hash.
 */
function granted(spaceId: string, record: SpaceRecord | undefined, token: string | null | undefined): { record: SpaceRecord; role: Role } | null {
  const role = roleIn(record ?? DUMMY, token);
  if (!record || !role || spaceOfToken(token) !== spaceId) return null;
  return { record, role };
}

/** Why a caller granted this may not add `mapId` to the space, or null if it may. */
function addRefusal(caller: { record: SpaceRecord; role: Role } | null, mapId: string, maxMaps: number): JoinRefusal | null {
  if (!caller) return 'unauthorized';
  // who may add maps is who may write the space's index
  if (writeRefusal(caller.role, 'map', false) !== null) return 'forbidden';
  if (Object.hasOwn(caller.record.maps, mapId)) return 'taken';
  if (Object.keys(caller.record.maps).length >= maxMaps) return 'full';
  return null;
}

/** A stored space record as this version reads it: every field present, or a role without a token. */
function readSpaceRecord(stored: SpaceRecord): SpaceRecord {
  const hash = (value: unknown) => (typeof value === 'string' ? value : null);
  const maps: SpaceRecord['maps'] = Object.create(null) as SpaceRecord['maps'];
  for (const [id, entry] of Object.entries(stored.maps ?? {})) {
    if (isMapId(id) && typeof entry?.key === 'string') maps[id] = { key: entry.key, addedAt: typeof entry.addedAt === 'string' ? entry.addedAt : '' };
  }
  return {
    owner: stored.owner,
    ...(Object.fromEntries(LINK_ROLES.map((role) => [role, hash(stored[role])])) as Record<LinkRole, string | null>),
    name: typeof stored.name === 'string' ? stored.name : '',
    createdAt: typeof stored.createdAt === 'string' ? stored.createdAt : '',
    ...(typeof stored.sealedLinks === 'string' ? { sealedLinks: stored.sealedLinks } : {}),
    maps,
  };
}
