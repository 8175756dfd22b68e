import { Eye, GitCompareArrows, History, RotateCcw, X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { mayEditLiveMap, useEditor } from '../../store/editorStore';
import { useVersionHistory } from '../../store/versionHistoryStore';
import { setPreviewHistory, useVersionPreview } from '../../store/versionPreview';
import { useNow } from '../index';
import { absoluteTime, relativeTime } from '../library';
import { summaryParts } from '../../export/diffText';
import { versionName } from './versionText';
import './versions.css';

/**
 * The bar over the canvas while a version shows: which version and when, that it is read-only,
 * "Compare with now", "Restore…" (for those who may edit the map) and "Close" (Esc). Comparing,
 * it says in one line what changed since ("12 cards changed, 3 pain points removed, emotion at
 * Delivery −2 → +1") and what the marks on the canvas mean.
 *
 * Always mounted in the editor: it also hands the app's version history to the preview store,
 * so actions (outside React) can reach it.
 */
export function VersionPreviewBanner() {
  const history = useVersionHistory();
  useEffect(() => {
    setPreviewHistory(history);
    // the editor closed: no history to name versions in until the next map hands its own
    return () => setPreviewHistory(null);
  }, [history]);
  const open = useVersionPreview((s) => s.open);
  return open ? <Banner /> : null;
}

function Banner() {
  const { t, i18n } = useTranslation();
  const open = useVersionPreview((s) => s.open)!;
  const comparing = useVersionPreview((s) => s.comparing);
  const comparison = useVersionPreview((s) => s.comparison);
  const mayRestore = useEditor(mayEditLiveMap);
  const now = useNow(true, 30_000).getTime();
  const at = Date.parse(open.entry.createdAt);
  const name = versionName(t, open.entry);
  // the same words as `waymark diff` (src/export/diffText.ts)
  const parts = comparison ? summaryParts(comparison.summary, t) : [];
  const sentence = parts.join(', ');
  return (
    <div className={`vh-banner${comparing ? ' is-comparing' : ''}`} role="region" aria-label={t('versions.banner.label')}>
      <div className="vh-banner-row">
        <History className="vh-banner-icon" size={16} aria-hidden="true" />
        <p className="vh-banner-title">
          <strong>{comparing ? t('versions.banner.comparing', { name }) : t('versions.banner.viewing', { name })}</strong>
          <span className="vh-banner-when">
            {' — '}
            <time dateTime={open.entry.createdAt} title={Number.isFinite(at) ? absoluteTime(at, i18n.language) : undefined}>{relativeTime(at, now, i18n.language, t('comments.justNow'))}</time>
            {Number.isFinite(at) && ` · ${new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at)}`}
          </span>
        </p>
        <span className="vh-banner-readonly">{t('versions.banner.readOnly')}</span>
        <div className="vh-banner-actions">
          {/* two ways to look at it: the version as it was, or now against it */}
          <div className="vh-banner-mode" role="group" aria-label={t('versions.banner.mode')}>
            <button type="button" className="vh-banner-button" aria-pressed={!comparing} onClick={() => comparing && runAction('map.compareVersion', { t })}>
              <Eye size={14} aria-hidden="true" />
              {t('versions.banner.showVersion')}
            </button>
            <button type="button" className="vh-banner-button" aria-pressed={comparing} onClick={() => !comparing && runAction('map.compareVersion', { t })}>
              <GitCompareArrows size={14} aria-hidden="true" />
              {t('versions.banner.compare')}
            </button>
          </div>
          {mayRestore && (
            <button type="button" className="vh-banner-button is-primary" onClick={() => runAction('map.restoreVersion', { t })}>
              <RotateCcw size={14} aria-hidden="true" />
              {t('versions.banner.restore')}
            </button>
          )}
          <button type="button" className="vh-banner-button" title={t('versions.banner.closeHint')} onClick={() => runAction('map.closeVersion', { t })}>
            <X size={14} aria-hidden="true" />
            {t('versions.banner.close')}
          </button>
        </div>
      </div>
      {comparing && comparison && (
        <div className="vh-banner-compare">
          <p className="vh-summary" role="status">
            {sentence ? sentence.charAt(0).toLocaleUpperCase(i18n.language) + sentence.slice(1) + '.' : t('versions.same')}
          </p>
          <ul className="vh-legend" aria-label={t('versions.legend.label')}>
            <li className="is-added">{t('versions.legend.added')}</li>
            <li className="is-removed">{t('versions.legend.removed')}</li>
            <li className="is-changed">{t('versions.legend.changed')}</li>
            <li className="is-moved">{t('versions.legend.moved')}</li>
            <li className="is-curve">{t('versions.legend.before')}</li>
          </ul>
        </div>
      )}
    </div>
  );
}
