import { Archive, ArchiveRestore, CloudUpload, ImageOff } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personaInitials } from '../../model/personaHeader';
import type { SpaceMapEntry } from '../../model/space/types';
import type { SpacePresence } from '../../store/spaces';
import { svgDataUrl } from './svgDataUrl';
import { absoluteTime, relativeTime } from './text';

export interface SpaceMapTileProps {
  entry: SpaceMapEntry;
  now: number;
  /** in the index but not yet on the relay (made offline on someone's device) */
  pending: boolean;
  /** who has the map open right now */
  people: readonly SpacePresence[];
  mayEdit: boolean;
  /** a search matched the map's cards (not its title): the card's words, shown under the title */
  matchedIn: string | null;
  href?: string;
  onOpen(): void;
  onArchive(archived: boolean): void;
}

/** One map of a team space: thumbnail, title (the link), who changed it when, counts, personas, tags and who is in it now. */
export const SpaceMapTile = memo(function SpaceMapTile({ entry, now, pending, people, mayEdit, matchedIn, href, onOpen, onArchive }: SpaceMapTileProps) {
  const { t, i18n } = useTranslation();
  const title = entry.title.trim() || t('library.card.untitled');
  const when = relativeTime(entry.updatedAt, now, i18n.language, t('library.card.justNow'));
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (pending) {
      event.preventDefault();
      return;
    }
    if (href && (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)) return;
    event.preventDefault();
    onOpen();
  };
  return (
    <li className={`lib-card lib-space-tile${entry.archived ? ' is-archived' : ''}${pending ? ' is-pending' : ''}`} data-map-id={entry.id}>
      <div className="lib-card-thumb">
        {entry.thumbnail ? (
          <img src={svgDataUrl(entry.thumbnail)} alt="" draggable={false} loading="lazy" decoding="async" />
        ) : (
          <span className="lib-card-nothumb">
            <ImageOff size={22} aria-hidden="true" />
            <span>{t('library.card.noPreview')}</span>
          </span>
        )}
        {people.length > 0 && (
          <ul className="lib-tile-people" aria-label={t('spaces.tile.here', { names: people.map((p) => p.name).join(', ') })}>
            {people.slice(0, 4).map((person) => (
              <li key={person.id} className="lib-avatar" style={{ background: person.color }} title={person.name}>
                {personaInitials(person.name)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="lib-card-body">
        <h2 className="lib-card-title">
          {href && !pending ? (
            <a className="lib-card-open" href={href} onClick={onClick}>
              {title}
            </a>
          ) : (
            <button type="button" className="lib-card-open" onClick={onClick} aria-disabled={pending || undefined} title={pending ? t('spaces.tile.pendingHint') : undefined}>
              {title}
            </button>
          )}
        </h2>
        {matchedIn && <p className="lib-tile-match">{matchedIn}</p>}
        <p className="lib-card-meta">
          <time dateTime={new Date(entry.updatedAt).toISOString()} title={absoluteTime(entry.updatedAt, i18n.language)}>
            {entry.updatedBy ? t('spaces.tile.changedBy', { when, name: entry.updatedBy }) : t('spaces.tile.changed', { when })}
          </time>
        </p>
        <p className="lib-card-meta">{t('spaces.tile.counts', { stages: entry.stageCount, cards: entry.cardCount })}</p>
        {(entry.personas.length > 0 || entry.tags.length > 0 || entry.archived || pending) && (
          <ul className="lib-tile-chips">
            {pending && (
              <li className="lib-chip is-pending" title={t('spaces.tile.pendingHint')}>
                <CloudUpload size={12} aria-hidden="true" />
                {t('spaces.tile.pending')}
              </li>
            )}
            {entry.archived && <li className="lib-chip is-archived">{t('spaces.tile.archived')}</li>}
            {entry.personas.slice(0, 3).map((name) => (
              <li key={`p:${name}`} className="lib-chip is-persona">
                {name}
              </li>
            ))}
            {entry.tags.slice(0, 4).map((tag) => (
              <li key={`t:${tag}`} className="lib-chip">
                #{tag}
              </li>
            ))}
          </ul>
        )}
      </div>
      {mayEdit && (
        <button
          type="button"
          className="lib-tile-archive lib-icon-button"
          onClick={() => onArchive(!entry.archived)}
          aria-label={`${t(entry.archived ? 'spaces.tile.restore' : 'spaces.tile.archive')}: ${title}`}
          title={t(entry.archived ? 'spaces.tile.restore' : 'spaces.tile.archive')}
        >
          {entry.archived ? <ArchiveRestore size={16} aria-hidden="true" /> : <Archive size={16} aria-hidden="true" />}
        </button>
      )}
    </li>
  );
});
