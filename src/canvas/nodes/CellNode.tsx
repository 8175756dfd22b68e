import type { Node, NodeProps } from '@xyflow/react';
import { Plus } from 'lucide-react';
import { memo } from 'react';
import { runAction } from '../../actions';
import { useEditor } from '../../store/editorStore';
import type { CellNodeData } from '../buildNodes';
import { useCanvasLabels } from '../labels';
import { cellNodeKey, useDropCell } from '../dragStore';

/** The background of one cell: a drop zone, a + to add a card, double-click to add one. */
export const CellNode = memo(function CellNode({ data }: NodeProps<Node<CellNodeData, 'cell'>>) {
  const labels = useCanvasLabels();
  const t = labels.t;
  const { stageId, laneId, empty, offsetTop, readOnly } = data;
  const names = useEditor((s) => {
    const stage = s.journey?.stages.find((x) => x.id === stageId)?.name ?? '';
    const lane = s.journey?.lanes.find((x) => x.id === laneId)?.name ?? '';
    return `${stage}\u0000${lane}`;
  });
  const [stage, lane] = names.split('\u0000');
  const isDropTarget = useDropCell((s) => s.key === cellNodeKey(stageId, laneId));
  return (
    <div
      className={`cell${empty ? ' is-empty' : ''}${isDropTarget ? ' is-drop-target' : ''}`}
      onDoubleClick={(e) => {
        e.stopPropagation();
        runAction('card.add', { target: { kind: 'cell', stageId, laneId }, t });
      }}
      onClick={() => {
        const editor = useEditor.getState();
        editor.clearSelection();
        editor.setFocus({ kind: 'cell', stageId, laneId });
      }}
    >
      {!readOnly && <button
        type="button"
        className="cell-add nodrag"
        tabIndex={-1}
        style={{ top: offsetTop + 6 }}
        aria-label={labels.addCardHere(stage ?? '', lane ?? '')}
        onClick={(e) => {
          e.stopPropagation();
          runAction('card.add', { target: { kind: 'cell', stageId, laneId }, t });
        }}
      >
        <Plus size={14} aria-hidden="true" />
      </button>}
    </div>
  );
});
