import * as Y from 'yjs';
import { LINK_ROLES, ROLES, type LinkRole, type Role } from '../access/roles';
import { tokenField } from '../access/rooms';
import { spacePath, spaceSyncRoom } from '../access/routes';
import { renderThumbnailSvg } from '../export/thumbnail';
import { readJourney } from '../model/doc';
import { lastRoundVotes } from '../model/opportunities';
import { initSpaceIndex, readSpaceIndex } from '../model/space/doc';
import { mapEntryFromJourney } from '../model/space/entryFromJourney';
import { putMapEntry, renameSpace, setMapArchived, setMapTags } from '../model/space/ops';
import * as libraryOps from '../model/space/ops';
import { applyLibraryPersona, differsFromLibrary } from '../model/ops/libraryPersonas';
import type { LibraryPersonaDraft, LibraryPersonaPatch } from '../model/space/ops';
import type { Journey } from '../model/types';
import {
  feedbackStorageKey,
  getMapEntry,
  getSpace,
  leaveSpace,
  listSpaces,
  loadMapDoc,
  loadShare,
  MapPersistence,
  saveNewMap,
  saveShare,
  saveSpace,
  spaceDocKey,
  type StoredSpace,
  type WaymarkDB,
} from '../storage';
import { useEditor } from '../store/editorStore';
import { useSpaces, type EditOutcome, type JoinResult, type SpaceImportResult, type SpaceJourney, type SpacePresence, type SpaceService, type SpaceState } from '../store/spaces';
import { isUnreachable, ShareApiError } from '../sync/api';
import type { DeviceIdentity } from '../sync/identity';
import { SyncSession } from '../sync/session';
import type { DeviceMaps } from './spaceFiles';
import { ownerShare, type MapShare } from '../sync/shares';
import { addMapToSpace, createSpace, listSpaceMaps, moveMapToSpace, revokeSpaceLink, rotateSpaceLink, spaceAccess } from '../sync/spaces';

/**
 * The spaces this device joined, kept open for as long as the app runs (issue 16): each space's
 * index document is stored on the device (MapPersistence under `spaceDocKey`) and synced through
 * the relay's space room, so the team library works offline and a colleague's new map or rename
 * arrives within a second. What it reads is published to `useSpaces` (src/store/spaces.ts), and
 * the library asks for changes through the `SpaceService` this class implements.
 *
 * The maps of a space are ordinary maps of this device: opened with the space token (or, for a
 * map this device created, with the map's own owner token), and fetched in the background once
 * the relay lists them, so the whole space is here for offline work.
 */

/** How long a background fetch waits for one map's first sync before moving on. */
const FETCH_TIMEOUT_MS = 15_000;
/** Reports of an open map to the index wait for the editing to rest this long. */
export const REPORT_DELAY_MS = 700;
/** How soon the relay's listing is asked for again when the index names a map it did not list. */
const RELIST_DELAY_MS = 1_500;
const RELIST_MAX_DELAY_MS = 60_000;

interface OpenSpace {
  stored: StoredSpace;
  doc: Y.Doc;
  persistence: MapPersistence;
  session: SyncSession | null;
  listed: ReadonlySet<string> | null;
  /** see SpaceState.revision */
  revision: number;
  /** a listing asked for because the index names maps the relay did not list */
  relistTimer: ReturnType<typeof setTimeout> | null;
  relistDelay: number;
  /** the unlisted maps the last relisting was for */
  relistFor: string;
  offs: (() => void)[];
}

const mayWriteSpace = (role: Role) => role === 'owner' || role === 'edit';
/** which of two roles gives more rights (ROLES runs from the most to the fewest) */
const stronger = (a: Role, b: Role): Role => (ROLES.indexOf(a) <= ROLES.indexOf(b) ? a : b);

export class SpaceHub implements SpaceService {
  private readonly open = new Map<string, OpenSpace>();
  private publishQueued = false;
  private openMapId: string | null = null;
  private fetching: Promise<void> = Promise.resolve();
  private readonly fetched = new Map<string, number>();
  private destroyed = false;
  /** journeys read for search and the cross-map views, with the index's time they were read at */
  private readonly journeys = new Map<string, { updatedAt: number; journey: SpaceJourney }>();

  constructor(
    private readonly db: WaymarkDB | null,
    private readonly device: () => DeviceIdentity,
  ) {}

  async start(): Promise<void> {
    useSpaces.setState({ service: this });
    const stored = this.db ? await listSpaces(this.db).catch(() => []) : [];
    if (this.destroyed) return;
    for (const space of stored) this.openSpace(space);
    useSpaces.setState({ ready: true });
    this.publish();
  }

  destroy(): void {
    this.destroyed = true;
    for (const id of [...this.open.keys()]) this.closeSpace(id);
    useSpaces.setState({ service: null, spaces: {}, spaceMapIds: new Set(), ready: false });
  }

  // ---- the index documents ---------------------------------------------------------------------

  private openSpace(stored: StoredSpace): OpenSpace {
    const existing = this.open.get(stored.id);
    if (existing) return existing;
    const doc = new Y.Doc();
    const persistence = new MapPersistence(this.db, spaceDocKey(stored.id), doc, { libraryEntry: false, channelName: `waymark:space:${stored.id}` });
    const space: OpenSpace = { stored, doc, persistence, session: null, listed: null, revision: 0, relistTimer: null, relistDelay: RELIST_DELAY_MS, relistFor: '', offs: [] };
    this.open.set(stored.id, space);
    const onUpdate = () => {
      this.schedulePublish();
      // a colleague changed a map (its entry's updatedAt moved): fetch it, so views over the
      // journeys (search, the opportunity board) see the change without a reload
      if (space.listed && space.session?.status === 'synced') this.fetchSpaceMaps(space);
    };
    doc.on('update', onUpdate);
    space.offs.push(() => doc.off('update', onUpdate));
    void persistence.whenLoaded.then(() => {
      if (this.open.get(stored.id) !== space) return;
      this.connect(space);
      this.schedulePublish();
    });
    return space;
  }

  private connect(space: OpenSpace): void {
    const device = this.device();
    const session = new SyncSession(space.doc, space.stored.id, { token: space.stored.token, identitySecret: device.secret }, device.identity, {
      room: spaceSyncRoom(space.stored.id),
    });
    session.awareness.setLocalStateField('map', this.openMapId);
    space.session = session;
    space.offs.push(
      session.onStatus((status) => {
        this.schedulePublish();
        if (status === 'synced') void this.refreshListing(space.stored.id);
      }),
    );
    const onPresence = () => this.schedulePublish();
    session.awareness.on('change', onPresence);
    space.offs.push(() => session.awareness.off('change', onPresence));
    void this.refreshListing(space.stored.id);
  }

  private closeSpace(id: string): void {
    const space = this.open.get(id);
    if (!space) return;
    this.open.delete(id);
    if (space.relistTimer) clearTimeout(space.relistTimer);
    for (const off of space.offs) off();
    space.session?.destroy();
    void space.persistence.destroy().then(() => space.doc.destroy());
  }

  /** Asks the relay which maps the space has (and the name and role), then registers and fetches what is missing. */
  private async refreshListing(spaceId: string): Promise<void> {
    const space = this.open.get(spaceId);
    if (!space) return;
    try {
      const answer = await listSpaceMaps(spaceId, space.stored.token);
      if (this.open.get(spaceId) !== space) return;
      space.listed = new Set(answer.maps.map((m) => m.id));
      if (answer.role !== space.stored.role || answer.name !== space.stored.name) {
        space.stored = { ...space.stored, role: answer.role, name: answer.name || space.stored.name };
        if (this.db) void saveSpace(this.db, space.stored).catch(() => undefined);
      }
      this.schedulePublish();
      await this.registerOfflineMaps(space);
      this.fetchSpaceMaps(space);
    } catch {
      // offline or refused: the index shows what it last had; a revoked link shows as 'denied'
    }
  }

  /**
   * Asks for the listing again soon; while the same maps stay unlisted (their maker is still
   * offline) the wait doubles, up to a minute, so a device does not poll the relay for them.
   */
  private relistSoon(space: OpenSpace, unlisted: string): void {
    if (space.relistTimer) return;
    space.relistDelay = unlisted === space.relistFor ? Math.min(space.relistDelay * 2, RELIST_MAX_DELAY_MS) : RELIST_DELAY_MS;
    space.relistFor = unlisted;
    space.relistTimer = setTimeout(() => {
      space.relistTimer = null;
      void this.refreshListing(space.stored.id);
    }, space.relistDelay);
  }

  private schedulePublish(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      this.publish();
    });
  }

  private publish(): void {
    if (this.destroyed) return;
    const spaces: Record<string, SpaceState> = {};
    const mapIds = new Set<string>();
    for (const [id, space] of this.open) {
      const index = readSpaceIndex(space.doc);
      for (const entry of index.maps) mapIds.add(entry.id);
      // a colleague's new map (or one made offline, registered now): ask the relay again, at most every few seconds
      if (space.listed) {
        const unlisted = index.maps.filter((entry) => !space.listed!.has(entry.id)).map((entry) => entry.id).join(',');
        if (unlisted) this.relistSoon(space, unlisted);
      }
      for (const listed of space.listed ?? []) mapIds.add(listed);
      spaces[id] = {
        space: { id, name: index.name || space.stored.name, role: space.stored.role, links: space.stored.links ?? {} },
        index,
        status: space.session?.status ?? 'connecting',
        listed: space.listed,
        presence: this.presenceOf(space),
        revision: space.revision,
      };
    }
    useSpaces.setState({ spaces, spaceMapIds: mapIds });
  }

  private presenceOf(space: OpenSpace): SpacePresence[] {
    const session = space.session;
    if (!session) return [];
    const where = new Map<number, string | null>();
    for (const [clientId, state] of session.awareness.getStates()) {
      const map = (state as { map?: unknown }).map;
      where.set(clientId, typeof map === 'string' ? map.slice(0, 64) : null);
    }
    // one entry per person: a second tab of someone shows once, in the map it has open if any
    const byPerson = new Map<string, SpacePresence>();
    for (const peer of session.peers()) {
      const key = peer.id || `client:${peer.clientId}`;
      const mapId = where.get(peer.clientId) ?? null;
      const known = byPerson.get(key);
      if (!known || (known.mapId === null && mapId !== null)) byPerson.set(key, { id: key, name: peer.name, color: peer.color, mapId });
    }
    return [...byPerson.values()];
  }

  // ---- what the library asks -----------------------------------------------------------------

  async create(name: string): Promise<string> {
    const created = await createSpace(name);
    const stored: StoredSpace = {
      id: created.id,
      name,
      token: created.ownerToken,
      role: 'owner',
      joinedAt: Date.now(),
      links: Object.fromEntries(LINK_ROLES.map((role) => [role, created[tokenField(role)]])),
    };
    if (this.db) await saveSpace(this.db, stored);
    const space = this.openSpace(stored);
    await space.persistence.whenLoaded;
    initSpaceIndex(space.doc, name);
    this.publish();
    return created.id;
  }

  async join(spaceId: string, token: string): Promise<JoinResult> {
    let access: { role: Role; name: string };
    try {
      access = await spaceAccess(spaceId, token);
    } catch (error) {
      return error instanceof ShareApiError && (error.status === 401 || error.status === 404) ? 'invalid' : 'unreachable';
    }
    const known = this.open.get(spaceId)?.stored ?? (this.db ? await getSpace(this.db, spaceId).catch(() => null) : null);
    // opening a lesser link of a space this device holds with more rights keeps the better one
    if (known && stronger(known.role, access.role) === known.role && known.role !== access.role) return 'joined';
    const stored: StoredSpace = { id: spaceId, name: access.name, token, role: access.role, joinedAt: known?.joinedAt ?? Date.now(), ...(known?.links ? { links: known.links } : {}) };
    if (this.db) await saveSpace(this.db, stored);
    if (known) this.closeSpace(spaceId);
    this.openSpace(stored);
    this.publish();
    return 'joined';
  }

  async leave(spaceId: string): Promise<void> {
    this.closeSpace(spaceId);
    if (this.db) await leaveSpace(this.db, spaceId);
    this.publish();
  }

  async addNewMap(spaceId: string, mapDoc: Y.Doc): Promise<void> {
    const space = this.writable(spaceId);
    const journey = readJourney(mapDoc);
    this.report(space, journey, Date.now());
    try {
      await this.register(space, journey.id);
    } catch (error) {
      // made offline: the index has it already; it is registered when the relay answers again
      if (!isUnreachable(error)) throw error;
    }
  }

  async moveMap(spaceId: string, mapId: string): Promise<void> {
    const space = this.writable(spaceId);
    const share = loadShare(mapId);
    if (share && share.role !== 'owner') throw new ShareApiError(403, 'only the map owner can move it');
    if (share) {
      const added = await moveMapToSpace(spaceId, space.stored.token, mapId, share.token);
      void added;
    } else {
      await this.register(space, mapId);
    }
    const doc = this.db ? await loadMapDoc(this.db, mapId) : null;
    if (doc) {
      this.report(space, readJourney(doc), Date.now());
      doc.destroy();
    }
    void this.refreshListing(spaceId);
  }

  prepareMap(spaceId: string, mapId: string): void {
    const space = this.open.get(spaceId);
    if (!space) return;
    const share = loadShare(mapId);
    if (share && stronger(share.role, space.stored.role) === share.role) return;
    const spaceShare: MapShare = { role: space.stored.role, token: space.stored.token };
    saveShare(mapId, spaceShare);
  }

  setArchived(spaceId: string, mapId: string, archived: boolean): void {
    setMapArchived(this.writable(spaceId).doc, mapId, archived);
  }

  setTags(spaceId: string, mapId: string, tags: string[]): void {
    setMapTags(this.writable(spaceId).doc, mapId, tags);
  }

  rename(spaceId: string, name: string): void {
    renameSpace(this.writable(spaceId).doc, name);
  }

  linkUrl(spaceId: string, role: LinkRole): string | null {
    const token = this.open.get(spaceId)?.stored.links?.[role];
    return token ? `${location.origin}${spacePath(spaceId)}#token=${encodeURIComponent(token)}` : null;
  }

  async rotateLink(spaceId: string, role: LinkRole): Promise<void> {
    const space = this.owned(spaceId);
    const { token } = await rotateSpaceLink(spaceId, role, space.stored.token);
    await this.updateLinks(space, { [role]: token });
  }

  async revokeLink(spaceId: string, role: LinkRole): Promise<void> {
    const space = this.owned(spaceId);
    await revokeSpaceLink(spaceId, role, space.stored.token);
    await this.updateLinks(space, { [role]: null });
  }

  async loadJourneys(spaceId: string): Promise<SpaceJourney[]> {
    const space = this.open.get(spaceId);
    const db = this.db;
    if (!db || !space) return [];
    const entries = readSpaceIndex(space.doc).maps;
    const read = await Promise.all(entries.map((entry) => this.journeyOf(db, entry.id, entry.updatedAt)));
    return read.filter((journey): journey is SpaceJourney => journey !== null);
  }

  /** A map's journey as stored here, read again only when the index says it changed since. */
  private async journeyOf(db: WaymarkDB, mapId: string, updatedAt: number): Promise<SpaceJourney | null> {
    const cached = this.journeys.get(mapId);
    if (cached && cached.updatedAt >= updatedAt) return cached.journey;
    const [doc, feedback] = await Promise.all([loadMapDoc(db, mapId).catch(() => null), loadMapDoc(db, feedbackStorageKey(mapId)).catch(() => null)]);
    try {
      if (!doc) return null;
      const journey = readJourney(doc);
      // the opportunity board's votes: the dots of the map's last ended round (empty: none stored here)
      const votes = feedback ? lastRoundVotes(feedback) : new Map<string, number>();
      const read: SpaceJourney = { id: mapId, title: journey.title, journey, votes };
      this.journeys.set(mapId, { updatedAt, journey: read });
      return read;
    } finally {
      doc?.destroy();
      feedback?.destroy();
    }
  }

  async editMap(spaceId: string, mapId: string, edit: (doc: Y.Doc) => void): Promise<EditOutcome> {
    const space = this.writable(spaceId);
    const { session: open, collab } = useEditor.getState();
    if (open?.mapId === mapId) {
      // the editor has it: its doc, its connection and its undo history take the change
      edit(open.doc);
      return collab?.status === 'synced' ? 'sent' : 'kept';
    }
    const db = this.db;
    const doc = new Y.Doc();
    const persistence = new MapPersistence(db, mapId, doc);
    await persistence.whenLoaded;
    const edited = () => {
      this.journeys.delete(mapId);
      space.revision++;
      this.report(space, readJourney(doc), Date.now());
    };
    // The relay is out of reach (the space's own connection is down) and the map is here: change
    // it at once and keep it; it goes up with the next background fetch once the space is back.
    if (space.session?.status !== 'synced' && doc.getMap('meta').get('id') === mapId) {
      try {
        edit(doc);
        this.fetched.delete(mapId);
        edited();
        return 'kept';
      } finally {
        await persistence.destroy();
        doc.destroy();
      }
    }
    const share = loadShare(mapId) ?? { role: space.stored.role, token: space.stored.token };
    const device = this.device();
    const session = new SyncSession(doc, mapId, { token: share.token, identitySecret: device.secret }, device.identity, { presence: false });
    try {
      await waitForSync(session);
      if (doc.getMap('meta').get('id') !== mapId) throw new ShareApiError(404, 'the map is not on this device yet');
      edit(doc);
      // y-websocket sends an update as it happens; give the socket a moment to hand it over
      if (session.status === 'synced') await new Promise((resolve) => setTimeout(resolve, 250));
      else this.fetched.delete(mapId);
      edited();
      return session.status === 'synced' ? 'sent' : 'kept';
    } finally {
      session.destroy();
      await persistence.destroy();
      doc.destroy();
    }
  }

  async storageBytes(spaceId: string): Promise<number> {
    const space = this.open.get(spaceId);
    if (!this.db || !space) return 0;
    const ids = new Set([...readSpaceIndex(space.doc).maps.map((m) => m.id), ...(space.listed ?? [])]);
    const keys = [spaceDocKey(spaceId), ...[...ids].flatMap((id) => [id, feedbackStorageKey(id)])];
    let bytes = 0;
    await this.db.updates.where('mapId').anyOf(keys).each((row) => {
      bytes += row.update.byteLength;
    });
    return bytes;
  }

  // ---- the persona library (issue 16 item 4) ------------------------------------------------------

  addLibraryPersona(spaceId: string, draft: LibraryPersonaDraft): string | null {
    return libraryOps.addLibraryPersona(this.writable(spaceId).doc, draft);
  }

  /**
   * Changes a library persona; every map that follows it takes the change: the open map at once
   * (useLibraryPersonaSync), and each other map of the space this device holds that links it
   * in the background, one after the other (a map that cannot be reached now is skipped; it
   * takes the change the next time someone who may edit it opens it).
   */
  updateLibraryPersona(spaceId: string, id: string, patch: LibraryPersonaPatch): boolean {
    const space = this.writable(spaceId);
    const updated = libraryOps.updateLibraryPersona(space.doc, id, patch);
    if (updated) this.propagateLibraryPersona(spaceId, id);
    return updated;
  }

  moveLibraryPersona(spaceId: string, id: string, beforeId: string | null): boolean {
    return libraryOps.moveLibraryPersona(this.writable(spaceId).doc, id, beforeId);
  }

  deleteLibraryPersona(spaceId: string, id: string): boolean {
    return libraryOps.deleteLibraryPersona(this.writable(spaceId).doc, id);
  }

  /** resolves when the last background propagation started so far has finished (tests wait on it) */
  propagation: Promise<void> = Promise.resolve();

  private propagateLibraryPersona(spaceId: string, libraryId: string): void {
    this.propagation = this.propagation.then(async () => {
      const journeys = await this.loadJourneys(spaceId).catch(() => [] as SpaceJourney[]);
      for (const { id: mapId, journey } of journeys) {
        if (!journey.personas.some((persona) => persona.libraryId === libraryId)) continue;
        // read the persona again for every map: it may have changed again meanwhile
        const persona = this.open.get(spaceId) ? readSpaceIndex(this.open.get(spaceId)!.doc).personas.find((p) => p.id === libraryId) : undefined;
        if (!persona) return;
        const differs = journey.personas.some((p) => p.libraryId === libraryId && differsFromLibrary(p, persona));
        if (!differs) continue;
        try {
          await this.editMap(spaceId, mapId, (doc) => void applyLibraryPersona(doc, persona));
        } catch {
          // not reachable or not writable now: it follows the next time it is opened
        }
      }
    });
  }

  // ---- files for a whole space (issue 16 item 7; the code is src/app/spaceFiles.ts, loaded on demand) ----

  async exportSpace(spaceId: string): Promise<Uint8Array> {
    const space = this.open.get(spaceId);
    if (!space) throw new ShareApiError(404, 'not a space of this device');
    if (!this.db) throw new Error('this browser keeps no maps on the device');
    const files = await import('./spaceFiles');
    return files.buildSpaceArchive(deviceMaps(this.db), space.doc, space.stored.name);
  }

  async importSpace(archive: Uint8Array): Promise<SpaceImportResult> {
    const files = await import('./spaceFiles');
    const read = files.readArchive(archive);
    if (!read.ok) return { ok: false, reason: 'invalid', problems: read.problems };
    if (!this.db) throw new Error('this browser keeps no maps on the device');
    const name = read.archive.manifest.space.name.trim() || 'Space';
    let spaceId: string;
    try {
      spaceId = await this.create(name);
    } catch (error) {
      if (isUnreachable(error)) return { ok: false, reason: 'offline' };
      throw error;
    }
    const space = this.open.get(spaceId)!;
    const mapIds = await files.fillImportedSpace(deviceMaps(this.db), space.doc, read.archive);
    for (const mapId of mapIds) {
      try {
        await this.register(space, mapId);
      } catch (error) {
        // the relay went away meanwhile: the maps are in the index and on this device, registered when it answers again
        if (!isUnreachable(error)) throw error;
        break;
      }
    }
    this.publish();
    // the background fetch syncs each map once, which puts its content on the relay
    void this.refreshListing(spaceId);
    return { ok: true, spaceId, name, maps: mapIds.length };
  }

  // ---- the editor's side -------------------------------------------------------------------------

  /** The editor has this map open (null: none): colleagues in its space see where I am. */
  setOpenMap(mapId: string | null): void {
    this.openMapId = mapId;
    for (const space of this.open.values()) space.session?.awareness.setLocalStateField('map', mapId);
  }

  /** The space holding a map, if this device joined it. */
  spaceOfMap(mapId: string): string | null {
    for (const [id, space] of this.open) {
      if (space.listed?.has(mapId) || space.doc.getMap('maps').has(mapId)) return id;
    }
    return null;
  }

  /** An open map changed: its line in the space's index follows (title, counts, personas, thumbnail, who). */
  reportMap(mapId: string, journey: Journey): void {
    const spaceId = this.spaceOfMap(mapId);
    const space = spaceId ? this.open.get(spaceId) : undefined;
    if (!space || !mayWriteSpace(space.stored.role)) return;
    this.report(space, journey, Date.now());
  }

  // ---- inside --------------------------------------------------------------------------------------

  private report(space: OpenSpace, journey: Journey, now: number): void {
    const entry = mapEntryFromJourney(journey, { now, by: this.device().identity.name, thumbnail: renderThumbnailSvg(journey) });
    putMapEntry(space.doc, { ...entry, createdAt: now });
  }

  private async register(space: OpenSpace, mapId: string): Promise<void> {
    const added = await addMapToSpace(space.stored.id, space.stored.token, mapId);
    if (added.registered) saveShare(mapId, ownerShare(added.registered));
    space.listed = new Set([...(space.listed ?? []), mapId]);
    this.schedulePublish();
  }

  /**
   * Maps this device put into the index while the relay could not be reached (their entry is
   * there, the relay does not list them and this device holds no share for them): registered now.
   */
  private async registerOfflineMaps(space: OpenSpace): Promise<void> {
    if (!this.db || !space.listed || !mayWriteSpace(space.stored.role)) return;
    for (const entry of readSpaceIndex(space.doc).maps) {
      if (space.listed.has(entry.id) || loadShare(entry.id)) continue;
      if (!(await getMapEntry(this.db, entry.id).catch(() => null))) continue;
      try {
        await this.register(space, entry.id);
      } catch {
        return;
      }
    }
  }

  /**
   * Keeps every map of the space on this device: each listed map that is missing here, or that
   * the index says changed since this device last fetched it, is synced once in the background,
   * one at a time, map and feedback (comments, votes) alike.
   */
  private fetchSpaceMaps(space: OpenSpace): void {
    const db = this.db;
    if (!db || !space.listed) return;
    const updatedAt = new Map(readSpaceIndex(space.doc).maps.map((m) => [m.id, m.updatedAt]));
    for (const mapId of space.listed) {
      if (mapId === this.openMapId) continue;
      const changed = updatedAt.get(mapId) ?? 0;
      if ((this.fetched.get(mapId) ?? -1) >= changed) continue;
      this.fetched.set(mapId, changed);
      this.fetching = this.fetching.then(() => this.fetchMap(db, space, mapId)).catch(() => undefined);
    }
  }

  private async fetchMap(db: WaymarkDB, space: OpenSpace, mapId: string): Promise<void> {
    if (this.destroyed || this.open.get(space.stored.id) !== space || mapId === this.openMapId) return;
    const entry = await getMapEntry(db, mapId).catch(() => null);
    if (entry?.deletedAt) return;
    const share = loadShare(mapId) ?? { role: space.stored.role, token: space.stored.token };
    const device = this.device();
    const docs = [new Y.Doc(), new Y.Doc()] as const;
    const keys = [mapId, feedbackStorageKey(mapId)];
    const persistences = docs.map((doc, i) => new MapPersistence(db, keys[i]!, doc, { channelName: false, libraryEntry: i === 0 }));
    await Promise.all(persistences.map((p) => p.whenLoaded));
    const sessions = docs.map(
      (doc, i) =>
        new SyncSession(doc, mapId, { token: share.token, identitySecret: device.secret }, device.identity, {
          presence: false,
          ...(i === 1 ? { room: feedbackStorageKey(mapId) } : {}),
        }),
    );
    try {
      await Promise.all(sessions.map(waitForSync));
      // not reached (offline): fetched again, and what waits here sent, when the space is back
      if (sessions.some((session) => session.status !== 'synced')) this.fetched.delete(mapId);
      this.journeys.delete(mapId);
      space.revision++;
      this.schedulePublish();
      if (!entry && docs[0].getMap('meta').get('id') === mapId) {
        loadShare(mapId) || saveShare(mapId, share);
        await saveNewMap(db, docs[0], { thumbnail: renderThumbnailSvg(readJourney(docs[0])) }).catch(() => undefined);
      }
    } finally {
      for (const session of sessions) session.destroy();
      await Promise.all(persistences.map((p) => p.destroy()));
      for (const doc of docs) doc.destroy();
    }
  }

  private writable(spaceId: string): OpenSpace {
    const space = this.open.get(spaceId);
    if (!space) throw new ShareApiError(404, 'not a space of this device');
    if (!mayWriteSpace(space.stored.role)) throw new ShareApiError(403, 'this link cannot change the space');
    return space;
  }

  private owned(spaceId: string): OpenSpace {
    const space = this.open.get(spaceId);
    if (!space || space.stored.role !== 'owner') throw new ShareApiError(403, 'only the space owner manages its links');
    return space;
  }

  private async updateLinks(space: OpenSpace, changes: Partial<Record<LinkRole, string | null>>): Promise<void> {
    space.stored = { ...space.stored, links: { ...space.stored.links, ...changes } };
    if (this.db) await saveSpace(this.db, space.stored);
    this.publish();
  }
}

/** This device's storage as the space files (src/app/spaceFiles.ts) use it. */
export function deviceMaps(db: WaymarkDB): DeviceMaps {
  return {
    load: (key) => loadMapDoc(db, key),
    feedbackKey: feedbackStorageKey,
    has: async (mapId) => (await getMapEntry(db, mapId)) !== null,
    save: async (doc, feedback, thumbnail) => {
      await saveNewMap(db, doc, { thumbnail, feedback });
    },
    thumbnail: renderThumbnailSvg,
  };
}

function waitForSync(session: SyncSession): Promise<void> {
  return new Promise((resolve) => {
    if (session.status === 'synced') return resolve();
    const timer = setTimeout(done, FETCH_TIMEOUT_MS);
    const off = session.onStatus((status) => {
      if (status === 'synced' || status === 'denied' || status === 'full') done();
    });
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}

let current: SpaceHub | null = null;

/** The app's hub while it runs (App.tsx starts it once the database is known); null before. */
export const spaceHub = (): SpaceHub | null => current;
export function setSpaceHub(hub: SpaceHub | null): void {
  current = hub;
}
