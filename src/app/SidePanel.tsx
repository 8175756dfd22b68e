import { useTranslation } from 'react-i18next';
import { Inspector } from '../panels/Inspector';
import { PersonasPanel } from '../panels/PersonasPanel';
import { StageInspector } from '../panels/StageInspector';
import { useEditor } from '../store/editorStore';

/** The right-hand panel: the card inspector or the personas, switched by tabs. */
export function SidePanel() {
  const { t } = useTranslation();
  const panel = useEditor((s) => s.panel);
  const readOnly = useEditor((s) => s.readOnly);
  // a clicked stage header (with no card selected) is inspected like a card
  const stageId = useEditor((s) => (s.selectedCardIds.length === 0 && s.focus?.kind === 'stage' ? s.focus.id : null));
  if (!panel) return null;
  return (
    <aside className="side-panel" aria-label={t(`app.panels.${panel}`)}>
      <div className="side-panel-tabs" role="tablist" aria-label={t('app.panels.label')}>
        {(['inspector', 'personas'] as const).map((p) => (
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
          </button>
        ))}
      </div>
      <div className="side-panel-body" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        {/* a view-only map shows its details, but no field takes input */}
        <fieldset className="side-panel-fieldset" disabled={readOnly}>
          {panel === 'personas' ? <PersonasPanel /> : stageId ? <StageInspector stageId={stageId} /> : <Inspector />}
        </fieldset>
      </div>
    </aside>
  );
}
