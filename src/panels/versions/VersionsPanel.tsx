import { Cloud, CloudUpload, Eye, HardDrive, History, Loader2 } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { mayEditLiveMap, useEditor } from '../../store/editorStore';
import type { VersionEntry } from '../../store/versionHistory';
import { openVersion, useVersionPreview } from '../../store/versionPreview';
import { useNow } from '../index';
import { absoluteTime, relativeTime } from '../library';
import { versionName } from './versionText';
import '../panels.css';
import './versions.css';

type ListState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; versions: VersionEntry[] };

/**
 * The side panel's "Versions" tab: the map's versions newest first, each with its name (a
 * checkpoint by why it was taken), when (relative, and the date beside it), who made it, its
 * counts and where it is kept; a click opens it read-only on the canvas. Owners and edit links
 * (anyone on a private map) can name a version from here.
 */
export function VersionsPanel() {
  const { t, i18n } = useTranslation();
  const history = useVersionPreview((s) => s.history);
  const openId = useVersionPreview((s) => s.open?.entry.id ?? null);
  const loadingId = useVersionPreview((s) => s.loading);
  const failedId = useVersionPreview((s) => s.failed);
  const mayName = useEditor(mayEditLiveMap);
  const previewing = useEditor((s) => s.preview !== null);
  const now = useNow(true, 30_000).getTime();
  const headingId = useId();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const load = useCallback(() => {
    if (!history) return () => undefined;
    let current = true;
    history.list().then(
      (versions) => current && setList({ status: 'ready', versions }),
      () => current && setList((prev) => (prev.status === 'ready' ? prev : { status: 'failed' })),
    );
    return () => {
      current = false;
    };
  }, [history]);

  useEffect(() => {
    setList({ status: 'loading' });
    let cancel = load();
    const off = history?.subscribe(() => {
      cancel();
      cancel = load();
    });
    return () => {
      cancel();
      off?.();
    };
  }, [history, load, attempt]);

  return (
    <section className="pn-panel vh-panel" aria-labelledby={headingId}>
      <header className="pn-head">
        <h2 id={headingId}>{t('versions.panel.title')}</h2>
      </header>
      <div className="pn-body">
        <p className="pn-hint">{t('versions.panel.intro')}</p>
        {mayName && history && (
          <button type="button" className="pn-button pn-button-primary vh-name" disabled={previewing} onClick={() => runAction('map.nameVersion', { t })}>
            <History size={15} aria-hidden="true" />
            {t('versions.panel.nameVersion')}
          </button>
        )}
        {!history ? (
          <p className="pn-hint">{t('versions.panel.unavailable')}</p>
        ) : list.status === 'loading' ? (
          <p className="pn-hint" role="status">
            {t('versions.panel.loading')}
          </p>
        ) : list.status === 'failed' ? (
          <div className="vh-failed" role="alert">
            <p className="pn-hint">{t('versions.panel.loadFailed')}</p>
            <button type="button" className="pn-button" onClick={() => setAttempt((n) => n + 1)}>
              {t('versions.panel.retry')}
            </button>
          </div>
        ) : list.versions.length === 0 ? (
          <p className="pn-hint">{t('versions.panel.empty')}</p>
        ) : (
          <ol className="vh-list" aria-labelledby={headingId}>
            {list.versions.map((version) => (
              <li key={version.id}>
                <VersionItem
                  version={version}
                  now={now}
                  language={i18n.language}
                  showing={version.id === openId}
                  opening={version.id === loadingId}
                  failed={version.id === failedId}
                />
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

interface VersionItemProps {
  version: VersionEntry;
  now: number;
  language: string;
  showing: boolean;
  opening: boolean;
  failed: boolean;
}

function VersionItem({ version, now, language, showing, opening, failed }: VersionItemProps) {
  const { t } = useTranslation();
  const at = Date.parse(version.createdAt);
  const name = versionName(t, version);
  const counts = version.counts;
  const PlaceIcon = version.place === 'pending' ? CloudUpload : version.place === 'device' ? HardDrive : Cloud;
  return (
    <button
      type="button"
      className={`vh-item is-${version.kind}${showing ? ' is-showing' : ''}`}
      aria-current={showing || undefined}
      aria-busy={opening || undefined}
      data-version-id={version.id}
      onClick={() => void openVersion(version)}
    >
      <span className="vh-item-head">
        <span className={`vh-name-text${version.kind === 'auto' ? ' is-auto' : ''}`}>{name}</span>
        {showing && (
          <span className="vh-showing">
            <Eye size={12} aria-hidden="true" />
            {t('versions.panel.showing')}
          </span>
        )}
        {opening && <Loader2 className="vh-spinner" size={14} aria-label={t('versions.panel.opening')} />}
      </span>
      <span className="vh-when">
        <time dateTime={version.createdAt} title={Number.isFinite(at) ? absoluteTime(at, language) : undefined}>
          {relativeTime(at, now, language, t('comments.justNow'))}
        </time>
        {Number.isFinite(at) && <span className="vh-date"> · {absoluteTime(at, language)}</span>}
      </span>
      <span className="vh-meta">
        {version.by && <span className="vh-by">{t('versions.panel.by', { name: version.by })}</span>}
        <span className="vh-kind">{t(`versions.panel.kind.${version.kind}`)}</span>
        {version.place !== 'server' && (
          <span className={`vh-place is-${version.place}`} title={t(`versions.panel.placeHint.${version.place}`)}>
            <PlaceIcon size={12} aria-hidden="true" />
            {t(`versions.panel.place.${version.place}`)}
          </span>
        )}
      </span>
      <span className="vh-counts">
        {[
          t('versions.panel.counts.stages', { count: counts.stages }),
          t('versions.panel.counts.cards', { count: counts.cards }),
          t('versions.panel.counts.pains', { count: counts.pains }),
          t('versions.panel.counts.opportunities', { count: counts.opportunities }),
        ].join(' · ')}
      </span>
      {failed && (
        <span className="vh-error" role="alert">
          {t('versions.panel.openFailed')}
        </span>
      )}
    </button>
  );
}
