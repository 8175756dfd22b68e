import { Archive, Search, SearchX, X } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSpaces, type SpaceState } from '../../store/spaces';
import { SpaceMapTile } from './SpaceMapTile';
import { filterChoices, filterSpaceMaps, NO_FILTERS, type SpaceFilters } from './spaceFilters';
import { useSpaceSearch } from './useSpaceSearch';

/**
 * A space's maps: search over titles and card text, filters by persona, phase, tag and who
 * changed a map last, archived maps on request, and the tiles (who is in each map right now).
 */
export function SpaceMaps({ state, now, mapHref, onOpen }: { state: SpaceState; now: number; mapHref?(mapId: string): string; onOpen(mapId: string): void }) {
  const { t } = useTranslation();
  const service = useSpaces((s) => s.service);
  const { space, index, listed, presence } = state;
  const mayEdit = space.role === 'owner' || space.role === 'edit';
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SpaceFilters>(NO_FILTERS);
  const search = useSpaceSearch(space.id, index.maps, query);
  const choices = useMemo(() => filterChoices(index.maps), [index.maps]);
  const shown = useMemo(() => {
    const filtered = filterSpaceMaps(index.maps, filters);
    if (!search.hits) return filtered;
    return filtered.filter((entry) => search.hits!.has(entry.id));
  }, [index.maps, filters, search.hits]);
  const whoIn = (mapId: string) => presence.filter((p) => p.mapId === mapId);
  const live = index.maps.filter((entry) => !entry.archived).length;

  return (
    <>
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
              onOpen={() => onOpen(entry.id)}
              onArchive={(archived) => service?.setArchived(space.id, entry.id, archived)}
            />
          ))}
        </ul>
      )}

      <p className="sr-only" role="status" aria-live="polite">
        {query || filters !== NO_FILTERS ? t('spaces.space.countFiltered', { shown: shown.length, count: live }) : ''}
      </p>
    </>
  );
}
