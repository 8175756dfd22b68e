import { create } from 'zustand';
import type { LinkRole, Role } from '../access/roles';
import type { LibraryPersonaDraft, LibraryPersonaPatch } from '../model/space/ops';
import type { SpaceIndex } from '../model/space/types';
import type { Journey } from '../model/types';
import type * as Y from 'yjs';
import type { ConnectionStatus } from '../sync/session';

/**
 * The team spaces this device joined, as the UI sees them (issue 16). The app
 * (src/app/spaceHub.ts) keeps each space's index document open, synced and stored, and
 * publishes what it reads here; the library screen renders it and asks for changes through
 * `SpaceService`, so the UI never reaches storage, sync or the relay's API itself.
 */

export interface JoinedSpace {
  id: string;
  name: string;
  role: Role;
  /** the owner's copies of the links (null: turned off; absent: not known on this device) */
  links: Partial<Record<LinkRole, string | null>>;
}

/** Someone in a space right now, and which of its maps they have open (null: its library). */
export interface SpacePresence {
  id: string;
  name: string;
  color: string;
  mapId: string | null;
}

export interface SpaceState {
  space: JoinedSpace;
  index: SpaceIndex;
  status: ConnectionStatus;
  /** the maps the relay lists in the space, null until it answered (offline: as last seen) */
  listed: ReadonlySet<string> | null;
  presence: SpacePresence[];
  /** bumped whenever this device stored newer content of one of the space's maps (views over the journeys read them again) */
  revision: number;
}

/** One map of a space as read from this device. */
export interface SpaceJourney {
  id: string;
  title: string;
  journey: Journey;
  /** counted dots per card id of the map's last ended vote round (`lastRoundVotes`), empty when none is stored here */
  votes: ReadonlyMap<string, number>;
}

export type JoinResult = 'joined' | 'invalid' | 'unreachable';

/** Where a change made through `editMap` is: sent to the relay, or kept on this device until it is online. */
export type EditOutcome = 'sent' | 'kept';

/** What the library may ask of the spaces; the app implements it (src/app/spaceHub.ts). */
export interface SpaceService {
  create(name: string): Promise<string>;
  join(spaceId: string, token: string): Promise<JoinResult>;
  leave(spaceId: string): Promise<void>;
  /** a map just made on this device (stored or in memory) becomes a map of the space */
  addNewMap(spaceId: string, doc: Y.Doc): Promise<void>;
  /** a map of this device moves into the space (shared ones keep their links) */
  moveMap(spaceId: string, mapId: string): Promise<void>;
  /** before the editor opens a map of the space: this device's share for it */
  prepareMap(spaceId: string, mapId: string): void;
  setArchived(spaceId: string, mapId: string, archived: boolean): void;
  setTags(spaceId: string, mapId: string, tags: string[]): void;
  rename(spaceId: string, name: string): void;
  linkUrl(spaceId: string, role: LinkRole): string | null;
  rotateLink(spaceId: string, role: LinkRole): Promise<void>;
  revokeLink(spaceId: string, role: LinkRole): Promise<void>;
  /** the content of every map of the space this device holds (for search, the persona pages and the opportunity board) */
  loadJourneys(spaceId: string): Promise<SpaceJourney[]>;
  /**
   * Changes a map of the space that may not be open here: the editor's doc when it is, else the
   * map is opened from the device, synced, changed in one transaction and closed again (offline:
   * the change is kept on the device and goes up the next time the map syncs). Owner and edit only.
   * Resolves with 'sent' when the relay had the map in sync, 'kept' when the change waits on this device.
   */
  editMap(spaceId: string, mapId: string, edit: (doc: Y.Doc) => void): Promise<EditOutcome>;
  /** bytes this device keeps for the space: its index and its maps */
  storageBytes(spaceId: string): Promise<number>;
  // the persona library (issue 16 item 4): owner and edit only (others: a 403 ShareApiError)
  /** a new persona at the end of the library; its id, null when the library is full */
  addLibraryPersona(spaceId: string, draft: LibraryPersonaDraft): string | null;
  /** changes a library persona; the maps of the space linked to it follow (see SpaceHub) */
  updateLibraryPersona(spaceId: string, id: string, patch: LibraryPersonaPatch): boolean;
  /** moves it just before `beforeId`, or to the end with null */
  moveLibraryPersona(spaceId: string, id: string, beforeId: string | null): boolean;
  /** deletes it from the library; maps keep their copy */
  deleteLibraryPersona(spaceId: string, id: string): boolean;

  // ---- files for a whole space (src/app/spaceFiles.ts) ----
  /** the space as a `.waymark-space.zip`: every map of it this device holds (journey, comments, votes, images), the index and the persona library; any role */
  exportSpace(spaceId: string): Promise<Uint8Array>;
  /** a space export recreated as a new space of this device (the relay is needed once, to create it); a file with problems changes nothing */
  importSpace(archive: Uint8Array): Promise<SpaceImportResult>;
}

/** What came of importing a space export. */
export type SpaceImportResult =
  | { ok: true; spaceId: string; name: string; maps: number }
  /** the file has problems (each `file: path: reason`) and nothing was changed */
  | { ok: false; reason: 'invalid'; problems: string[] }
  /** the relay could not be reached, so no space could be created; nothing was changed */
  | { ok: false; reason: 'offline' };

interface SpacesStore {
  /** false until the app read the joined spaces from the device */
  ready: boolean;
  spaces: Record<string, SpaceState>;
  /** every map id of every joined space (the "This device" list leaves them out) */
  spaceMapIds: ReadonlySet<string>;
  service: SpaceService | null;
  /** a space link being opened on this device, and what came of it (null: still asking the relay) */
  joining: { spaceId: string; result: JoinResult | null } | null;
}

export const useSpaces = create<SpacesStore>(() => ({ ready: false, spaces: {}, spaceMapIds: new Set(), service: null, joining: null }));

/** The joined spaces in the order they were joined. */
export const spaceList = (spaces: Record<string, SpaceState>): SpaceState[] => Object.values(spaces);
