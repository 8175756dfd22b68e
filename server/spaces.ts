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
 * wrong token, as slowly; records are cached in memory (this process is their only writer), and
 * changes to one space run one after the other. Rotating or revoking a link bumps the space's
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

  /** The record, from the cache unless `fresh` (a change: see AccessControl's `record`). */
  private record(spaceId: string, fresh = false): Promise<SpaceRecord | undefined> {
    return this.records.get(spaceId, fresh);
  }

  private async write(spaceId: string, record: SpaceRecord): Promise<void> {
    await this.store.putSpace(spaceId, record);
    this.records.set(spaceId, record);
  }

  /**
   * The space's record and the role `token` gives in it, or null: a wrong token, a token of
   * another space and an unknown space all alike, each compared against every role's hash.
   */
  private async authorize(spaceId: string, token: string | null | undefined, fresh = false): Promise<{ record: SpaceRecord; role: Role } | null> {
    const record = await this.record(spaceId, fresh);
    const role = roleIn(record ?? DUMMY, token);
    if (!record || !role || spaceOfToken(token) !== spaceId) return null;
    return { record, role };
  }

  /** Creates a space and returns a token per role: the only time they exist in clear. */
  async create(name: string): Promise<CreatedSpace> {
    for (;;) {
      const spaceId = randomBytes(9).toString('base64url');
      const created = await this.serial(spaceId, async () => {
        // 72 random bits: a collision is not expected, but it must not overwrite a space
        if (await this.record(spaceId)) return null;
        const tokens = Object.fromEntries(ROLES.map((role) => [tokenField(role), newSpaceToken(spaceId)])) as Omit<CreatedSpace, 'id'>;
        const record: SpaceRecord = {
          owner: hashToken(tokens.ownerToken),
          ...(Object.fromEntries(LINK_ROLES.map((role) => [role, hashToken(tokens[tokenField(role)])])) as Record<LinkRole, string>),
          name,
          createdAt: new Date().toISOString(),
          sealedLinks: sealLinks(tokens.ownerToken, Object.fromEntries(LINK_ROLES.map((role) => [role, tokens[tokenField(role)]]))),
          maps: {},
        };
        await this.write(spaceId, record);
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
      const checked = await this.mayAdd(spaceId, token, mapId);
      if ('refusal' in checked) return { ok: false, refusal: checked.refusal };
      const registered = await this.access.register(mapId, spaceId);
      const key = accessKey(mapId, registered.ownerToken)!;
      return { ok: true, listing: await this.addEntry(spaceId, checked.record, mapId, key), registered };
    });
  }

  /**
   * Moves a map that exists into the space (owner or edit token of the space, and the map's own
   * owner token). The map keeps its registration: its access key, rooms, content, versions and
   * its own links, which go on working for guests.
   */
  moveMap(spaceId: string, token: string | null, mapId: string, mapOwnerToken: string | null): Promise<JoinResult> {
    return this.serial(spaceId, async () => {
      const checked = await this.mayAdd(spaceId, token, mapId);
      if ('refusal' in checked) return { ok: false, refusal: checked.refusal };
      const map = await this.access.mapAccessOf(mapId, mapOwnerToken);
      if (!map) return { ok: false, refusal: 'map-unauthorized' };
      if (map.role !== 'owner') return { ok: false, refusal: 'map-forbidden' };
      const joined = await this.access.joinSpace(map.key, mapOwnerToken!, spaceId);
      if (joined === 'unauthorized') return { ok: false, refusal: 'map-unauthorized' };
      if (joined === 'taken') return { ok: false, refusal: 'taken' };
      return { ok: true, listing: await this.addEntry(spaceId, checked.record, mapId, map.key), registered: null };
    });
  }

  /** Whether the caller may add `mapId` to the space now (inside the space's queue). */
  private async mayAdd(spaceId: string, token: string | null, mapId: string): Promise<{ record: SpaceRecord } | { refusal: JoinRefusal }> {
    const granted = await this.authorize(spaceId, token, true);
    if (!granted) return { refusal: 'unauthorized' };
    // who may add maps is who may write the space's index
    if (writeRefusal(granted.role, 'map', false) !== null) return { refusal: 'forbidden' };
    if (Object.hasOwn(granted.record.maps, mapId)) return { refusal: 'taken' };
    if (Object.keys(granted.record.maps).length >= this.options.maxMaps) return { refusal: 'full' };
    return { record: granted.record };
  }

  private async addEntry(spaceId: string, record: SpaceRecord, mapId: string, key: string): Promise<SpaceMapListing> {
    const addedAt = new Date().toISOString();
    await this.write(spaceId, { ...record, maps: { ...record.maps, [mapId]: { key, addedAt } } });
    return { id: mapId, addedAt };
  }

  /** Gives a link role a new token; the old one stops working and its connections close. null if not the owner. */
  rotate(spaceId: string, ownerToken: string | null, role: LinkRole): Promise<string | null> {
    return this.serial(spaceId, async () => {
      const granted = await this.authorize(spaceId, ownerToken, true);
      if (granted?.role !== 'owner') return null;
      const token = newSpaceToken(spaceId);
      await this.linksChanged(spaceId, granted.record, ownerToken!, role, token);
      return token;
    });
  }

  /** Leaves a link role without a token until it is rotated again; its connections close. false if not the owner. */
  revoke(spaceId: string, ownerToken: string | null, role: LinkRole): Promise<boolean> {
    return this.serial(spaceId, async () => {
      const granted = await this.authorize(spaceId, ownerToken, true);
      if (granted?.role !== 'owner') return false;
      await this.linksChanged(spaceId, granted.record, ownerToken!, role, null);
      return true;
    });
  }

  private async linksChanged(spaceId: string, record: SpaceRecord, ownerToken: string, role: LinkRole, token: string | null): Promise<void> {
    const links = { ...unsealLinks(ownerToken, record.sealedLinks), [role]: token };
    const updated = { ...record, [role]: token === null ? null : hashToken(token), sealedLinks: sealLinks(ownerToken, links) };
    await this.store.putSpace(spaceId, updated);
    this.records.changed(spaceId, updated);
    this.onRevoked(spaceId, role);
  }

  /** The links' tokens as the owner last set them; null if not the owner. */
  async links(spaceId: string, ownerToken: string | null): Promise<LinkTokens | null> {
    const granted = await this.authorize(spaceId, ownerToken);
    if (granted?.role !== 'owner') return null;
    return unsealLinks(ownerToken!, granted.record.sealedLinks);
  }
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
