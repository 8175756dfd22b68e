import { Inbox } from 'lucide-react';
import { inboxItems } from '../../model/evidence';
import { assignTargets, useInbox } from '../../store/evidenceInbox';
import { always, defineActions } from '../define';
import type { ActionContext } from '../types';

/**
 * The evidence inbox (issue 18): customer feedback imported from a CSV export or pasted line by
 * line waits there until it is assigned to the card it backs. Looking at the inbox is for every
 * link; importing, pasting and assigning write the map, so a read-only session is not offered
 * them (the relay refuses its writes regardless).
 */

/** Opens the browser's file picker for one feedback file; null when the person cancels. */
function pickFeedbackFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** The inbox items "Assign to card…" would assign now: the picked ones, else the one the keyboard is on. */
function itemsToAssign(ctx: ActionContext): string[] {
  const waiting = new Set(inboxItems(ctx.journey.evidence).map((item) => item.id));
  return assignTargets(useInbox.getState()).filter((id) => waiting.has(id));
}

export const inboxActions = defineActions([
  {
    id: 'view.evidenceInbox',
    group: 'view',
    // E for evidence (Cmd+Option+I is the browser's developer tools on a Mac)
    shortcuts: ['Mod+Alt+E'],
    icon: Inbox,
    // every link may read what the map rests on; the panel offers only what the role may do
    allowedReadOnly: true,
    enabled: always,
    perform: (ctx) => ctx.editor.setPanel(ctx.editor.panel === 'inbox' ? null : 'inbox'),
  },
  {
    id: 'map.importFeedback',
    group: 'map',
    enabled: always,
    perform: (ctx) => {
      const { editor } = ctx;
      // a file handed in (dropped on the inbox) skips the picker
      const handed = ctx.files?.[0];
      void (handed ? Promise.resolve(handed) : pickFeedbackFile()).then((file) => {
        if (!file) return;
        useInbox.getState().openImport(file);
        editor.setPanel('inbox');
        editor.setDialog('importFeedback');
      });
    },
  },
  {
    id: 'map.pasteFeedback',
    group: 'map',
    enabled: always,
    perform: (ctx) => {
      ctx.editor.setPanel('inbox');
      ctx.editor.setDialog('pasteFeedback');
    },
  },
  {
    id: 'edit.assignEvidence',
    group: 'edit',
    enabled: (ctx) => itemsToAssign(ctx).length > 0 && ctx.journey.cards.length > 0,
    perform: (ctx) => {
      useInbox.getState().startAssign(itemsToAssign(ctx));
      ctx.editor.setDialog('assignEvidence');
    },
  },
]);
