import { useStore, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import type { BlueprintLineNodeData } from '../buildNodes';
import { useCanvasLabels } from '../labels';

/**
 * One of the service blueprint's lines (interaction, visibility, internal interaction) across the
 * whole map at the boundary between two lanes, named by a small chip at the start of every phase
 * so it reads wherever the map is scrolled to. The chips sit in the cells' padding, never on a
 * card; the node takes no pointer events (canvas.css), so the lanes under it stay clickable.
 */
/**
 * Zoomed out, the chips grow against the zoom (up to a quarter bigger), so a line's name stays
 * readable while the map shrinks; at that most it still fits in the cells' padding around the
 * line. Rounded, so panning re-renders nothing.
 */
const MAX_CHIP_GROWTH = 1.25;
const chipScale = (s: ReactFlowState) => Math.min(MAX_CHIP_GROWTH, Math.max(1, 1 / s.transform[2])).toFixed(2);

export const BlueprintLineNode = memo(function BlueprintLineNode({ data }: NodeProps<Node<BlueprintLineNodeData, 'blueprintLine'>>) {
  const labels = useCanvasLabels();
  const name = labels.t(data.labelKey);
  const scale = useStore(chipScale);
  return (
    <div className={`blueprint-line is-${data.lineId}`} role="separator" aria-label={name} data-blueprint-line={data.lineId}>
      {data.chipXs.map((x) => (
        <span key={x} className="blueprint-line-chip" style={{ left: x, transform: `translateY(-50%) scale(${scale})` }} aria-hidden="true">
          {name}
        </span>
      ))}
    </div>
  );
});
