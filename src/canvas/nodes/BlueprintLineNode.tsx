import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { BlueprintLineNodeData } from '../buildNodes';
import { useCanvasLabels } from '../labels';

/**
 * One of the service blueprint's lines (interaction, visibility, internal interaction) across the
 * whole map at the boundary between two lanes, named by a small chip at the start of every phase
 * so it reads wherever the map is scrolled to. The chips sit in the cells' padding, never on a
 * card; the node takes no pointer events (canvas.css), so the lanes under it stay clickable.
 */
export const BlueprintLineNode = memo(function BlueprintLineNode({ data }: NodeProps<Node<BlueprintLineNodeData, 'blueprintLine'>>) {
  const labels = useCanvasLabels();
  const name = labels.t(data.labelKey);
  return (
    <div className={`blueprint-line is-${data.lineId}`} role="separator" aria-label={name} data-blueprint-line={data.lineId}>
      {data.chipXs.map((x) => (
        <span key={x} className="blueprint-line-chip" style={{ left: x }} aria-hidden="true">
          {name}
        </span>
      ))}
    </div>
  );
});
