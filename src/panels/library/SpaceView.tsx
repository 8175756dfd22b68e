import { Archive, Cloud, CloudOff, FolderInput, HardDrive, LogOut, Plus, Search, SearchX, UserPlus, X } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personaInitials } from '../../model/personaHeader';
import type { SpaceMapEntry } from '../../model/space/types';
import type { MapEntry } from '../../store/library';
import { useSpaces, type SpaceState } from '../../store/spaces';
import { MoveMapsDialog } from './MoveMapsDialog';
import { SpaceLinksDialog } from './SpaceLinksDialog';
import { SpaceMapTile } from './SpaceMapTile';
import { filterSpaceMaps, filterChoices, NO_FILTERS, type SpaceFilters } from './spaceFilters';
import { useSpaceSearch } from './useSpaceSearch';
import { formatBytes } from './text';

export interface SpaceViewProps {
  spaceId: string;
  now: number;
  /** this device's own maps (not in any space), for "Add maps from this device" */
  deviceMaps: readonly MapEntry[];
  mapHref?(mapId: string): string;
  onOpenMap(mapId: string): void;
  onNewMap(): void;
  onLeft(): void;
}

/**
 * A team space in the library: its maps as tiles (from the space's index document, live), who is
 * where right now, search over titles and card text, filters by persona, phase, tag and who
 * changed a map last, archived maps on request; and, by role, inviting people, adding this
 * device's maps and making new ones.
 */
export function SpaceView({ spaceId, now, deviceMaps, mapHref, onOpenMap, onNewMap, onLeft }: SpaceViewProps) {
  const { t } = useTranslation();
  const state = useSpaces((s) => s.spaces[spaceId]);
  const ready = useSpaces((s) => s.ready);
  const joining = useSpaces((s) => (s.joining?.spaceId === spaceId ? s.joining : null));
  if (!state) {
    const message = joining
      ? joining.result === null
        ? t('spaces.join.joining')
        : joining.result === 'invalid'
          ? t('spaces.join.invalid')
          : t('spaces.join.unreachable')
      : ready
        ? null
        : t('spaces.join.joining');
    return (
      <section className="lib-empty" aria-labelledby="lib-heading">
        <div className="lib-empty-intro">
          <h1 id="lib-heading">{message && joining?.result !== 'invalid' && joining?.result !== 'unreachable' ? message : t('spaces.space.notFound.title')}</h1>
          <p role={joining?.result ? 'alert' : 'status'}>{message ?? t('spaces.space.notFound.body')}</p>
        </div>
      </section>
    );
  }
  return <JoinedSpaceView state={state} now={now} deviceMaps={deviceMaps} mapHref={mapHref} onOpenMap={onOpenMap} onNewMap={onNewMap} onLeft={onLeft} />;
}

function JoinedSpaceView({ state, now, deviceMaps, mapHref, onOpenMap, onNewMap, onLeft }: Omit<SpaceViewProps, 'spaceId'> & { state: SpaceState }) {
  const { t } = useTranslation();
  const service = useSpaces((s) => s.service);
  const { space, index, status, listed, presence } = state;
  const mayEdit = space.role === 'owner' || space.role === 'edit';
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SpaceFilters>(NO_FILTERS);
  const [linksOpen, setLinksOpen] = useState(false);
  const [moveOpen, setMoveOpen] = useState(false);
  const [bytes, setBytes] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    void service?.storageBytes(space.id).then((size) => current && setBytes(size), () => undefined);
    return () => {
      current = false;
    };
  }, [service, space.id, index.maps.length, listed]);

  const search = useSpaceSearch(space.id, index.maps, query);
  const choices = useMemo(() => filterChoices(index.maps), [index.maps]);
  const shown = useMemo(() => {
    const filtered = filterSpaceMaps(index.maps, filters);
    if (!search.hits) return filtered;
    return filtered.filter((entry) => search.hits!.has(entry.id));
  }, [index.maps, filters, search.hits]);
  const live = index.maps.filter((entry) => !entry.archived).length;
  const whoIn = (mapId: string) => presence.filter((p) => p.mapId === mapId);

  const open = (entry: SpaceMapEntry) => {
    service?.prepareMap(space.id, entry.id);
    onOpenMap(entry.id);
  };
  const leave = async () => {
    if (!window.confirm(t('spaces.space.leaveConfirm', { name: space.name }))) return;
    await service?.leave(space.id);
    onLeft();
  };

  return (
    <>
      <div className="lib-head lib-space-head">
        <div>
          <h1 id="lib-heading">{space.name}</h1>
          <p className="lib-count">
            <span className="lib-space-role">{t(`spaces.space.roles.${space.role}`)}</span>
            <span className={`lib-space-status is-${status}`}>
              {status === 'synced' ? <Cloud size={14} aria-hidden="true" /> : <CloudOff size={14} aria-hidden="true" />}
              {t(`spaces.space.status.${status}`)}
            </span>
            <span aria-live="polite">{shown.length === live && !query && filters === NO_FILTERS ? t('spaces.space.count', { count: live }) : t('spaces.space.countFiltered', { shown: shown.length, count: live })}</span>
            {bytes !== null && (
              <span className="lib-space-stored">
                <HardDrive size={13} aria-hidden="true" />
                {t('spaces.space.stored', { size: formatBytes(bytes) })}
              </span>
            )}
          </p>
          {presence.length > 0 && (
            <ul className="lib-space-people" aria-label={t('spaces.places.people', { count: presence.length })}>
              {presence.map((person) => (
                <li key={person.id} className="lib-avatar" style={{ background: person.color }} title={person.name}>
                  <span aria-hidden="true">{personaInitials(person.name)}</span>
                  <span className="sr-only">{person.name}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="lib-space-actions">
          {space.role === 'owner' && (
            <button type="button" className="lib-button-secondary" onClick={() => setLinksOpen(true)} aria-haspopup="dialog">
              <UserPlus size={16} aria-hidden="true" />
              {t('spaces.space.invite')}
            </button>
          )}
          {mayEdit && (
            <button type="button" className="lib-button-secondary" onClick={() => setMoveOpen(true)} aria-haspopup="dialog">
              <FolderInput size={16} aria-hidden="true" />
              {t('spaces.space.addFromDevice')}
            </button>
          )}
          {mayEdit && (
            <button type="button" className="lib-button-primary" onClick={onNewMap} aria-haspopup="dialog">
              <Plus size={16} aria-hidden="true" />
              {t('spaces.space.newMap')}
            </button>
          )}
          <button type="button" className="lib-icon-button" onClick={() => void leave()} title={t('spaces.space.leave')} aria-label={t('spaces.space.leave')}>
            <LogOut size={16} aria-hidden="true" />
          </button>
        </div>
      </div>

      {index.maps.length > 0 && (
        <div className="lib-space-tools">
          <form className="lib-search" role="search" onSubmit={(event) => event.preventDefault()}>
            <Search size={16} aria-hidden="true" className="lib-search-icon" />
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t('spaces.search.placeholder')} aria-label={t('spaces.search.label')} autoComplete="off" spellCheck={false} />
            {query && (
              <button type="button" className="lib-search-clear" onClick={() => setQuery('')} aria-label={t('library.search.clear')}>
                <X size={14} aria-hidden="true" />
              </button>
            )}
          </form>
          <fieldset className="lib-space-filters">
            <legend className="sr-only">{t('spaces.filters.label')}</legend>
            {(['persona', 'phase', 'tag', 'changedBy'] as const).map((key) =>
              choices[key].length > 0 ? (
                <label key={key}>
                  <span>{t(`spaces.filters.${key}`)}</span>
                  <select value={filters[key] ?? ''} onChange={(event) => setFilters({ ...filters, [key]: event.target.value || null })}>
                    <option value="">{t('spaces.filters.any')}</option>
                    {choices[key].map((choice) => (
                      <option key={choice} value={choice}>
                        {choice}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null,
            )}
            <label className="lib-space-archived">
              <input type="checkbox" checked={filters.archived} onChange={(event) => setFilters({ ...filters, archived: event.target.checked })} />
              <Archive size={14} aria-hidden="true" />
              <span>{t('spaces.filters.archived')}</span>
            </label>
            {filters !== NO_FILTERS && (
              <button type="button" className="lib-link-button" onClick={() => setFilters(NO_FILTERS)}>
                {t('spaces.filters.clear')}
              </button>
            )}
          </fieldset>
        </div>
      )}

      {index.maps.length === 0 ? (
        <div className="lib-noresults">
          <h2>{t('spaces.space.empty.title')}</h2>
          <p>{t('spaces.space.empty.body')}</p>
        </div>
      ) : shown.length === 0 ? (
        <div className="lib-noresults">
          <SearchX size={28} aria-hidden="true" />
          <h2>{query ? t('spaces.search.noResults', { query: query.trim() }) : t('library.search.noResultsHint')}</h2>
        </div>
      ) : (
        <ul className="lib-grid" aria-busy={search.pending || undefined}>
          {shown.map((entry) => (
            <SpaceMapTile
              key={entry.id}
              entry={entry}
              now={now}
              pending={listed !== null && !listed.has(entry.id)}
              people={whoIn(entry.id)}
              mayEdit={mayEdit}
              matchedIn={search.cardHits?.get(entry.id) ?? null}
              href={mapHref?.(entry.id)}
              onOpen={() => open(entry)}
              onArchive={(archived) => service?.setArchived(space.id, entry.id, archived)}
            />
          ))}
        </ul>
      )}

      <SpaceLinksDialog open={linksOpen} space={space} onClose={() => setLinksOpen(false)} />
      <MoveMapsDialog open={moveOpen} spaceId={space.id} maps={deviceMaps} onClose={() => setMoveOpen(false)} />
    </>
  );
}
