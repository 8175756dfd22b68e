import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { mapPath, spacePath } from '../access/routes';
import { setActionNavigator } from '../actions/context';
import { createI18n } from '../i18n';
import { LibraryScreen } from '../panels/library/LibraryScreen';
import type { WaymarkDB } from '../storage';
import { getDatabase } from './database';
import { EditorScreen } from './EditorScreen';
import { initialLocale } from './locale';
import { keepInMemory } from './memoryMaps';
import { LanguageSwitch } from './LanguageSwitch';
import { usePrefetchParts } from './parts';
import { navigate, useRoute } from './router';
import { spaceHub } from './spaceHub';
import { clearTrail } from '../store/drillTrail';
import { useSpaceHub, useSpaceLink } from './useSpaceHub';

export function App() {
  const i18n = useMemo(() => {
    const instance = createI18n(initialLocale());
    document.documentElement.lang = instance.language;
    return instance;
  }, []);
  return (
    <I18nextProvider i18n={i18n}>
      <Routes />
    </I18nextProvider>
  );
}

type DatabaseState = { ready: false } | { ready: true; db: WaymarkDB | null };

function Routes() {
  const { t } = useTranslation();
  const route = useRoute();
  const [database, setDatabase] = useState<DatabaseState>({ ready: false });
  useEffect(() => {
    void getDatabase().then((db) => setDatabase({ ready: true, db }));
    setActionNavigator((path) => navigate(path));
    return () => setActionNavigator(null);
  }, []);
  // the team spaces this device joined stay open while the app runs (library and editor alike)
  useSpaceHub(database.ready ? database : null, t);
  useSpaceLink(route.name === 'space' ? route.spaceId : null);
  // a map opened from the library is at the top of its own way: no drill-down trail leads to it
  const inLibrary = route.name === 'library' || route.name === 'space';
  useEffect(() => {
    if (inLibrary) clearTrail();
  }, [inLibrary]);
  // the editor starts it once its map is shown; from the library, once the library is
  usePrefetchParts(database.ready && (route.name === 'library' || route.name === 'space'));

  if (!database.ready) return <div className="screen-message" role="status">{t('app.loadingMap')}</div>;
  const db = database.db;
  switch (route.name) {
    case 'library':
    case 'space':
      return (
        <LibraryScreen
          db={db}
          spaceId={route.name === 'space' ? route.spaceId : null}
          onOpenPlace={(spaceId) => navigate(spaceId ? spacePath(spaceId) : '/')}
          headerEnd={<LanguageSwitch />}
          mapHref={mapPath}
          onOpenMap={(mapId, cardId) => navigate(mapPath(mapId) + (cardId ? `?card=${encodeURIComponent(cardId)}` : ''))}
          onCreateInMemory={(doc) => keepInMemory(String(doc.getMap('meta').get('id')), doc)}
        />
      );
    case 'map':
    case 'present':
      // one screen for both, so switching keeps the open map, its connection and its undo history
      return (
        <EditorScreen
          key={route.mapId}
          mapId={route.mapId}
          db={db}
          presenting={route.name === 'present'}
          onLeave={() => {
            // back to where the map lives: its team space, or this device's maps
            const spaceId = spaceHub()?.spaceOfMap(route.mapId) ?? null;
            navigate(spaceId ? spacePath(spaceId) : '/');
          }}
          onStopPresenting={() => navigate(mapPath(route.mapId))}
        />
      );
    default:
      return (
        <div className="screen-message">
          <h1>{t('app.notFound')}</h1>
          <button type="button" className="button-primary" onClick={() => navigate('/')}>
            {t('app.backToLibrary')}
          </button>
        </div>
      );
  }
}
