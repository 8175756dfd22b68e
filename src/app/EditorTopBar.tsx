import { ArrowLeft, Download, PanelRight, Presentation, Share2 } from 'lucide-react';
import { runAction } from '../actions/context';
import { useTranslation } from 'react-i18next';
import { Toolbar } from '../actions/Toolbar';
import { LIMITS } from '../model/limits';
import { updateMeta } from '../model/ops';
import { useEditor } from '../store/editorStore';
import type { PersistenceStatus } from '../storage';
import { InlineTitle } from '../canvas/InlineTitle';
import { AvatarStack } from '../panels/presence/AvatarStack';
import { ConnectionBadge } from '../panels/presence/ConnectionBadge';
import { TimerBadge } from '../panels/workshop/TimerBadge';
import type { Identity } from '../sync/identity';
import { LanguageSwitch } from './LanguageSwitch';
import { SaveStatus } from './SaveStatus';
import { Breadcrumb } from './Breadcrumb';

/** The editor's header: back to the library, the map's title, the toolbar and the save state. */
export function EditorTopBar({ status, onLeave, identity }: { status: PersistenceStatus | null; onLeave(): void; identity: Identity }) {
  const { t } = useTranslation();
  const title = useEditor((s) => s.journey?.title ?? '');
  const editing = useEditor((s) => s.editing?.kind === 'mapTitle');
  const panelShown = useEditor((s) => s.panel !== null);
  return (
    <header className="editor-topbar">
      <button type="button" className="icon-button" onClick={onLeave} aria-label={t('app.backToLibrary')} title={t('app.backToLibrary')}>
        <ArrowLeft size={18} aria-hidden="true" />
      </button>
      <img src="/favicon.svg" alt="" width={22} height={22} className="topbar-logo" />
      <div className="map-title">
        <Breadcrumb />
        {editing ? (
          <InlineTitle
            value={title}
            label={t('app.mapTitle')}
            maxLength={LIMITS.mapTitle}
            onCommit={(value) => {
              const doc = useEditor.getState().session?.doc;
              if (doc) updateMeta(doc, { title: value });
            }}
            onDone={() => useEditor.getState().stopEditing()}
          />
        ) : (
          <h1>
            <button
              type="button"
              className="map-title-button"
              title={t('app.renameMap')}
              onClick={() => useEditor.getState().startEditing({ kind: 'mapTitle', id: 'map' })}
            >
              {title || t('app.untitledMap')}
            </button>
          </h1>
        )}
      </div>
      <SaveStatus status={status} />
      <ConnectionBadge />
      <TimerBadge />
      <Toolbar />
      <AvatarStack me={identity} />
      <button
        type="button"
        className="icon-button"
        aria-label={t('actions.view.toggleSidePanel')}
        aria-pressed={panelShown}
        title={t('actions.view.toggleSidePanel')}
        onClick={() => runAction('view.toggleSidePanel', { t })}
      >
        <PanelRight size={18} aria-hidden="true" />
      </button>
      <button type="button" className="button-secondary" aria-label={t('app.present')} title={t('app.present')} onClick={() => runAction('view.present', { t })}>
        <Presentation size={16} aria-hidden="true" />
        <span className="topbar-label">{t('app.present')}</span>
      </button>
      <button type="button" className="button-secondary" aria-label={t('app.export')} title={t('app.export')} onClick={() => useEditor.getState().setDialog('export')}>
        <Download size={16} aria-hidden="true" />
        <span className="topbar-label">{t('app.export')}</span>
      </button>
      <button type="button" className="button-primary share-button" title={t('sharing.share')} onClick={() => useEditor.getState().setDialog('share')}>
        <Share2 size={16} aria-hidden="true" />
        <span className="topbar-narrow-hidden">{t('sharing.share')}</span>
      </button>
      <LanguageSwitch />
    </header>
  );
}
