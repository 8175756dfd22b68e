import { History } from 'lucide-react';
import { mayEditLiveMap } from '../../store/editorStore';
import { inspectedStageId } from '../../store/panelFollow';
import { cardRestorable } from '../../store/versionCompare';
import { closeVersion, restoreCardFromOpen, restoreStageFromOpen, setComparing, useVersionPreview } from '../../store/versionPreview';
import { always, defineActions } from '../define';
import type { ActionContext } from '../types';

/**
 * Version history (issue 15): naming a version, the history panel, and what can be done while a
 * version shows on the canvas — compare it with now, restore it (whole, a card, a stage), close
 * it. While a version shows the editor is read-only (`EditorStore.preview`), so the actions that
 * act then are `allowedReadOnly` and check the rights to the live map themselves; the restores
 * write the live doc as forward changes, each one undo step.
 */

const preview = () => useVersionPreview.getState();

/** A version shows and my role may change the live map: owners and edit links of an unlocked map, or a private map. */
const mayRestore = (ctx: ActionContext) => preview().open !== null && mayEditLiveMap(ctx.editor);

/** The selected card, when compare marks it removed (and its cell is there now) or changed since the version. */
function restorableCard(ctx: ActionContext): string | null {
  const { comparison } = preview();
  if (!comparison || ctx.editor.selectedCardIds.length !== 1) return null;
  const id = ctx.editor.selectedCardIds[0]!;
  return cardRestorable(comparison, id) ? id : null;
}

/** The inspected stage, when the version has it and it or its cards differ now. */
function restorableStage(ctx: ActionContext): string | null {
  const { comparison } = preview();
  const id = inspectedStageId(ctx.editor);
  if (!comparison || !id) return null;
  const status = comparison.stages.get(id);
  if (status === 'added') return null;
  if (status) return id;
  const differs = comparison.diff.cards.some((d) => (d.before?.stageId === id || d.after?.stageId === id) && comparison.cards.has(d.id));
  return differs ? id : null;
}

export const versionActions = defineActions([
  {
    id: 'map.nameVersion',
    group: 'map',
    shortcuts: ['Mod+Alt+S'],
    menu: { on: ['map'], rank: 245 },
    // the read-only gate keeps view and comment links, a locked map and a preview out
    enabled: () => preview().history !== null,
    perform: (ctx) => ctx.editor.setDialog('nameVersion'),
  },
  {
    id: 'view.versionHistory',
    group: 'view',
    shortcuts: ['Mod+Alt+H'],
    toolbar: { section: 'history', order: 3 },
    icon: History,
    // every link may look back; the panel offers only what the role may do
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'versions' ? null : 'versions'),
  },
  {
    id: 'map.compareVersion',
    group: 'map',
    allowedReadOnly: true,
    enabled: () => preview().open !== null,
    perform: () => setComparing(!preview().comparing),
  },
  {
    id: 'map.restoreVersion',
    group: 'map',
    // opens the confirmation; the restore itself is the dialog's button
    allowedReadOnly: true,
    enabled: (ctx) => mayRestore(ctx) && preview().history !== null,
    perform: (ctx) => ctx.editor.setDialog('restoreVersion'),
  },
  {
    id: 'card.restoreFromVersion',
    group: 'card',
    // while comparing, the first thing a ghost or a changed card offers
    menu: { on: ['card'], rank: 5 },
    allowedReadOnly: true,
    enabled: (ctx) => mayRestore(ctx) && restorableCard(ctx) !== null,
    perform: (ctx) => {
      const id = restorableCard(ctx);
      if (id) void restoreCardFromOpen(id);
    },
  },
  {
    id: 'structure.restoreStageFromVersion',
    group: 'structure',
    menu: { on: ['stage'], rank: 115 },
    allowedReadOnly: true,
    enabled: (ctx) => mayRestore(ctx) && restorableStage(ctx) !== null,
    perform: (ctx) => {
      const id = restorableStage(ctx);
      if (id) void restoreStageFromOpen(id);
    },
  },
  {
    id: 'map.closeVersion',
    group: 'map',
    shortcuts: ['Escape'],
    allowedReadOnly: true,
    enabled: () => preview().open !== null,
    perform: () => closeVersion(),
  },
]);
