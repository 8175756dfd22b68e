import { useTranslation } from 'react-i18next';
import { Inspector } from '../panels/Inspector';
import { useUnreadCount } from '../store/commentsRead';
import { PersonasPanel } from '../panels/PersonasPanel';
import { StageInspector } from '../panels/StageInspector';
import { useEditor } from '../store/editorStore';
import { OnDemandBoundary } from '../panels/onDemand';
import { CommentsPanel, WorkshopPanel } from './parts';

const TABS = ['inspector', 'personas', 'comments', 'workshop'] as const;

/** The right-hand panel: inspector, personas, comments or the workshop, switched by tabs. */
export function SidePanel() {
  const { t } = useTranslation();
  const panel = useEditor((s) => s.panel);
  const readOnly = useEditor((s) => s.readOnly);
  // a clicked stage header (with no card selected) is inspected like a card
  const stageId = useEditor((s) => (s.selectedCardIds.length === 0 && s.focus?.kind === 'stage' ? s.focus.id : null));
  const unread = useUnreadCount();
  if (!panel) return null;
  return (
    <aside className="side-panel" aria-label={t(`app.panels.${panel}`)}>
      <div className="side-panel-tabs" role="tablist" aria-label={t('app.panels.label')}>
        {TABS.map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={`tab-${p}`}
            aria-selected={panel === p}
            aria-controls={`panel-${p}`}
            className={panel === p ? 'is-active' : ''}
            onClick={() => useEditor.getState().setPanel(p)}
          >
            {t(`app.panels.${p}`)}
            {p === 'comments' && unread > 0 && (
              <span className="tab-badge">
                <span aria-hidden="true">{unread}</span>
                <span className="sr-only">{t('app.panels.unread', { count: unread })}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="side-panel-body" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        {panel === 'comments' || panel === 'workshop' ? (
          <OnDemandBoundary key={panel} place="panel">
            {panel === 'comments' ? <CommentsPanel /> : <WorkshopPanel />}
          </OnDemandBoundary>
        ) : (
          // a read-only map shows its details, but no field takes input
          <fieldset className="side-panel-fieldset" disabled={readOnly}>
            {panel === 'personas' ? <PersonasPanel /> : stageId ? <StageInspector stageId={stageId} /> : <Inspector />}
          </fieldset>
        )}
      </div>
    </aside>
  );
}
