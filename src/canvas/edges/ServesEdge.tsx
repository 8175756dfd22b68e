import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { servesGutterX } from '../../model/blueprintView';
import { CARD_WIDTH } from '../../model/layout';
import type { ServesEdgeData } from '../buildNodes';

/** Half a card handle's width (buildNodes' CARD_HANDLES): React Flow gives the handles' outer edges. */
const HANDLE_HALF = 5;

/**
 * A blueprint card and the customer's card it serves, in one stage: out of the right edge of
 * one, along the gutter beside the column, into the right edge of the other, with an arrow at
 * the link's end. It runs past the lanes in between without touching their cards, and crosses
 * the blueprint's lines the way a blueprint's vertical arrows do.
 */
export const ServesEdge = memo(function ServesEdge(props: EdgeProps<Edge<ServesEdgeData, 'serves'>>) {
  const { sourceX, sourceY, targetX, targetY, markerEnd, style, label, data } = props;
  const fromRight = sourceX - HANDLE_HALF;
  const toRight = targetX + HANDLE_HALF + CARD_WIDTH;
  const gutter = servesGutterX(Math.max(fromRight, toRight), data?.slot ?? 0);
  const path = `M${fromRight},${sourceY} H${gutter} V${targetY} H${toRight + 2}`;
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={gutter}
      labelY={(sourceY + targetY) / 2}
      labelShowBg
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={4}
    />
  );
});
