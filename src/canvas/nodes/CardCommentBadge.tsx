import { MessageSquare } from 'lucide-react';
import { memo, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/editorStore';
import { useCardUnread } from '../../store/commentsRead';
import '../../panels/comments/comments.css';

/**
 * A card's comment marker, for the card's footer: a speech bubble and the number of open threads,
 * emphasised when one has something I have not read. Nothing when the card has no threads.
 * Clicking it selects the card and opens the comments panel.
 *
 * Cheap on a map of thousands of cards: the outer part selects one string (no translation hook,
 * no unread lookup) and draws nothing for the cards without threads.
 */
export const CardCommentBadge = memo(function CardCommentBadge({ cardId }: { cardId: string }) {
  const counts = useEditor((s) => {
    const c = s.feedback.cardThreads.get(cardId);
    return c && c.total > 0 ? `${c.open}:${c.total}` : '';
  });
  if (!counts) return null;
  const [open, total] = counts.split(':').map(Number) as [number, number];
  return <Badge cardId={cardId} open={open} total={total} />;
});

const stop = (event: SyntheticEvent) => event.stopPropagation();

function Badge({ cardId, open, total }: { cardId: string; open: number; total: number }) {
  const { t } = useTranslation();
  const unread = useCardUnread(cardId);
  const label = open > 0 ? t('comments.badge.open', { count: open }) : t('comments.badge.allResolved', { count: total });
  const classes = ['cm-card-badge', 'nodrag', 'nopan'];
  if (unread) classes.push('is-unread');
  if (open === 0) classes.push('is-resolved');
  return (
    <button
      type="button"
      className={classes.join(' ')}
      title={unread ? t('comments.badge.withUnread', { label }) : label}
      // the card under it must not start a drag, a selection box or in-place editing
      onPointerDown={stop}
      onMouseDown={stop}
      onDoubleClick={stop}
      onClick={(event) => {
        event.stopPropagation();
        const editor = useEditor.getState();
        editor.selectCards([cardId]);
        editor.setPanel('comments');
      }}
    >
      <MessageSquare size={12} aria-hidden="true" fill={unread ? 'currentColor' : 'none'} />
      {open > 0 && <span aria-hidden="true">{open}</span>}
      <span className="sr-only">
        {label}
        {unread && `, ${t('comments.badge.unread')}`}
      </span>
    </button>
  );
}
