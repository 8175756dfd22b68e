import { History, Inbox } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { roundAcceptsVotes } from '../model';
import { Inspector } from '../panels/Inspector';
import { useUnreadCount } from '../store/commentsRead';
import { PersonasPanel } from '../panels/PersonasPanel';
import { StageInspector } from '../panels/StageInspector';
import { useEditor } from '../store/editorStore';
import { inspectedStageId, panelAfterSelection, panelSubject, selectionKey } from '../store/panelFollow';
import { OnDemandBoundary } from '../panels/onDemand';
import { CompareInspector } from '../panels/versions';
import { unassignedCount } from '../store/evidenceInbox';
import { CommentsPanel, InboxPanel, VersionsPanel, WorkshopPanel } from './parts';
import { useRememberedPanelVisibility } from './sidePanelMemory';

const TABS = ['inspector', 'personas', 'comments', 'workshop', 'inbox', 'versions'] as const;
/** tabs shown as an icon, named for screen readers and on hover: six words do not fit 340 px */
const ICON_TABS = { inbox: Inbox, versions: History } as const;
const isIconTab = (p: (typeof TABS)[number]): p is keyof typeof ICON_TABS => p in ICON_TABS;

/** The right-hand panel: the selection's details, personas, comments, the workshop, the evidence inbox or the version history, switched by tabs. */
export function SidePanel() {
  const { t } = useTranslation();
  const panel = useEditor((s) => s.panel);
  const readOnly = useEditor((s) => s.readOnly);
  const subject = useEditor(panelSubject);
  const stageId = useEditor(inspectedStageId);
  // a comment link reads the card and talks about it in one place
  const commentsBelowCard = useEditor((s) => s.readOnly && s.canGiveFeedback && panelSubject(s) === 'card');
  const unread = useUnreadCount();
  const waiting = useEditor((s) => (s.journey ? unassignedCount(s.journey.evidence) : 0));
  useFollowSelection();
  useRememberedPanelVisibility();
  if (!panel) return null;
  // the first tab is named for what it shows: "Card", "Cards", "Stage" or "Details"
  const tabName = (p: (typeof TABS)[number]) =>
    p === 'inspector' ? t(`app.panels.subject.${subject}`) : p === 'inbox' ? t('inbox.tab', { count: waiting }) : t(`app.panels.${p}`);
  return (
    <aside className="side-panel" aria-label={tabName(panel)}>
      <div className="side-panel-tabs" role="tablist" aria-label={t('app.panels.label')}>
        {TABS.map((p) => (
          <button
            key={p}
            type="button"
            role="tab"
            id={`tab-${p}`}
            aria-selected={panel === p}
            aria-controls={`panel-${p}`}
            className={[panel === p ? 'is-active' : '', p === 'inbox' && waiting > 0 ? 'has-count' : ''].join(' ').trim()}
            onClick={(e) => {
              useEditor.getState().setPanel(p);
              e.currentTarget.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            }}
            aria-label={isIconTab(p) ? tabName(p) : undefined}
            title={isIconTab(p) ? tabName(p) : undefined}
          >
            {isIconTab(p) ? <TabIcon tab={p} count={p === 'inbox' ? waiting : 0} /> : tabName(p)}
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
        {panel === 'comments' || panel === 'workshop' || panel === 'versions' || panel === 'inbox' ? (
          <OnDemandBoundary key={panel} place="panel">
            {panel === 'comments' ? <CommentsPanel /> : panel === 'workshop' ? <WorkshopPanel /> : panel === 'inbox' ? <InboxPanel /> : <VersionsPanel />}
          </OnDemandBoundary>
        ) : panel === 'personas' ? (
          // a read-only map shows its personas, but no field takes input
          <fieldset className="side-panel-fieldset" disabled={readOnly}>
            <PersonasPanel />
          </fieldset>
        ) : (
          // comparing a version with now, a card or stage that differs says how first
          <CompareInspector>
            {stageId ? (
              <StageInspector stageId={stageId} />
            ) : (
              // on a read-only map the inspector shows the card as text, not as disabled inputs
              <div className={commentsBelowCard ? 'pn-stack' : 'pn-single'}>
                <Inspector />
                {commentsBelowCard && (
                  <OnDemandBoundary key="comments" place="panel">
                    <CommentsPanel />
                  </OnDemandBoundary>
                )}
              </div>
            )}
          </CompareInspector>
        )}
      </div>
    </aside>
  );
}

/** An icon tab; a count (items waiting in the inbox) sits on the icon's corner, so it takes no room from the other tabs. */
function TabIcon({ tab, count }: { tab: keyof typeof ICON_TABS; count: number }) {
  const { t } = useTranslation();
  const Icon = ICON_TABS[tab];
  return (
    <span className="tab-icon">
      <Icon size={15} aria-hidden="true" />
      {count > 0 && (
        <span className="tab-count" aria-hidden="true">
          {count >= 1000 ? t('inbox.tabThousands', { n: Math.floor(count / 1000) }) : count}
        </span>
      )}
    </span>
  );
}

/**
 * Moves the side panel to the details tab when the user selects something else, by the rule in
 * `panelAfterSelection` (store/panelFollow.ts): never away from a tab the user is working in.
 */
function useFollowSelection() {
  const key = useEditor(selectionKey);
  const previous = useRef(key);
  useEffect(() => {
    if (key === previous.current) return;
    previous.current = key;
    const editor = useEditor.getState();
    const active = document.activeElement;
    const typingInPanel =
      active instanceof HTMLElement && active.closest('.side-panel') !== null && (active.matches('input, textarea, select') || active.isContentEditable);
    const round = editor.feedback.currentRound;
    const next = panelAfterSelection(editor.panel, panelSubject(editor), {
      typingInPanel,
      roundOpen: round !== null && roundAcceptsVotes(round, new Date()),
    });
    if (next !== editor.panel) editor.setPanel(next);
  }, [key]);
}
