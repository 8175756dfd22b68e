import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { readMeta } from '../model/doc';
import { createUndoManager } from '../model/undo';
import { MapPersistence, type PersistenceStatus, type WaymarkDB } from '../storage';
import { useEditor } from '../store/editorStore';
import { EditorTopBar } from './EditorTopBar';
import { SidePanel } from './SidePanel';
import { StorageBanner } from './StorageBanner';
import { useThumbnailUpdates } from './useThumbnailUpdates';
import { EditorOverlays } from './EditorOverlays';
import { getMemoryMap } from './memoryMaps';

type LoadState =
  | { phase: 'loading' }
  | { phase: 'ready'; persistence: MapPersistence | null; doc: Y.Doc }
  | { phase: 'missing' };

/** Opens one map: loads it from the device, binds it to storage, and shows the editor. */
export function EditorScreen({ mapId, db, onLeave }: { mapId: string; db: WaymarkDB | null; onLeave(): void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<LoadState>({ phase: 'loading' });
  const [status, setStatus] = useState<PersistenceStatus | null>(null);

  useEffect(() => {
    let cancelled = false;
    const doc = getMemoryMap(mapId) ?? new Y.Doc();
    const persistence = new MapPersistence(db, mapId, doc);
    const offStatus = persistence.onStatus(setStatus);
    performance.mark('waymark:map-load-start');
    void persistence.whenLoaded.then(() => {
      if (cancelled) return;
      // marks for the benchmark's breakdown of time to first card
      performance.mark('waymark:map-loaded');
      setStatus(persistence.status);
      if (readMeta(doc).id !== mapId) {
        setState({ phase: 'missing' });
        return;
      }
      const undo = createUndoManager(doc);
      useEditor.getState().openSession({ mapId, doc, undo });
      performance.mark('waymark:session-open');
      document.title = `${readMeta(doc).title || t('app.untitledMap')} · Waymark`;
      setState({ phase: 'ready', persistence, doc });
    });
    return () => {
      cancelled = true;
      offStatus();
      useEditor.getState().closeSession();
      void persistence.destroy();
      document.title = 'Waymark';
    };
  }, [mapId, db, t]);

  useThumbnailUpdates(db, mapId, state.phase === 'ready');

  if (state.phase === 'loading') {
    return (
      <div className="screen-message" role="status">
        {t('app.loadingMap')}
      </div>
    );
  }
  if (state.phase === 'missing') {
    return (
      <div className="screen-message">
        <h1>{t('app.mapNotFound')}</h1>
        <p>{t('app.mapNotFoundHint')}</p>
        <button type="button" className="button-primary" onClick={onLeave}>
          {t('app.backToLibrary')}
        </button>
      </div>
    );
  }
  return (
    <div className="editor">
      <EditorTopBar status={status} onLeave={onLeave} />
      <StorageBanner status={status} onRetry={() => void state.persistence?.retry()} />
      <div className="editor-body">
        <main className="editor-canvas">
          <JourneyCanvas />
        </main>
        <SidePanel />
      </div>
      <EditorOverlays />
    </div>
  );
}
