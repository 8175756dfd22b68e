import { CheckCircle2, Eye, FileCheck2, Pencil, RotateCcw, Trash2 } from 'lucide-react';
import { Fragment, memo, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addComment, deleteComment, editComment, isKept, keepObservation, mayChangeComment, setCommentResolved, type Comment, type Thread } from '../../model';
import { absoluteTime, relativeTime } from '../library';
import { Composer } from './Composer';
import type { CommentsContext } from './context';
import { segmentText, type Person } from './mentions';
import { isCommentNew } from '../../store/commentsRead';

export interface ThreadViewProps {
  thread: Thread;
  ctx: CommentsContext;
  /** the thread's read mark before the panel showed it: comments after it are marked new */
  seenMark: string | undefined;
  /** scroll it into view when it first appears (the thread I just started) */
  reveal?: boolean;
}

/**
 * One conversation: its first comment, the replies indented below, and what I may do with it
 * (reply, resolve or reopen; edit or delete my own comments; as the owner, delete anyone's).
 */
export const ThreadView = memo(function ThreadView({ thread, ctx, seenMark, reveal }: ThreadViewProps) {
  const { t } = useTranslation();
  // what was new when the thread came into view stays marked while the panel is open
  const [since] = useState(seenMark);
  const [replying, setReplying] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const headId = useId();
  const { root, replies } = thread;
  const myId = ctx.me?.id ?? '';
  const rootName = root.author || t('comments.unknownAuthor');

  useEffect(() => {
    if (reveal) article.current?.scrollIntoView?.({ block: 'nearest' });
  }, [reveal]);

  const closeReply = () => {
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };

  const reply = (text: string, mentions: string[]) => {
    if (!ctx.me || !ctx.actor) return false;
    if (addComment(ctx.feedback, ctx.actor, { cardId: root.cardId, parentId: root.id, author: ctx.me.name, text, mentions }) === null) return false;
    setReplying(false);
    requestAnimationFrame(() => replyButton.current?.focus());
  };

  const setResolved = (resolved: boolean) => {
    setCommentResolved(ctx.feedback, root.id, resolved);
    ctx.announce(resolved ? t('comments.resolvedStatus', { name: rootName }) : t('comments.reopenedStatus', { name: rootName }));
    // the thread moves (into the resolved group, or out of it): keep focus somewhere sensible
    ctx.focusHeading();
  };

  const isObservation = root.observation;
  const kept = isObservation && root.resolved && isKept(root, ctx.evidence);

  const keep = () => {
    if (!ctx.mapDoc || !ctx.mayKeep) return;
    const result = keepObservation(ctx.mapDoc, ctx.feedback, root.id);
    const messages = {
      kept: t('comments.observation.keptStatus', { name: rootName }),
      already: t('comments.observation.alreadyStatus'),
      gone: t('comments.observation.goneStatus'),
      full: t('comments.observation.fullStatus'),
    } as const;
    ctx.announce(messages[result]);
    if (result !== 'full') ctx.focusHeading();
  };

  const remove = (comment: Comment) => {
    if (!ctx.actor || !deleteComment(ctx.feedback, ctx.actor, comment.id)) return;
    setConfirmingId(null);
    ctx.announce(t('comments.deletedStatus'));
    ctx.focusHeading();
  };

  const commentProps = (comment: Comment, isRoot: boolean) => ({
    comment,
    ctx,
    headId: isRoot ? headId : undefined,
    isNew: isCommentNew(comment, since, myId),
    editing: editingId === comment.id,
    confirming: confirmingId === comment.id,
    deleteWarning: isRoot && replies.length > 0 ? t('comments.confirmDeleteWithReplies') : t('comments.confirmDelete'),
    onEdit: () => {
      setConfirmingId(null);
      setEditingId(comment.id);
    },
    onStopEditing: () => setEditingId(null),
    onAskDelete: () => {
      setEditingId(null);
      setConfirmingId(comment.id);
    },
    onCancelDelete: () => setConfirmingId(null),
    onDelete: () => remove(comment),
  });

  return (
    <article
      ref={article}
      className={`cm-thread${root.resolved ? ' is-resolved' : ''}${isObservation ? ' is-observation' : ''}`}
      aria-labelledby={headId}
    >
      <CommentView {...commentProps(root, true)} />
      {replies.length > 0 && (
        <ol className="cm-replies" aria-label={t('comments.repliesLabel', { count: replies.length })}>
          {replies.map((c) => (
            <li key={c.id}>
              <CommentView {...commentProps(c, false)} />
            </li>
          ))}
        </ol>
      )}
      {root.resolved && (
        <p className={`cm-resolved-note${kept ? ' is-kept' : ''}`}>
          {kept ? <FileCheck2 size={14} aria-hidden="true" /> : <CheckCircle2 size={14} aria-hidden="true" />}
          {kept ? t('comments.observation.kept') : t('comments.resolved')}
        </p>
      )}
      {ctx.canWrite && !replying && (
        <div className="cm-thread-actions">
          {isObservation && !root.resolved && ctx.mayKeep && (
            <button type="button" className="pn-button pn-button-primary cm-small-button" title={t('comments.observation.keepHint')} onClick={keep}>
              <FileCheck2 size={14} aria-hidden="true" />
              {t('comments.observation.keep')}
            </button>
          )}
          {!root.resolved && (
            <button ref={replyButton} type="button" className="pn-button cm-small-button" onClick={() => setReplying(true)}>
              {t('comments.reply')}
            </button>
          )}
          {root.resolved ? (
            <button type="button" className="pn-button cm-small-button" onClick={() => setResolved(false)}>
              <RotateCcw size={14} aria-hidden="true" />
              {t('comments.reopen')}
            </button>
          ) : (
            <button type="button" className="pn-button cm-small-button" onClick={() => setResolved(true)}>
              <CheckCircle2 size={14} aria-hidden="true" />
              {t('comments.resolve')}
            </button>
          )}
        </div>
      )}
      {ctx.canWrite && replying && (
        <div className="cm-reply-composer">
          <Composer
            label={t('comments.replyLabel', { name: rootName })}
            placeholder={t('comments.replyPlaceholder')}
            submitLabel={t('comments.sendReply')}
            candidates={ctx.candidates}
            autoFocus
            onSubmit={reply}
            onCancel={closeReply}
          />
        </div>
      )}
    </article>
  );
});

interface CommentViewProps {
  comment: Comment;
  ctx: CommentsContext;
  /** id for the thread's accessible name (on its first comment's header) */
  headId: string | undefined;
  isNew: boolean;
  editing: boolean;
  confirming: boolean;
  deleteWarning: string;
  onEdit(): void;
  onStopEditing(): void;
  onAskDelete(): void;
  onCancelDelete(): void;
  onDelete(): void;
}

function CommentView({ comment, ctx, headId, isNew, editing, confirming, deleteWarning, onEdit, onStopEditing, onAskDelete, onCancelDelete, onDelete }: CommentViewProps) {
  const { t } = useTranslation();
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const me = ctx.me;
  const mine = !!me && !!comment.authorId && comment.authorId === me.id;
  // my own comments I edit and delete; the owner deletes anyone's (those under an identity
  // from before secrets, too, which nobody can prove any more)
  const canEdit = ctx.canWrite && mine && mayChangeComment(comment, ctx.actor);
  const canDelete = ctx.canWrite && mayChangeComment(comment, ctx.actor);
  const mentionsMe = !!me && comment.mentions.includes(me.id);
  const name = comment.author || t('comments.unknownAuthor');
  const color = comment.authorId ? ctx.presentColors.get(comment.authorId) : undefined;
  const time = Date.parse(comment.at);
  const people = comment.mentions.map((id) => ctx.directory.get(id)).filter((p): p is Person => p !== undefined);

  const stopEditing = () => {
    onStopEditing();
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const cancelDelete = () => {
    onCancelDelete();
    requestAnimationFrame(() => deleteButton.current?.focus());
  };

  return (
    <div className={`cm-comment${mentionsMe ? ' is-mentioning-me' : ''}${isNew ? ' is-new' : ''}`}>
      <div className="cm-comment-head" id={headId}>
        {color ? (
          <span className="pn-dot cm-author-dot" style={{ background: color }} title={t('comments.here')} aria-hidden="true" />
        ) : null}
        <span className="cm-author">
          <bdi>{name}</bdi>
          {mine && <span className="cm-you"> {t('comments.you')}</span>}
          {color && <span className="pn-visually-hidden"> {t('comments.here')}</span>}
        </span>
        {Number.isFinite(time) && (
          <time className="cm-time" dateTime={comment.at} title={absoluteTime(time, ctx.language)}>
            {relativeTime(time, ctx.now, ctx.language, t('comments.justNow'))}
          </time>
        )}
        {comment.observation && (
          <span className="cm-observation-badge" title={t('comments.observation.badgeTitle')}>
            <Eye size={12} aria-hidden="true" />
            {t('comments.observation.badge')}
          </span>
        )}
        {isNew && <span className="cm-new">{t('comments.new')}</span>}
        {mentionsMe && <span className="cm-mentions-you">{t('comments.mentionsYou')}</span>}
        {(canEdit || canDelete) && !editing && (
          <span className="cm-comment-tools">
            {canEdit && (
              <button ref={editButton} type="button" className="pn-icon-button cm-tool" aria-label={t('comments.edit')} title={t('comments.edit')} onClick={onEdit}>
                <Pencil size={14} aria-hidden="true" />
              </button>
            )}
            {canDelete && (
              <button
                ref={deleteButton}
                type="button"
                className="pn-icon-button cm-tool"
                aria-label={t('comments.delete')}
                title={t('comments.delete')}
                aria-expanded={confirming}
                onClick={onAskDelete}
              >
                <Trash2 size={14} aria-hidden="true" />
              </button>
            )}
          </span>
        )}
      </div>
      {editing ? (
        <Composer
          label={t('comments.editLabel')}
          placeholder={t('comments.placeholder')}
          submitLabel={t('comments.save')}
          // the model keeps a comment's mentions as first sent, so an edit offers no picker
          candidates={NO_PEOPLE}
          initialText={comment.text}
          editing
          autoFocus
          onSubmit={(text) => {
            if (text !== comment.text && ctx.actor) editComment(ctx.feedback, ctx.actor, comment.id, text);
            stopEditing();
          }}
          onCancel={stopEditing}
        />
      ) : (
        <p className="cm-text">
          {segmentText(comment.text, people).map((segment, i) =>
            segment.mention ? (
              <span key={i} className={`cm-mention${me && segment.mention.some((p) => p.id === me.id) ? ' is-me' : ''}`}>
                {segment.text}
              </span>
            ) : (
              <Fragment key={i}>{segment.text}</Fragment>
            ),
          )}
        </p>
      )}
      {confirming && (
        <div
          className="cm-confirm"
          role="group"
          aria-label={t('comments.delete')}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            event.stopPropagation();
            cancelDelete();
          }}
        >
          <p>{deleteWarning}</p>
          <div className="cm-confirm-buttons">
            <button type="button" className="pn-button" onClick={cancelDelete}>
              {t('comments.cancel')}
            </button>
            <ConfirmButton onClick={onDelete} label={t('comments.delete')} />
          </div>
        </div>
      )}
    </div>
  );
}

const NO_PEOPLE: Person[] = [];

/** The destructive button of an inline confirmation, focused when it appears (Esc cancels). */
function ConfirmButton({ onClick, label }: { onClick(): void; label: string }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <button ref={button} type="button" className="pn-button pn-button-danger" onClick={onClick}>
      <Trash2 size={14} aria-hidden="true" />
      {label}
    </button>
  );
}
