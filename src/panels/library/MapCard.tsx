import { ImageOff } from 'lucide-react';
import { memo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapEntry } from '../../store/library';
import { MapMenu, type MapMenuAction } from './MapMenu';
import { svgDataUrl } from './svgDataUrl';
import { absoluteTime, relativeTime } from './text';

export interface MapCardProps {
  entry: MapEntry;
  /** the title to show: the entry's, or the one just typed while the rename is being stored */
  title: string;
  now: number;
  renaming: boolean;
  /** freshly created, duplicated or restored: drawn with a brief highlight */
  fresh: boolean;
  href?: string;
  onAction(entry: MapEntry, action: MapMenuAction): void;
  onRename(entry: MapEntry, title: string): void;
  onCancelRename(): void;
}

/**
 * One map in the grid. The title is the card's link: its hit area stretches over the whole card
 * (thumbnail included), and the actions menu sits above it. On the title, F2 renames and Delete
 * deletes (with undo).
 */
export const MapCard = memo(function MapCard({ entry, title, now, renaming, fresh, href, onAction, onRename, onCancelRename }: MapCardProps) {
  const { t, i18n } = useTranslation();
  const shownTitle = title.trim() || t('library.card.untitled');
  const titleId = `lib-card-${entry.id}`;
  const language = i18n.language;

  const onOpenKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'F2') {
      event.preventDefault();
      onAction(entry, 'rename');
    } else if (event.key === 'Delete' || (event.key === 'Backspace' && (event.metaKey || event.ctrlKey))) {
      event.preventDefault();
      onAction(entry, 'delete');
    }
  };
  const onOpenClick = (event: MouseEvent<HTMLElement>) => {
    // let the browser open a new tab or window for modified clicks on a real link
    if (href && (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)) return;
    event.preventDefault();
    onAction(entry, 'open');
  };

  return (
    <li className={`lib-card${fresh ? ' is-fresh' : ''}${renaming ? ' is-renaming' : ''}`} data-map-id={entry.id}>
      <div className="lib-card-thumb">
        {entry.thumbnail ? (
          <img src={svgDataUrl(entry.thumbnail)} alt="" draggable={false} loading="lazy" decoding="async" />
        ) : (
          <span className="lib-card-nothumb">
            <ImageOff size={22} aria-hidden="true" />
            <span>{t('library.card.noPreview')}</span>
          </span>
        )}
      </div>
      <div className="lib-card-body">
        {renaming ? (
          <RenameInput title={title} onSave={(next) => onRename(entry, next)} onCancel={onCancelRename} />
        ) : (
          <h2 className="lib-card-title" id={titleId}>
            {href ? (
              <a className="lib-card-open" href={href} onClick={onOpenClick} onKeyDown={onOpenKeyDown} aria-keyshortcuts="F2 Delete">
                {shownTitle}
              </a>
            ) : (
              <button type="button" className="lib-card-open" onClick={onOpenClick} onKeyDown={onOpenKeyDown} aria-keyshortcuts="F2 Delete">
                {shownTitle}
              </button>
            )}
          </h2>
        )}
        <p className="lib-card-meta">
          <time dateTime={new Date(entry.updatedAt).toISOString()} title={absoluteTime(entry.updatedAt, language)}>
            {t('library.card.changed', { when: relativeTime(entry.updatedAt, now, language, t('library.card.justNow')) })}
          </time>
        </p>
      </div>
      {!renaming && <MapMenu title={shownTitle} onAction={(action) => onAction(entry, action)} />}
    </li>
  );
});

/** The title as an input: Enter (or leaving the field) saves, Escape cancels. */
function RenameInput({ title, onSave, onCancel }: { title: string; onSave(title: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const done = useRef(false);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save && value.trim() !== '' && value.trim() !== title.trim()) onSave(value.trim());
    else onCancel();
  };
  return (
    <div className="lib-rename">
      <input
        className="lib-rename-input"
        value={value}
        maxLength={200}
        aria-label={t('library.card.renameLabel', { title })}
        aria-describedby="lib-rename-hint"
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            finish(true);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish(false);
          }
        }}
        onBlur={() => finish(true)}
      />
      <span id="lib-rename-hint" className="lib-rename-hint">
        {t('library.card.renameHint')}
      </span>
    </div>
  );
}
