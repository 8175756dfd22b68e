import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { feedbackRoom } from '../access/rooms';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { VoteBanner } from '../canvas/VoteBanner';
import { readMeta } from '../model/doc';
import { createUndoManager } from '../model/undo';
import { ShareDialog } from '../panels/share/ShareDialog';
import { useUnsavedWarning } from './useUnsavedWarning';
import { feedbackStorageKey, getMapEntry, MapPersistence, saveNewMap, type PersistenceStatus, type WaymarkDB } from '../storage';
import { cardOfSearch, requestCardFocus } from '../store/cardFocus';
import { useEditor } from '../store/editorStore';
import { checkAccess, fetchLinks, ShareApiError } from '../sync/api';
import {
  onIdentityStored,
  rememberAskedForName,
  saveIdentity,
  wasAskedForName,
  withProfile,
  type DeviceIdentity,
  type Identity,
} from '../sync/identity';
import { NamePrompt } from '../panels/presence';
import { VersionPreviewBanner } from '../panels/versions';
import { SyncSession } from '../sync/session';
import { loadShare, rememberOwnerKeyKept, saveShare } from '../storage/shareTokens';
import { ownerShareFromKey, tokenFromFragment, type MapShare } from '../sync/shares';
import { deviceIdentityFor, hasGuestName } from './deviceIdentity';
import { EditorOverlays } from './EditorOverlays';
import { EditorTopBar } from './EditorTopBar';
import { getMemoryMap } from './memoryMaps';
import { OnDemandBoundary } from '../panels/onDemand';
import { usePrefetchParts, WorkshopPresentation } from './parts';
import { SidePanel } from './SidePanel';
import { StorageBanner } from './StorageBanner';
import { useCollaboration } from './useCollaboration';
import { useSpaceReport } from './useSpaceReport';
import { useDetailMapSource } from './useDetailMapChoices';
import { useLibraryPersonaSync } from './useLibraryPersonaSync';
import { useThumbnailUpdates } from './useThumbnailUpdates';
import { createVersionHistory } from './versionHistory';
import { setVersionHistory } from '../store/versionHistoryStore';

type LoadState =
  | { phase: 'loading' }
  | { phase: 'joining' }
  | { phase: 'ready'; persistence: MapPersistence }
  | { phase: 'missing'; reason: 'notOnDevice' | 'linkInvalid' | 'unreachable' };

/** How long to wait for the relay when opening a shared map this device has never seen. */
const JOIN_TIMEOUT_MS = 15_000;

/**
 * The share this device should use for a map: a token from the link being opened (checked with
 * the relay, and remembered), else the one remembered from before, else none (private map).
 */
async function resolveShare(mapId: string, linkToken: string | null): Promise<MapShare | 'invalid' | null> {
  const known = loadShare(mapId);
  if (!linkToken || linkToken === known?.token) return known;
  try {
    const { role } = await checkAccess(mapId, linkToken);
    if (role === 'owner') {
      // an owner link (the owner key): this device takes over as owner, with the links the relay keeps for the owner
      const share = ownerShareFromKey(linkToken, await fetchLinks(mapId, linkToken).catch(() => ({})), known);
      saveShare(mapId, share);
      rememberOwnerKeyKept(mapId, 'kept');
      return share;
    }
    // an owner who opens their own edit link stays the owner
    if (known?.role === 'owner') return known;
    const share: MapShare = { role, token: linkToken };
    saveShare(mapId, share);
    return share;
  } catch (error) {
    if (error instanceof ShareApiError && error.status === 401) return 'invalid';
    // offline: trust the link for now; the relay decides when we reach it
    const share: MapShare = { role: known?.role ?? 'edit', token: linkToken };
    saveShare(mapId, share);
    return share;
  }
}

function waitForFirstSync(sync: SyncSession): Promise<void> {
  return new Promise((resolve) => {
    if (sync.status === 'synced') return resolve();
    const timer = setTimeout(done, JOIN_TIMEOUT_MS);
    const off = sync.onStatus((status) => {
      if (status === 'synced' || status === 'denied' || status === 'full') done();
    });
    function done() {
      clearTimeout(timer);
      off();
      resolve();
    }
  });
}

/** The map room's connection: the link's token and this device's identity secret, presence as my public identity. */
function mapSync(doc: Y.Doc, mapId: string, token: string, device: DeviceIdentity): SyncSession {
  return new SyncSession(doc, mapId, { token, identitySecret: device.secret }, device.identity);
}

/** The feedback room's connection beside the map's: same token and identity, no presence of its own. */
function feedbackSync(feedback: Y.Doc, mapId: string, token: string, device: DeviceIdentity): SyncSession {
  return new SyncSession(feedback, mapId, { token, identitySecret: device.secret }, device.identity, { room: feedbackRoom(mapId), presence: false });
}

/** Opens one map: loads it from the device, joins its room when shared, and shows the editor. */
export interface EditorScreenProps {
  mapId: string;
  db: WaymarkDB | null;
  /** present mode instead of the editor, over the same open map */
  presenting?: boolean;
  onLeave(): void;
  onStopPresenting?(): void;
}

export function EditorScreen({ mapId, db, presenting = false, onLeave, onStopPresenting = () => undefined }: EditorScreenProps) {
  const { t } = useTranslation();
  // read through a ref in the loading effect: switching the language must not reopen the map
  const tRef = useRef(t);
  tRef.current = t;
  const [state, setState] = useState<LoadState>({ phase: 'loading' });
  const [status, setStatus] = useState<PersistenceStatus | null>(null);
  useUnsavedWarning(status);
  const [share, setShare] = useState<MapShare | null>(null);
  const [sync, setSync] = useState<{ map: SyncSession; feedback: SyncSession } | null>(null);
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  // the secret stays in here and in the sessions' connection parameters; everything else gets `identity`
  const [device, setDevice] = useState<DeviceIdentity>(() => deviceIdentityFor(t));
  // someone opening a share link is asked once (on this device) what others should call them
  const [askName, setAskName] = useState(false);
  const identity = device.identity;
  // another tab renamed me, or (two tabs starting at once) settled on another secret
  useEffect(() => onIdentityStored(setDevice), []);
  // a link to this same map pasted into the address bar only changes the fragment: no page load
  // would read its token, so load the map again with it (an owner link upgrading an edit link)
  useEffect(() => {
    const onHash = () => tokenFromFragment(location.hash) && location.reload();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    let cancelled = false;
    // The token leaves the address bar at once, so it is not shared by a screenshot or a copy.
    // Opened at a card (`?card=`, the opportunity board's rows): the canvas selects and centres it
    // once laid out; the query leaves the address like the token.
    const atCard = cardOfSearch(location.search);
    requestCardFocus(atCard ? { mapId, cardId: atCard } : null);
    const linkToken = tokenFromFragment(location.hash);
    if (linkToken || atCard) {
      // only the token and the card leave: present mode keeps its place in the query (?stage=)
      const params = new URLSearchParams(location.search);
      params.delete('card');
      const rest = params.toString();
      history.replaceState(history.state, '', location.pathname + (rest ? `?${rest}` : '') + (linkToken ? '' : location.hash));
    }
    const memoryDoc = getMemoryMap(mapId);
    const mapDoc = memoryDoc ?? new Y.Doc();
    const persistence = new MapPersistence(db, mapId, mapDoc);
    const feedbackDoc = new Y.Doc();
    const feedbackPersistence = new MapPersistence(memoryDoc ? null : db, feedbackStorageKey(mapId), feedbackDoc);
    const offStatus = persistence.onStatus(setStatus);
    let session: SyncSession | null = null;
    let feedbackSession: SyncSession | null = null;
    let handedOver = false;
    performance.mark('waymark:map-load-start');

    void (async () => {
      const [resolved] = await Promise.all([resolveShare(mapId, linkToken), persistence.whenLoaded, feedbackPersistence.whenLoaded]);
      if (cancelled) return;
      performance.mark('waymark:map-loaded');
      setStatus(persistence.status);
      const mapShare = resolved === 'invalid' ? loadShare(mapId) : resolved;
      if (mapShare) {
        session = mapSync(mapDoc, mapId, mapShare.token, device);
        feedbackSession = feedbackSync(feedbackDoc, mapId, mapShare.token, device);
      }
      if (readMeta(mapDoc).id !== mapId) {
        if (!session) {
          setState({ phase: 'missing', reason: resolved === 'invalid' ? 'linkInvalid' : 'notOnDevice' });
          return;
        }
        setState({ phase: 'joining' });
        await waitForFirstSync(session);
        if (cancelled) return;
        if (readMeta(mapDoc).id !== mapId) {
          setState({ phase: 'missing', reason: session.status === 'denied' ? 'linkInvalid' : 'unreachable' });
          return;
        }
        // a map first seen through a link joins this device's library
        if (db && !(await getMapEntry(db, mapId).catch(() => null))) await saveNewMap(db, mapDoc).catch(() => undefined);
        if (cancelled) return;
      }
      const undo = createUndoManager(mapDoc);
      // the link's rights apply from the first frame, not one render later
      if (mapShare && session) useEditor.getState().setCollab({ status: session.status, role: mapShare.role, peers: [] });
      useEditor.getState().openSession({ mapId, doc: mapDoc, undo, feedback: feedbackDoc });
      performance.mark('waymark:session-open');
      document.title = `${readMeta(mapDoc).title || tRef.current('app.untitledMap')} · Waymark`;
      setShare(mapShare);
      if (linkToken && mapShare && mapShare.role !== 'owner' && !wasAskedForName() && hasGuestName(tRef.current, device.identity)) setAskName(true);
      handedOver = true;
      setSync(session && feedbackSession ? { map: session, feedback: feedbackSession } : null);
      setDoc(mapDoc);
      setState({ phase: 'ready', persistence });
    })();

    return () => {
      cancelled = true;
      offStatus();
      // once handed to state, the sync effect below owns (and destroys) the session
      if (!handedOver) {
        session?.destroy();
        feedbackSession?.destroy();
      }
      useEditor.getState().closeSession();
      void persistence.destroy();
      void feedbackPersistence.destroy().then(() => feedbackDoc.destroy());
      document.title = 'Waymark';
    };
    // identity changes reach the session through useCollaboration, not by reopening the map
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId, db]);

  useCollaboration(sync, mapId, share, identity, (role) =>
    setShare((current) => {
      if (!current) return current;
      const corrected = { ...current, role };
      saveShare(mapId, corrected);
      return corrected;
    }),
  );
  useThumbnailUpdates(db, mapId, state.phase === 'ready');
  useSpaceReport(mapId, state.phase === 'ready' ? doc : null);
  useDetailMapSource(mapId, state.phase === 'ready');
  useLibraryPersonaSync(mapId, state.phase === 'ready' ? doc : null);

  // the open map's version history, for the UI through src/store/versionHistoryStore.ts; it asks
  // for the share each time (sharing the map while it is open moves its versions to the relay)
  const shareRef = useRef(share);
  shareRef.current = share;
  useEffect(() => {
    if (state.phase !== 'ready' || !doc) return;
    const history = createVersionHistory({ db, mapId, doc, share: () => shareRef.current });
    setVersionHistory(history);
    return () => {
      setVersionHistory(null);
      history.destroy();
    };
  }, [state.phase, doc, db, mapId]);
  usePrefetchParts(state.phase === 'ready');

  /**
   * The owner just created links: connect to the relay without reopening the map. Or replaced the
   * owner key: the relay closed the connections that used the old one, so connect again with the new.
   */
  const onShared = (next: MapShare) => {
    saveShare(mapId, next);
    setShare(next);
    const feedback = useEditor.getState().session?.feedback;
    const tokenChanged = next.token !== share?.token;
    if ((!sync || tokenChanged) && doc && feedback) setSync({ map: mapSync(doc, mapId, next.token, device), feedback: feedbackSync(feedback, mapId, next.token, device) });
  };
  useEffect(
    () => () => {
      sync?.map.destroy();
      sync?.feedback.destroy();
    },
    [sync],
  );
  useEffect(() => {
    sync?.map.setIdentitySecret(device.secret);
    sync?.feedback.setIdentitySecret(device.secret);
  }, [sync, device.secret]);

  /** The share dialog changed my name or colour: the id and its secret stay. */
  const onIdentity = (next: Identity) => {
    const updated = withProfile(device, next);
    saveIdentity(updated);
    setDevice(updated);
  };

  const closeNamePrompt = (name: string | null) => {
    rememberAskedForName();
    setAskName(false);
    if (name) onIdentity({ ...identity, name });
  };

  if (state.phase === 'loading' || state.phase === 'joining') {
    return (
      <div className="screen-message" role="status">
        {t(state.phase === 'joining' ? 'sharing.joining' : 'app.loadingMap')}
      </div>
    );
  }
  if (state.phase === 'missing') {
    return (
      <div className="screen-message">
        <h1>{t(`sharing.missing.${state.reason}.title`)}</h1>
        <p>{t(`sharing.missing.${state.reason}.hint`)}</p>
        <button type="button" className="button-primary" onClick={onLeave}>
          {t('app.backToLibrary')}
        </button>
      </div>
    );
  }
  if (presenting) {
    return (
      <OnDemandBoundary place="screen">
        <WorkshopPresentation onLeave={onStopPresenting} />
      </OnDemandBoundary>
    );
  }
  return (
    <div className="editor">
      <EditorTopBar status={status} onLeave={onLeave} identity={identity} />
      <StorageBanner status={status} onRetry={() => void state.persistence.retry()} />
      <div className="editor-body">
        <main className="editor-canvas">
          <VersionPreviewBanner />
          <JourneyCanvas />
          <VoteBanner />
        </main>
        <SidePanel />
      </div>
      <EditorOverlays />
      <ShareDialog mapId={mapId} share={share} identity={identity} onShared={onShared} onIdentity={onIdentity} />
      {askName && <NamePrompt currentName={identity.name} onName={closeNamePrompt} onSkip={() => closeNamePrompt(null)} />}
    </div>
  );
}
