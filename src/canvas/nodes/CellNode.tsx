import type { Node, NodeProps } from '@xyflow/react';
import { Plus } from 'lucide-react';
import { memo } from 'react';
import { runAction } from '../../actions';
import { addCardSlotTop } from '../../model/layout';
import { useEditor } from '../../store/editorStore';
import type { CellNodeData } from '../buildNodes';
import { useCanvasLabels } from '../labels';
import { cellNodeKey, useDropCell } from '../dragStore';

/**
 * The background of one cell: a drop zone, an "Add card" button right under its last card (the
 * layout keeps a row free for it, so no card ever covers it), and a double-click on its empty
 * space adds a card too. A double-click on a card edits that card instead (JourneyCanvas).
 */
export const CellNode = memo(function CellNode({ data }: NodeProps<Node<CellNodeData, 'cell'>>) {
  const labels = useCanvasLabels();
  const t = labels.t;
  const { stageId, laneId, empty, cardCount, collapsed, offsetTop, readOnly } = data;
  const names = useEditor((s) => {
    const stage = s.journey?.stages.find((x) => x.id === stageId)?.name ?? '';
    const lane = s.journey?.lanes.find((x) => x.id === laneId)?.name ?? '';
    return `${stage}\u0000${lane}`;
  });
  const [stage, lane] = names.split('\u0000');
  const isDropTarget = useDropCell((s) => s.key === cellNodeKey(stageId, laneId));
  const add = () => runAction('card.add', { target: { kind: 'cell', stageId, laneId }, t });
  return (
    <div
      className={`cell${empty ? ' is-empty' : ''}${isDropTarget ? ' is-drop-target' : ''}`}
      onDoubleClick={(e) => {
        e.stopPropagation();
        add();
      }}
      onClick={() => {
        const editor = useEditor.getState();
        editor.clearSelection();
        editor.setFocus({ kind: 'cell', stageId, laneId });
      }}
    >
      {!readOnly && (
        <button
          type="button"
          className={`cell-add nodrag${collapsed ? ' is-compact' : ''}`}
          tabIndex={-1}
          style={{ top: collapsed ? 6 : offsetTop + addCardSlotTop(cardCount) }}
          aria-label={labels.addCardHere(stage ?? '', lane ?? '')}
          title={labels.addCardHint}
          onClick={(e) => {
            e.stopPropagation();
            // a double-click on the button adds one card, not two
            if (e.detail <= 1) add();
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          <Plus size={14} aria-hidden="true" />
          {!collapsed && <span className="cell-add-text">{labels.addCard}</span>}
        </button>
      )}
    </div>
  );
});
