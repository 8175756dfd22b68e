import { liveQuery } from 'dexie';
import { HardDrive, Plus, Search, SearchX, TriangleAlert, X } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { localeFrom } from '../../i18n';
import { newMapId } from '../../model/ids';
import type { TemplateKey } from '../../model/templates';
import type { Locale } from '../../model/types';
import {
  classifyStorageError,
  duplicateMap,
  listMaps,
  markDeleted,
  purgeDeleted,
  purgeMap,
  renameMap,
  restoreMap,
  type MapEntry,
  type StorageProblem,
  type WaymarkDB,
} from '../../store/library';
import { MapCard } from './MapCard';
import type { MapMenuAction } from './MapMenu';
import { ImportButton, useMapImport } from '../import';
import { loadNewMap } from './loadNewMap';
import { drawMissingThumbnail, mapIdOf, readTitle } from './mapActions';
import { NewMapDialog } from './NewMapDialog';
import { NewSpaceDialog } from './NewSpaceDialog';
import { PlaceTabs } from './PlaceTabs';
import { spaceErrorText } from './spaceErrors';
import { SpaceView } from './SpaceView';
import { useSpaces } from '../../store/spaces';
import { useOwnerKeyOpener } from './OwnerKeyOpener';
import { TemplateLanguage, TemplatePicker } from './TemplatePicker';
import { matchesQuery } from './text';
import { Toast, type ToastMessage } from './Toast';
import './library.css';
import './spaces.css';

export interface LibraryScreenProps {
  /** the device's database; null when the browser refuses storage (maps then live in memory) */
  db: WaymarkDB | null;
  /** open a map in the editor: one just created, or one chosen from the grid */
  /** open a map in the editor; at a card when given (the opportunity board) */
  onOpenMap(mapId: string, cardId?: string): void;
  /**
   * A storage problem the app already knows of: 'unavailable' | 'quota' | 'failed' (what
   * classifyStorageError says; 'quota-exceeded' is read as 'quota'), shown in the library's own
   * words; any other non-empty string is shown verbatim in the banner. Not needed for a null
   * `db`, which shows the 'unavailable' banner by itself.
   */
  storageProblem?: string | null;
  /**
   * Receives a map created in memory, before `onOpenMap(id)` is called for it: when `db` is
   * null, when storage is 'unavailable', or when saving the new map fails. The app keeps the doc
   * (e.g. `keepInMemory(readMeta(doc).id, doc)`) so the editor can find it. Without this prop
   * such a map is created and `onOpenMap` called all the same, but nobody holds its doc.
   */
  onCreateInMemory?(doc: Y.Doc): void;
  /** the URL of a map, e.g. id => `/map/${id}`: cards become real links (middle-click opens a tab) */
  mapHref?(mapId: string): string;
  /** rendered at the right end of the top bar, before "New map" (e.g. the language switch) */
  headerEnd?: ReactNode;
  /** the team space shown (issue 16), or null for this device's own maps */
  spaceId?: string | null;
  /** go to a place of the library: a team space, or null for this device */
  onOpenPlace?(spaceId: string | null): void;
  /** the URL of a place, e.g. `/space/<id>` and `/` */
  placeHref?(spaceId: string | null): string;
}

type SortKey = 'updated' | 'title' | 'created';
const SORT_KEYS: readonly SortKey[] = ['updated', 'title', 'created'];
const SORT_STORAGE_KEY = 'waymark:library-sort';

/**
 * Maps left in the bin longer than this — their tab closed during the undo window — are removed
 * for good when the library opens. Far longer than any undo window still open in another tab.
 */
const STALE_DELETED_MS = 10 * 60_000;

const KNOWN_PROBLEMS: Readonly<Record<string, StorageProblem>> = {
  unavailable: 'unavailable',
  quota: 'quota',
  'quota-exceeded': 'quota',
  failed: 'failed',
};

/** The banner's kind, and the app's own text for it when it passed one. */
function describeProblem(
  db: WaymarkDB | null,
  given: string | null,
  listProblem: StorageProblem | null,
): { problem: StorageProblem | null; problemMessage: string | null } {
  const known = given ? (Object.hasOwn(KNOWN_PROBLEMS, given) ? KNOWN_PROBLEMS[given]! : null) : null;
  const message = given && !known ? given : null;
  if (db === null) return { problem: known ?? 'unavailable', problemMessage: message };
  if (known) return { problem: known, problemMessage: null };
  if (message) return { problem: 'failed', problemMessage: message };
  return { problem: listProblem, problemMessage: null };
}

/**
 * The home screen: this device's maps as a searchable grid of cards (open, rename, duplicate,
 * delete with undo), and "New map" from a template. Stays in step with the database through a
 * Dexie liveQuery, so changes from other tabs show up as they happen.
 */
export function LibraryScreen({
  db,
  onOpenMap,
  storageProblem = null,
  onCreateInMemory,
  mapHref,
  headerEnd,
  spaceId = null,
  onOpenPlace = () => undefined,
  placeHref = (id) => (id ? `/space/${id}` : '/'),
}: LibraryScreenProps) {
  const { t, i18n } = useTranslation();
  const uiLocale = localeFrom(i18n.language);
  const spaceService = useSpaces((state) => state.service);
  const spaceMapIds = useSpaces((state) => state.spaceMapIds);
  const [newSpaceOpen, setNewSpaceOpen] = useState(false);

  // ---- the list, live ------------------------------------------------------------------------
  // every map stored here; "This device" lists those in no team space (`maps`)
  const [allMaps, setMaps] = useState<MapEntry[] | null>(db ? null : []);
  const maps = useMemo(() => allMaps && allMaps.filter((entry) => !spaceMapIds.has(entry.id)), [allMaps, spaceMapIds]);
  const [listProblem, setListProblem] = useState<StorageProblem | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!db) {
      setMaps([]);
      return;
    }
    setMaps(null);
    const subscription = liveQuery(() => listMaps(db)).subscribe({
      next: (entries) => {
        setNow(Date.now());
        setMaps(entries);
        setListProblem(null);
      },
      error: (error: unknown) => {
        setListProblem(classifyStorageError(error));
        setMaps((current) => current ?? []);
      },
    });
    void purgeDeleted(db, STALE_DELETED_MS).catch(() => undefined);
    return () => subscription.unsubscribe();
  }, [db]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // Maps stored without a thumbnail get one, one at a time, once per visit.
  const thumbnailsTried = useRef(new Set<string>());
  useEffect(() => {
    if (!db || !maps) return;
    const missing = maps.filter((entry) => !entry.thumbnail && !thumbnailsTried.current.has(entry.id));
    if (missing.length === 0) return;
    for (const entry of missing) thumbnailsTried.current.add(entry.id);
    void missing.reduce<Promise<unknown>>((previous, entry) => previous.then(() => drawMissingThumbnail(db, entry.id).catch(() => false)), Promise.resolve());
  }, [db, maps]);

  // ---- search and sort -----------------------------------------------------------------------
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>(readSort);
  const [optimisticTitles, setOptimisticTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const titleOf = useCallback((entry: MapEntry) => optimisticTitles.get(entry.id) ?? entry.title, [optimisticTitles]);

  useEffect(() => {
    if (!maps || optimisticTitles.size === 0) return;
    const byId = new Map(maps.map((entry) => [entry.id, entry]));
    const settled = [...optimisticTitles].filter(([id, title]) => byId.get(id)?.title === title || !byId.has(id));
    if (settled.length === 0) return;
    setOptimisticTitles((current) => {
      const next = new Map(current);
      for (const [id] of settled) next.delete(id);
      return next;
    });
  }, [maps, optimisticTitles]);

  const visible = useMemo(() => {
    if (!maps) return null;
    const filtered = maps.filter((entry) => matchesQuery(titleOf(entry) || t('library.card.untitled'), query));
    if (sort === 'title') {
      const collator = new Intl.Collator(uiLocale, { sensitivity: 'base', numeric: true });
      filtered.sort((a, b) => collator.compare(titleOf(a), titleOf(b)));
    } else if (sort === 'created') filtered.sort((a, b) => b.createdAt - a.createdAt);
    return filtered;
  }, [maps, query, sort, titleOf, uiLocale, t]);

  const changeSort = (next: SortKey) => {
    setSort(next);
    try {
      localStorage.setItem(SORT_STORAGE_KEY, next);
    } catch {
      // storage blocked: the choice lasts for this visit
    }
  };

  // ---- focus and highlight after the list changes ----------------------------------------------
  const gridRef = useRef<HTMLUListElement>(null);
  const newMapButton = useRef<HTMLButtonElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const focusWhenShown = useRef<string | null>(null);
  const [freshId, setFreshId] = useState<string | null>(null);

  const focusCard = useCallback((id: string) => {
    const card = gridRef.current?.querySelector<HTMLElement>(`[data-map-id="${CSS.escape(id)}"] .lib-card-open`);
    if (!card) return false;
    card.focus();
    card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    return true;
  }, []);

  useEffect(() => {
    const id = focusWhenShown.current;
    if (id && focusCard(id)) focusWhenShown.current = null;
  }, [visible, focusCard]);

  useEffect(() => {
    if (!freshId) return;
    const timer = setTimeout(() => setFreshId(null), 2400);
    return () => clearTimeout(timer);
  }, [freshId]);

  const showAfterChange = (id: string) => {
    focusWhenShown.current = id;
    setFreshId(id);
  };

  const problemText = (error: unknown) => t(`library.errors.${classifyStorageError(error)}`);

  // ---- toast, with deletion finalised when it goes ------------------------------------------------
  const [toast, setToastState] = useState<ToastMessage | null>(null);
  const toastRef = useRef<ToastMessage | null>(null);
  const toastSeq = useRef(0);
  const [announcement, setAnnouncement] = useState('');

  const finalise = useCallback(
    (message: ToastMessage | null) => {
      if (message?.kind === 'deleted' && db) void purgeMap(db, message.mapId).catch(() => undefined);
    },
    [db],
  );

  /** Replaces the toast; a deletion whose undo is no longer offered is purged. */
  const showToast = useCallback(
    (next: ToastMessage | null) => {
      const previous = toastRef.current;
      if (previous && previous.key !== next?.key) finalise(previous);
      toastRef.current = next;
      setToastState(next);
    },
    [finalise],
  );

  const info = useCallback((text: string) => showToast({ kind: 'info', key: ++toastSeq.current, text }), [showToast]);

  const closeToast = useCallback(
    (message: ToastMessage) => {
      if (toastRef.current?.key === message.key) showToast(null);
    },
    [showToast],
  );

  // leaving the library (opening a map) ends the undo window
  useEffect(() => () => finalise(toastRef.current), [finalise]);

  const undoDelete = useCallback(async () => {
    const message = toastRef.current;
    if (message?.kind !== 'deleted' || !db) return;
    toastRef.current = null; // not finalised: it is coming back
    setToastState(null);
    try {
      await restoreMap(db, message.mapId);
      showAfterChange(message.mapId);
      info(t('library.toast.restored', { title: message.title }));
    } catch (error) {
      info(problemText(error));
    }
  }, [db, info, t]);

  // ---- map actions -------------------------------------------------------------------------------
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const visibleRef = useRef<MapEntry[]>([]);
  visibleRef.current = visible ?? [];

  const onCardAction = useCallback(
    (entry: MapEntry, action: MapMenuAction) => {
      const shown = titleOf(entry).trim() || t('library.card.untitled');
      switch (action) {
        case 'open':
          onOpenMap(entry.id);
          return;
        case 'rename':
          setRenamingId(entry.id);
          return;
        case 'duplicate': {
          if (!db) return;
          const id = newMapId();
          void duplicateMap(db, entry.id, { newId: id, title: t('library.copyOf', { title: shown }) }).then(
            (copy) => {
              showAfterChange(copy.id);
              info(t('library.toast.duplicated', { title: copy.title }));
            },
            (error: unknown) => info(problemText(error)),
          );
          return;
        }
        case 'delete': {
          if (!db) return;
          const list = visibleRef.current;
          const index = list.findIndex((e) => e.id === entry.id);
          const neighbour = list[index + 1] ?? list[index - 1];
          void markDeleted(db, entry.id).then(
            () => {
              showToast({ kind: 'deleted', key: ++toastSeq.current, mapId: entry.id, title: shown });
              if (!neighbour || !focusCard(neighbour.id)) newMapButton.current?.focus();
            },
            (error: unknown) => info(problemText(error)),
          );
          return;
        }
      }
    },
    [db, onOpenMap, t, titleOf, info, showToast, focusCard],
  );

  const onRename = useCallback(
    (entry: MapEntry, title: string) => {
      setRenamingId(null);
      focusWhenShown.current = entry.id;
      if (!db) return;
      setOptimisticTitles((current) => new Map(current).set(entry.id, title));
      void renameMap(db, entry.id, title).then(
        () => setAnnouncement(t('library.toast.renamed', { title })),
        (error: unknown) => {
          setOptimisticTitles((current) => {
            const next = new Map(current);
            next.delete(entry.id);
            return next;
          });
          info(problemText(error));
        },
      );
    },
    [db, t, info],
  );

  const onCancelRename = useCallback(() => {
    if (renamingId) focusWhenShown.current = renamingId;
    setRenamingId(null);
  }, [renamingId]);

  // after a rename ends, the title link is back: focus it
  useEffect(() => {
    if (renamingId === null && focusWhenShown.current && focusCard(focusWhenShown.current)) focusWhenShown.current = null;
  }, [renamingId, focusCard]);

  // ---- creating maps ----------------------------------------------------------------------------
  const [dialogOpen, setDialogOpen] = useState(false);
  const [templateLocale, setTemplateLocale] = useState<Locale>(uiLocale);
  const [templateLocaleChosen, setTemplateLocaleChosen] = useState(false);
  const [pending, setPending] = useState<TemplateKey | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  // the template language follows the UI language until the user picks one
  useEffect(() => {
    if (!templateLocaleChosen) setTemplateLocale(uiLocale);
  }, [uiLocale, templateLocaleChosen]);
  const chooseTemplateLocale = (locale: Locale) => {
    setTemplateLocale(locale);
    setTemplateLocaleChosen(true);
  };

  const { problem, problemMessage } = useMemo(() => describeProblem(db, storageProblem, listProblem), [db, storageProblem, listProblem]);
  const inMemoryOnly = db === null || problem === 'unavailable';
  // importing a file (button or drop anywhere on the screen) makes a new map and opens it
  const importer = useMapImport({ db, inMemoryOnly, onOpenMap, onCreateInMemory, onMessage: info });
  const ownerKey = useOwnerKeyOpener({ onOpenMap, onMessage: info });

  const createMap = async (key: TemplateKey) => {
    if (pending) return;
    setPending(key);
    setCreateError(null);
    let newMap: Awaited<ReturnType<typeof loadNewMap>>;
    try {
      newMap = await loadNewMap();
    } catch {
      setCreateError(t('app.onDemand.failed'));
      setPending(null);
      return;
    }
    const { createMapInMemory, createStoredMap } = newMap;
    const openInMemory = () => {
      const doc = createMapInMemory(key, templateLocale);
      onCreateInMemory?.(doc);
      onOpenMap(mapIdOf(doc));
    };
    try {
      if (inMemoryOnly || !db) {
        openInMemory();
        return;
      }
      try {
        const doc = await createStoredMap(db, key, templateLocale);
        if (spaceId && spaceService) {
          try {
            await spaceService.addNewMap(spaceId, doc);
          } catch (error) {
            // stored on this device all the same: it shows under "This device" and can be added later
            setCreateError(t('spaces.move.failed', { title: readTitle(doc) || t('library.card.untitled'), reason: spaceErrorText(t, error) }));
            return;
          }
        }
        onOpenMap(mapIdOf(doc));
      } catch (error) {
        const reason = classifyStorageError(error);
        // the device refuses or is full: the map can still be worked on in this tab
        if (onCreateInMemory && reason !== 'failed') openInMemory();
        else setCreateError(t(`library.errors.${reason}`));
      }
    } finally {
      setPending(null);
    }
  };

  // "/" jumps to the search box, as in most dashboards
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.metaKey || event.ctrlKey || event.altKey || dialogOpen) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (!searchInput.current) return;
      event.preventDefault();
      searchInput.current.focus();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialogOpen]);

  // ---- render -----------------------------------------------------------------------------------
  const hasMaps = maps !== null && maps.length > 0;
  const isEmpty = maps !== null && maps.length === 0 && spaceId === null;

  return (
    <div className="lib" {...importer.dropProps}>
      {importer.overlay}
      <header className="lib-topbar">
        <div className="lib-brand">
          <img src="/favicon.svg" alt="" width={26} height={26} />
          <span>{t('app.name')}</span>
        </div>
        {hasMaps && spaceId === null ? (
          <form className="lib-search" role="search" onSubmit={(event) => event.preventDefault()}>
            <Search size={16} aria-hidden="true" className="lib-search-icon" />
            <input
              ref={searchInput}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' && query) {
                  event.preventDefault();
                  setQuery('');
                }
              }}
              placeholder={t('library.search.placeholder')}
              aria-label={t('library.search.label')}
              aria-keyshortcuts="/"
              autoComplete="off"
              spellCheck={false}
            />
            {query ? (
              <button type="button" className="lib-search-clear" onClick={() => { setQuery(''); searchInput.current?.focus(); }} aria-label={t('library.search.clear')}>
                <X size={14} aria-hidden="true" />
              </button>
            ) : (
              <kbd className="lib-search-kbd" aria-hidden="true">
                /
              </kbd>
            )}
          </form>
        ) : (
          <span className="lib-topbar-spacer" />
        )}
        <div className="lib-topbar-end">
          {headerEnd}
          <ImportButton onFiles={(files) => void importer.importFiles(files)} pending={importer.pending} />
          {ownerKey.button}
          {spaceId === null && (
            <button ref={newMapButton} type="button" className="lib-button-primary" onClick={() => { setCreateError(null); setDialogOpen(true); }} aria-haspopup="dialog">
              <Plus size={16} aria-hidden="true" />
              {t('library.newMap')}
            </button>
          )}
        </div>
      </header>

      {ownerKey.banner}
      {problem && (
        <div className="lib-banner" role="alert">
          <TriangleAlert size={18} aria-hidden="true" />
          <div>
            <p className="lib-banner-title">{t(problem === 'quota' ? 'library.storage.quotaTitle' : 'library.storage.title')}</p>
            <p>{problemMessage ?? t(`library.storage.${problem}`)}</p>
          </div>
        </div>
      )}

      <PlaceTabs current={spaceId} hrefOf={placeHref} onOpen={onOpenPlace} onNewSpace={() => setNewSpaceOpen(true)} />

      <main className="lib-main" aria-labelledby="lib-heading" aria-busy={maps === null || undefined}>
        {spaceId !== null ? (
          <SpaceView
            spaceId={spaceId}
            now={now}
            deviceMaps={maps ?? []}
            mapHref={mapHref}
            onOpenMap={onOpenMap}
            onNewMap={() => {
              setCreateError(null);
              setDialogOpen(true);
            }}
            onLeft={() => onOpenPlace(null)}
          />
        ) : isEmpty ? (
          <section className="lib-empty" aria-labelledby="lib-heading">
            <div className="lib-empty-intro">
              <h1 id="lib-heading">{t('library.empty.title')}</h1>
              <p>{t('library.empty.body')}</p>
              {!inMemoryOnly && (
                <p className="lib-empty-stored">
                  <HardDrive size={15} aria-hidden="true" />
                  {t('library.empty.stored')}
                </p>
              )}
            </div>
            <TemplateLanguage value={templateLocale} onChange={chooseTemplateLocale} name="lib-empty-locale" />
            {createError && !dialogOpen && (
              <p className="lib-inline-error" role="alert">
                {createError}
              </p>
            )}
            <TemplatePicker locale={templateLocale} pending={dialogOpen ? null : pending} onChoose={(key) => void createMap(key)} />
          </section>
        ) : (
          <>
            <div className="lib-head">
              <div>
                <h1 id="lib-heading">{t('library.heading')}</h1>
                <p className="lib-count" aria-live="polite">
                  {maps === null
                    ? t('library.loading')
                    : query.trim()
                      ? t('library.countFiltered', { shown: visible?.length ?? 0, count: maps.length })
                      : t('library.count', { count: maps.length })}
                </p>
              </div>
              {hasMaps && (
                <label className="lib-sort">
                  <span>{t('library.sort.label')}</span>
                  <select value={sort} onChange={(event) => changeSort(event.target.value as SortKey)}>
                    {SORT_KEYS.map((key) => (
                      <option key={key} value={key}>
                        {t(`library.sort.${key}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            {maps === null ? (
              <ul className="lib-grid" aria-hidden="true">
                {[0, 1, 2, 3, 4, 5].map((i) => (
                  <li key={i} className="lib-card is-skeleton">
                    <div className="lib-card-thumb" />
                    <div className="lib-card-body">
                      <span className="lib-skeleton-line" />
                      <span className="lib-skeleton-line is-short" />
                    </div>
                  </li>
                ))}
              </ul>
            ) : visible && visible.length === 0 ? (
              <div className="lib-noresults">
                <SearchX size={28} aria-hidden="true" />
                <h2>{t('library.search.noResults', { query: query.trim() })}</h2>
                <p>{t('library.search.noResultsHint')}</p>
                <button type="button" className="lib-button-secondary" onClick={() => { setQuery(''); searchInput.current?.focus(); }}>
                  {t('library.search.clear')}
                </button>
              </div>
            ) : (
              <ul className="lib-grid" ref={gridRef}>
                {visible?.map((entry) => (
                  <MapCard
                    key={entry.id}
                    entry={entry}
                    title={titleOf(entry)}
                    now={now}
                    renaming={renamingId === entry.id}
                    fresh={freshId === entry.id}
                    href={mapHref?.(entry.id)}
                    onAction={onCardAction}
                    onRename={onRename}
                    onCancelRename={onCancelRename}
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </main>

      <NewMapDialog
        open={dialogOpen}
        locale={templateLocale}
        onLocaleChange={chooseTemplateLocale}
        pending={pending}
        error={createError}
        onChoose={(key) => void createMap(key)}
        onClose={() => {
          setDialogOpen(false);
          newMapButton.current?.focus();
        }}
      />
      <NewSpaceDialog
        open={newSpaceOpen}
        onClose={() => setNewSpaceOpen(false)}
        onCreated={(id) => {
          setNewSpaceOpen(false);
          onOpenPlace(id);
        }}
      />
      {importer.dialog}
      <Toast message={toast} onUndo={() => void undoDelete()} onClose={closeToast} />
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function readSort(): SortKey {
  try {
    const stored = localStorage.getItem(SORT_STORAGE_KEY);
    return SORT_KEYS.find((key) => key === stored) ?? 'updated';
  } catch {
    return 'updated';
  }
}
