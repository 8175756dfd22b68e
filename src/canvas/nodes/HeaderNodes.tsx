import type { Node, NodeProps } from '@xyflow/react';
import { ChevronDown, ChevronRight, Ellipsis } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { runAction } from '../../actions';
import { LIMITS } from '../../model/limits';
import { renamePhase, updateLane, updateStage } from '../../model/ops';
import { phaseNameKey, shownPhaseName } from '../../model/phaseNames';
import { useEditor, type Target } from '../../store/editorStore';
import { headerMarkOf, useVersionPreview } from '../../store/versionPreview';
import type { LaneNodeData, PhaseNodeData, StageNodeData } from '../buildNodes';
import { laneIcon } from '../icons';
import { laneKindStyle } from '../laneKindStyle';
import { InlineTitle } from '../InlineTitle';
import { StageDrillDown } from './DrillDown';

/** A click on a header makes it the target of header actions (F2, Alt+Arrows), not the cards. */
function focusHeader(target: Target) {
  const editor = useEditor.getState();
  editor.clearSelection();
  editor.setFocus(target);
}

function openMenuAt(button: HTMLElement, target: Target) {
  const r = button.getBoundingClientRect();
  useEditor.getState().openContextMenu(r.left, r.bottom + 4, target);
}

function withDoc(fn: (doc: NonNullable<ReturnType<typeof useEditor.getState>['session']>['doc']) => void) {
  const doc = useEditor.getState().session?.doc;
  if (doc) fn(doc);
}

/** A stage's column header: its name, card count and menu; drag it sideways to reorder. */
export const StageHeaderNode = memo(function StageHeaderNode({ data }: NodeProps<Node<StageNodeData, 'stage'>>) {
  const { t } = useTranslation();
  const { stage, cardCount, phaseColor, backed } = data;
  const editing = useEditor((s) => s.editing?.kind === 'stage' && s.editing.id === stage.id);
  const focused = useEditor((s) => s.focus?.kind === 'stage' && s.focus.id === stage.id);
  // comparing a version with now: a stage added or removed since (a ghost column), or renamed
  const diff = useVersionPreview((s) => headerMarkOf(s, 'stage', stage.id));
  const name = stage.name || t('canvas.untitledStage');
  const drillsDown = stage.detailMapId !== null;
  return (
    <div
      className={`stage-header${focused ? ' is-focused' : ''}${diff ? ` diff-${diff}` : ''}`}
      data-diff={diff ?? undefined}
      style={phaseColor ? { borderTopColor: phaseColor } : undefined}
      onClick={() => focusHeader({ kind: 'stage', id: stage.id })}
      onDoubleClick={() => useEditor.getState().startEditing({ kind: 'stage', id: stage.id })}
    >
      {editing ? (
        <InlineTitle
          value={stage.name}
          label={t('canvas.editTitle')}
          maxLength={LIMITS.name}
          onCommit={(value) => withDoc((doc) => updateStage(doc, stage.id, { name: value }))}
          onDone={() => useEditor.getState().stopEditing()}
        />
      ) : (
        <h2 className="stage-name" title={drillsDown ? `${name} · ${t('canvas.cards', { count: cardCount })}` : name}>
          {name}
        </h2>
      )}
      {drillsDown ? (
        // a stage that drills down: the detailed map's figures take the row of the stage's own
        // (its card count moves into the name's tooltip; the column shows its cards anyway)
        <span className="stage-header-sub is-drill">
          <StageDrillDown stageId={stage.id} mapId={stage.detailMapId!} />
          {diff && <span className="diff-badge is-header">{t(`versions.marks.${diff as 'added' | 'removed' | 'changed'}`)}</span>}
        </span>
      ) : (
        <span className="header-count stage-header-sub">
          <span>{t('canvas.cards', { count: cardCount })}</span>
          {cardCount > 0 && backed !== null && <StageBacking backed={backed} cards={cardCount} stage={name} />}
          {diff && <span className="diff-badge is-header">{t(`versions.marks.${diff as 'added' | 'removed' | 'changed'}`)}</span>}
        </span>
      )}
      <button
        type="button"
        className="header-menu nodrag"
        aria-label={t('canvas.stageMenu', { name })}
        onClick={(e) => {
          e.stopPropagation();
          focusHeader({ kind: 'stage', id: stage.id });
          openMenuAt(e.currentTarget, { kind: 'stage', id: stage.id });
        }}
      >
        <Ellipsis size={16} aria-hidden="true" />
      </button>
    </div>
  );
});

/**
 * How much of a stage rests on evidence (confidence.ts, stageBacking): a thin bar and "3/8
 * backed", the whole sentence on hover, so a team sees where to do research next.
 */
function StageBacking({ backed, cards, stage }: { backed: number; cards: number; stage: string }) {
  const { t } = useTranslation();
  const title = t('evidence.backing.title', { backed, cards, stage });
  return (
    <span className={`stage-backing${backed === 0 ? ' is-none' : ''}`} title={title} data-backed={backed} data-cards={cards}>
      <span className="stage-backing-bar" aria-hidden="true">
        <span className="stage-backing-fill" style={{ width: `${Math.round((backed / cards) * 100)}%` }} />
      </span>
      <span className="stage-backing-text">{t('evidence.backing.label', { backed, cards })}</span>
    </span>
  );
}

/** A lane's row header: kind icon, name, count, collapse toggle and menu; drag it to reorder. */
export const LaneHeaderNode = memo(function LaneHeaderNode({ data }: NodeProps<Node<LaneNodeData, 'lane'>>) {
  const { t } = useTranslation();
  const { lane, cardCount } = data;
  const editing = useEditor((s) => s.editing?.kind === 'lane' && s.editing.id === lane.id);
  const focused = useEditor((s) => s.focus?.kind === 'lane' && s.focus.id === lane.id);
  const diff = useVersionPreview((s) => headerMarkOf(s, 'lane', lane.id));
  const Icon = laneIcon(lane.kind);
  const name = lane.name || t('canvas.untitledLane');
  const Chevron = lane.collapsed ? ChevronRight : ChevronDown;
  return (
    <div
      className={`lane-header kind-${lane.kind}${lane.collapsed ? ' is-collapsed' : ''}${focused ? ' is-focused' : ''}${diff ? ` diff-${diff}` : ''}`}
      data-diff={diff ?? undefined}
      style={laneKindStyle(lane.kind)}
      onClick={() => focusHeader({ kind: 'lane', id: lane.id })}
      onDoubleClick={() => useEditor.getState().startEditing({ kind: 'lane', id: lane.id })}
    >
      <div className="lane-header-top">
        <button
          type="button"
          className="lane-toggle nodrag"
          aria-expanded={!lane.collapsed}
          aria-label={t(lane.collapsed ? 'canvas.expandLane' : 'canvas.collapseLane', { name })}
          onClick={(e) => {
            e.stopPropagation();
            runAction(lane.collapsed ? 'structure.expandLane' : 'structure.collapseLane', { target: { kind: 'lane', id: lane.id }, t });
          }}
        >
          <Chevron size={16} aria-hidden="true" />
        </button>
        <span className="lane-icon" aria-hidden="true">
          <Icon size={16} />
        </span>
        {editing ? (
          <InlineTitle
            value={lane.name}
            label={t('canvas.editTitle')}
            maxLength={LIMITS.name}
            onCommit={(value) => withDoc((doc) => updateLane(doc, lane.id, { name: value }))}
            onDone={() => useEditor.getState().stopEditing()}
          />
        ) : (
          <h3 className="lane-name" title={name}>
            {name}
          </h3>
        )}
        <button
          type="button"
          className="header-menu nodrag"
          aria-label={t('canvas.laneMenu', { name })}
          onClick={(e) => {
            e.stopPropagation();
            focusHeader({ kind: 'lane', id: lane.id });
            openMenuAt(e.currentTarget, { kind: 'lane', id: lane.id });
          }}
        >
          <Ellipsis size={16} aria-hidden="true" />
        </button>
      </div>
      {!lane.collapsed && <span className="header-count">{t('canvas.cards', { count: cardCount })}</span>}
      {diff && <span className="diff-badge is-header">{t(`versions.marks.${diff as 'added' | 'removed' | 'changed'}`)}</span>}
      {!lane.collapsed && lane.kind === 'emotions' && <span className="header-count header-curve-source">{t('canvas.curveSource')}</span>}
    </div>
  );
});

/**
 * A phase band above its run of stages, in the phase's colour; double-click to rename the phase
 * for this map, or open its menu (rename, move, manage phases, delete).
 */
export const PhaseBandNode = memo(function PhaseBandNode({ data }: NodeProps<Node<PhaseNodeData, 'phase'>>) {
  const { t } = useTranslation();
  const { phase, readOnly } = data;
  const editing = useEditor((s) => s.editing?.kind === 'phase' && s.editing.id === phase.id);
  const name = shownPhaseName(phase, t(phaseNameKey(phase.id)));
  return (
    <div
      className="phase-band"
      data-phase={phase.id}
      style={{ background: phase.color }}
      onClick={readOnly ? undefined : () => focusHeader({ kind: 'phase', id: phase.id })}
      onDoubleClick={readOnly ? undefined : () => useEditor.getState().startEditing({ kind: 'phase', id: phase.id })}
    >
      {editing ? (
        <InlineTitle
          value={name}
          label={t('canvas.editTitle')}
          maxLength={LIMITS.name}
          onCommit={(value) => withDoc((doc) => renamePhase(doc, phase.id, value))}
          onDone={() => useEditor.getState().stopEditing()}
        />
      ) : (
        <span className="phase-name">{name}</span>
      )}
      {!readOnly && !editing && (
        <button
          type="button"
          className="phase-menu nodrag"
          aria-label={t('canvas.phaseMenu', { name })}
          onClick={(e) => {
            e.stopPropagation();
            openMenuAt(e.currentTarget, { kind: 'phase', id: phase.id });
          }}
        >
          <Ellipsis size={14} aria-hidden="true" />
        </button>
      )}
    </div>
  );
});
