import { ChevronDown, ChevronRight, List, MessageSquare } from 'lucide-react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { addComment, type Card, type EvidenceItem, type Thread } from '../../model';
import { feedbackActor, useEditor } from '../../store/editorStore';
import { Composer } from './Composer';
import { useNow } from '../index';
import { useMarkShownThreadsRead, usePeople, type CommentsContext } from './context';
import { ThreadView } from './Thread';
import { groupThreadsByCard, splitResolved } from './threads';
import { useSeenMarks } from '../../store/commentsRead';
import { useObservationRequest } from '../../store/observationRequest';
import '../panels.css';
import './comments.css';

const NO_THREADS: Thread[] = [];
const NO_EVIDENCE: EvidenceItem[] = [];

/**
 * The side panel's Comments tab. With one card selected: that card's threads (open ones, then the
 * resolved ones folded away) and a field to start a new one. Otherwise: the open threads of the
 * whole map, grouped by card. Threads shown here count as read.
 */
export function CommentsPanel() {
  const { t, i18n } = useTranslation();
  const feedback = useEditor((s) => s.session?.feedback ?? null);
  const cardId = useEditor((s) => (s.journey && s.selectedCardIds.length === 1 ? s.selectedCardIds[0]! : null));
  const card = useEditor((s) => (cardId ? (s.journey?.cards.find((c) => c.id === cardId) ?? null) : null));
  const threads = useEditor((s) => s.feedback.threads);
  const me = useEditor((s) => s.identity);
  const facilitator = useEditor((s) => s.facilitator);
  const actor = useMemo(() => feedbackActor({ identity: me, facilitator }), [me, facilitator]);
  const canGiveFeedback = useEditor((s) => s.canGiveFeedback);
  const mapDoc = useEditor((s) => s.session?.doc ?? null);
  const mayKeep = useEditor((s) => !s.readOnly && s.preview === null);
  const evidence = useEditor((s) => s.journey?.evidence ?? NO_EVIDENCE);
  const { candidates, presentColors, directory } = usePeople(threads, me);
  // relative times ('5 minutes ago') move on twice a minute
  const now = useNow(true, 30_000).getTime();
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  const announce = useCallback((message: string) => setStatus(message), []);
  // a confirmation says its piece, then makes room again
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 6_000);
    return () => clearTimeout(timer);
  }, [status]);
  const focusHeading = useCallback(() => requestAnimationFrame(() => heading.current?.focus()), []);
  const ctx = useMemo<CommentsContext | null>(
    () =>
      feedback
        ? {
            feedback,
            me,
            actor,
            canWrite: canGiveFeedback && actor !== null,
            mapDoc,
            mayKeep: mayKeep && canGiveFeedback && actor !== null && mapDoc !== null,
            evidence,
            candidates,
            presentColors,
            directory,
            now,
            language: i18n.language,
            announce,
            focusHeading,
          }
        : null,
    [feedback, me, actor, canGiveFeedback, mapDoc, mayKeep, evidence, candidates, presentColors, directory, now, i18n.language, announce, focusHeading],
  );

  if (!ctx) return null;
  const title = card ? card.title.trim() || t('comments.untitledCard') : '';

  return (
    <section className="pn-panel cm-panel" aria-labelledby={headingId}>
      <header className="pn-head">
        <h2 id={headingId} ref={heading} tabIndex={-1} title={card ? t('comments.headingCard', { title }) : undefined}>
          {card ? t('comments.headingCard', { title }) : t('comments.headingMap')}
        </h2>
        {card && (
          <button
            type="button"
            className="pn-icon-button"
            aria-label={t('comments.showAll')}
            title={t('comments.showAll')}
            onClick={() => useEditor.getState().clearSelection()}
          >
            <List size={16} aria-hidden="true" />
          </button>
        )}
      </header>
      {card ? <CardComments key={card.id} card={card} ctx={ctx} /> : <MapComments ctx={ctx} />}
      <div role="status" className="pn-status cm-status">
        {status && <p>{status}</p>}
      </div>
    </section>
  );
}

/** One card's threads and the field for a new one. */
function CardComments({ card, ctx }: { card: Card; ctx: CommentsContext }) {
  const { t } = useTranslation();
  const threads = useEditor(useShallow((s) => cardThreads(s.feedback.threads, card.id)));
  const seen = useSeenMarks();
  const [showResolved, setShowResolved] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  /** the next comment is an observation, offered as evidence for the card */
  const [observation, setObservation] = useState(() => useObservationRequest.getState().cardId === card.id);
  const observationId = useId();
  // "Add observation" asked for this card (its menu, or the card as a participant reads it)
  const observeHere = useObservationRequest((s) => s.cardId === card.id);
  useEffect(() => {
    if (!observeHere) return;
    setObservation(true);
    useObservationRequest.getState().served();
  }, [observeHere]);
  const { open, resolved } = useMemo(() => splitResolved(threads), [threads]);
  const shown = useMemo(() => (showResolved ? [...open, ...resolved] : open), [open, resolved, showResolved]);
  const resolvedId = useId();
  const composerId = useId();
  useMarkShownThreadsRead(shown);
  // Ctrl+Alt+M asked for this card's comment box: the Composer focuses it (its layout effect runs
  // first), then the one-shot request is served
  const composeHere = useEditor((s) => s.composeFor === card.id);
  useEffect(() => {
    if (composeHere) useEditor.getState().setComposeFor(null);
  }, [composeHere]);

  const start = (text: string, mentions: string[]) => {
    if (!ctx.me || !ctx.actor) return false;
    const id = addComment(ctx.feedback, ctx.actor, { cardId: card.id, author: ctx.me.name, text, mentions, observation });
    if (id === null) return false;
    setStarted(id);
    if (observation) ctx.announce(t('comments.observation.sentStatus'));
  };

  return (
    <>
      <div className="pn-body cm-body">
        {threads.length === 0 ? (
          <div className="cm-empty">
            <MessageSquare size={22} aria-hidden="true" />
            <p>{t('comments.cardEmpty')}</p>
            <p className="pn-hint">{ctx.canWrite ? t('comments.cardEmptyHint') : t('comments.cardEmptyReadOnly')}</p>
          </div>
        ) : (
          <>
            {open.length === 0 ? (
              <p className="pn-empty-line">{t('comments.noOpenOnCard')}</p>
            ) : (
              <ThreadList threads={open} ctx={ctx} seen={seen} reveal={started} />
            )}
            {resolved.length > 0 && (
              <div className="cm-resolved-group">
                <button
                  type="button"
                  className="cm-disclosure"
                  aria-expanded={showResolved}
                  aria-controls={showResolved ? resolvedId : undefined}
                  onClick={() => setShowResolved(!showResolved)}
                >
                  {showResolved ? <ChevronDown size={16} aria-hidden="true" /> : <ChevronRight size={16} aria-hidden="true" />}
                  {t('comments.resolvedCount', { count: resolved.length })}
                </button>
                {showResolved && (
                  <div id={resolvedId}>
                    <ThreadList threads={resolved} ctx={ctx} seen={seen} reveal={null} />
                  </div>
                )}
              </div>
            )}
          </>
        )}
      </div>
      <footer className="cm-footer">
        {ctx.canWrite ? (
          <Composer
            id={composerId}
            label={observation ? t('comments.observation.newLabel') : t('comments.newLabel')}
            placeholder={observation ? t('comments.observation.placeholder') : t('comments.placeholder')}
            submitLabel={observation ? t('comments.observation.send') : t('comments.send')}
            candidates={ctx.candidates}
            autoFocus={composeHere}
            onSubmit={start}
            extra={
              <label className="pn-switch cm-observation-switch" htmlFor={observationId} title={t('comments.observation.toggleHint')}>
                <input
                  id={observationId}
                  type="checkbox"
                  role="switch"
                  checked={observation}
                  aria-describedby={`${observationId}-hint`}
                  onChange={(e) => setObservation(e.target.checked)}
                />
                <span className="pn-switch-text">{t('comments.observation.toggle')}</span>
                <span className="pn-visually-hidden" id={`${observationId}-hint`}>
                  {t('comments.observation.toggleHint')}
                </span>
              </label>
            }
          />
        ) : (
          <p className="pn-hint">{t('comments.readOnly')}</p>
        )}
      </footer>
    </>
  );
}

function cardThreads(threads: readonly Thread[], cardId: string): Thread[] {
  const out = threads.filter((t) => t.root.cardId === cardId);
  return out.length === 0 ? NO_THREADS : out;
}

/** The open threads of the whole map (resolved ones on request), grouped by card in map order. */
function MapComments({ ctx }: { ctx: CommentsContext }) {
  const { t } = useTranslation();
  const threads = useEditor((s) => s.feedback.threads);
  const cards = useEditor((s) => s.journey?.cards);
  const stages = useEditor((s) => s.journey?.stages);
  const lanes = useEditor((s) => s.journey?.lanes);
  const seen = useSeenMarks();
  const [showResolved, setShowResolved] = useState(false);
  const groups = useMemo(
    () => groupThreadsByCard(threads, cards && stages && lanes ? { cards, stages, lanes } : null, showResolved),
    [threads, cards, stages, lanes, showResolved],
  );
  const shown = useMemo(() => groups.flatMap((g) => g.threads), [groups]);
  const anyResolved = useMemo(() => threads.some((th) => th.root.resolved), [threads]);
  const switchId = useId();
  useMarkShownThreadsRead(shown);

  const reveal = (cardId: string) => {
    const editor = useEditor.getState();
    editor.selectCards([cardId]);
    editor.viewport?.revealCard(cardId);
  };

  return (
    <div className="pn-body cm-body">
      {(anyResolved || showResolved) && (
        <label className="pn-switch cm-show-resolved" htmlFor={switchId}>
          <input id={switchId} type="checkbox" role="switch" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          <span className="pn-switch-text">{t('comments.showResolved')}</span>
        </label>
      )}
      {groups.length === 0 ? (
        <div className="cm-empty">
          <MessageSquare size={22} aria-hidden="true" />
          <p>{showResolved ? t('comments.mapEmptyAll') : t('comments.mapEmpty')}</p>
          <p className="pn-hint">{ctx.canWrite ? t('comments.mapEmptyHint') : t('comments.mapEmptyReadOnly')}</p>
        </div>
      ) : (
        groups.map((group) => (
          <CardGroup key={group.cardId} group={group} ctx={ctx} seen={seen} onReveal={reveal} />
        ))
      )}
    </div>
  );
}

function CardGroup({
  group,
  ctx,
  seen,
  onReveal,
}: {
  group: ReturnType<typeof groupThreadsByCard>[number];
  ctx: CommentsContext;
  seen: ReturnType<typeof useSeenMarks>;
  onReveal(cardId: string): void;
}) {
  const { t } = useTranslation();
  const headId = useId();
  const { card } = group;
  const title = card ? card.title.trim() || t('comments.untitledCard') : t('comments.removedCard');
  return (
    <section className="cm-group" aria-labelledby={headId}>
      <h3 className="cm-group-head" id={headId}>
        {card ? (
          <button type="button" className="cm-card-link" onClick={() => onReveal(group.cardId)} title={t('comments.revealCard')}>
            <span className="cm-card-title">{title}</span>
            <span className="cm-card-where">
              {t('comments.where', { stage: card.stageName || t('canvas.untitledStage'), lane: card.laneName || t('canvas.untitledLane') })}
            </span>
          </button>
        ) : (
          <span className="cm-card-gone">{title}</span>
        )}
      </h3>
      <ThreadList threads={group.threads} ctx={ctx} seen={seen} reveal={null} />
    </section>
  );
}

function ThreadList({
  threads,
  ctx,
  seen,
  reveal,
}: {
  threads: readonly Thread[];
  ctx: CommentsContext;
  seen: ReturnType<typeof useSeenMarks>;
  reveal: string | null;
}) {
  return (
    <ul className="cm-threads">
      {threads.map((thread) => (
        <li key={thread.root.id}>
          <ThreadView thread={thread} ctx={ctx} seenMark={seen.get(thread.root.id)} reveal={reveal === thread.root.id} />
        </li>
      ))}
    </ul>
  );
}
