import { Layers } from 'lucide-react';
import { mapPath } from '../../access/routes';
import type { ActionContext } from '../types';
import { useDetailMapChoices } from '../../store/detailMapChoices';
import { recordDrill } from '../../store/drillTrail';
import { useSpaces } from '../../store/spaces';
import { defineActions } from '../define';
import { cardById, headerTarget, selectedInMapOrder } from '../selection';

/**
 * Journey hierarchy (issue 16): opening the map a stage or card drills down to. The stage or card
 * is the context menu's target, else the one selected card, else the focused stage header. The
 * map opens with the space's rights (`SpaceService.prepareMap`) and the trail leads back
 * (`src/store/drillTrail.ts`). It only reads the map, so viewers drill down too.
 */

/** The map the action would open, or null: no stage or card in hand, no link, or a link to a map the open map's space does not hold. */
export function detailMapToOpen(ctx: ActionContext): string | null {
  const { summaries, spaceId } = useDetailMapChoices.getState();
  if (spaceId === null) return null;
  let mapId: string | null = null;
  const header = headerTarget(ctx);
  if (ctx.target?.kind === 'card') mapId = cardById(ctx.journey, ctx.target.id)?.detailMapId ?? null;
  else if (header?.kind === 'stage') mapId = ctx.journey.stages.find((s) => s.id === header.id)?.detailMapId ?? null;
  else if (!ctx.target) {
    const selected = selectedInMapOrder(ctx);
    if (selected.length === 1) mapId = selected[0]!.detailMapId;
  }
  return mapId !== null && mapId !== ctx.journey.id && summaries.has(mapId) ? mapId : null;
}

export const drillDownActions = defineActions([
  {
    id: 'navigate.openDetailMap',
    group: 'navigate',
    icon: Layers,
    menu: { on: ['stage', 'card'], rank: 7 },
    allowedReadOnly: true,
    enabled: (ctx) => detailMapToOpen(ctx) !== null,
    perform: (ctx) => {
      const mapId = detailMapToOpen(ctx);
      const spaceId = useDetailMapChoices.getState().spaceId;
      if (mapId === null || spaceId === null) return;
      useSpaces.getState().service?.prepareMap(spaceId, mapId);
      recordDrill({ id: ctx.journey.id, title: ctx.journey.title }, mapId);
      ctx.navigate(mapPath(mapId));
    },
  },
]);
