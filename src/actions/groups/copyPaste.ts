import { putImages } from '../../model/images';
import { addCard } from '../../model/ops';
import { LOCAL_ORIGIN } from '../../model/origin';
import { deleteTargetCards, openLane, reveal } from '../cardEffects';
import { copyOf, copyToClipboard } from '../clipboard';
import { defineActions } from '../define';
import { pasteCells } from '../movePlan';
import { cellCards, cellKeyOf, firstCell, pastePlace, targetCards } from '../selection';

/** Copy, cut, paste and duplicate cards. */
export const copyPasteActions = defineActions([
  {
    id: 'edit.copy',
    group: 'edit',
    shortcuts: ['Mod+C'],
    menu: { on: ['card'], rank: 50 },
    // copying out reads the map; the clipboard is the reader's own
    allowedReadOnly: true,
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => copyToClipboard(ctx, targetCards(ctx)),
  },
  {
    id: 'edit.cut',
    group: 'edit',
    shortcuts: ['Mod+X'],
    menu: { on: ['card'], rank: 60 },
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => {
      const cards = targetCards(ctx);
      copyToClipboard(ctx, cards);
      deleteTargetCards(ctx, cards);
    },
  },
  {
    id: 'edit.paste',
    group: 'edit',
    shortcuts: ['Mod+V'],
    menu: { on: ['cell', 'map'], rank: 30 },
    enabled: (ctx) => (ctx.editor.clipboard?.cards.length ?? 0) > 0 && firstCell(ctx.journey) !== null,
    perform: (ctx) => {
      const clipped = ctx.editor.clipboard?.cards ?? [];
      const fallback = firstCell(ctx.journey);
      if (clipped.length === 0 || !fallback) return;
      const anchor = pastePlace(ctx);
      const cells = pasteCells(ctx.journey, clipped, anchor, fallback);
      const anchorKey = anchor ? cellKeyOf(anchor) : null;
      let nextInAnchorCell = anchor?.index;
      const ids: string[] = [];
      ctx.doc.transact(() => {
        // the pictures first, so the pasted cards show them after a cut or in another map
        putImages(ctx.doc, ctx.editor.clipboard?.images ?? []);
        clipped.forEach((card, i) => {
          const cell = cells[i]!;
          const index = cellKeyOf(cell) === anchorKey && nextInAnchorCell !== undefined ? nextInAnchorCell++ : undefined;
          openLane(ctx, cell.laneId);
          const id = addCard(ctx.doc, copyOf(ctx, card, { ...cell, index }), LOCAL_ORIGIN);
          if (id) ids.push(id);
        });
      }, LOCAL_ORIGIN);
      ctx.editor.selectCards(ids, 'replace');
      reveal(ctx, ids[0]);
    },
  },
  {
    id: 'edit.duplicate',
    group: 'edit',
    shortcuts: ['Mod+D'],
    menu: { on: ['card'], rank: 40 },
    enabled: (ctx) => targetCards(ctx).length > 0,
    perform: (ctx) => {
      const cards = targetCards(ctx);
      const rows = new Map<string, string[]>();
      const ids: string[] = [];
      ctx.doc.transact(() => {
        for (const card of cards) {
          const key = cellKeyOf(card);
          let row = rows.get(key);
          if (!row) rows.set(key, (row = cellCards(ctx.journey, card).map((c) => c.id)));
          const index = row.indexOf(card.id) + 1;
          const id = addCard(ctx.doc, copyOf(ctx, card, { stageId: card.stageId, laneId: card.laneId, index }), LOCAL_ORIGIN);
          if (!id) continue;
          row.splice(index, 0, id);
          ids.push(id);
        }
      }, LOCAL_ORIGIN);
      ctx.editor.selectCards(ids, 'replace');
      reveal(ctx, ids[0]);
    },
  },
]);
