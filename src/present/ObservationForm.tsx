import { Eye, X } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addComment, LIMITS, type Journey } from '../model';
import { feedbackActor, useEditor } from '../store/editorStore';
import './observation.css';

/**
 * "Add observation" in present mode: a participant following the presenter's slides writes down
 * what a customer did or said, on a card of the stage on screen (or any other), without leaving
 * the presentation. It is a comment flagged as an observation (src/model/observations.ts), so it
 * takes exactly a comment's rights: a comment link may, a view link may not (no button then).
 */
export function ObservationButton({ journey, stageId }: { journey: Journey; stageId: string | null }) {
  const { t } = useTranslation();
  const canWrite = useEditor((s) => s.canGiveFeedback && s.identity !== null && s.session !== null && s.preview === null);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 5_000);
    return () => clearTimeout(timer);
  }, [status]);

  if (!canWrite) return null;
  const close = (message = '') => {
    setOpen(false);
    setStatus(message);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <div className="present-observation">
      <button
        ref={button}
        type="button"
        className={`present-observation-button${open ? ' is-open' : ''}`}
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Eye aria-hidden="true" />
        {t('comments.observation.send')}
      </button>
      {open && <ObservationForm journey={journey} stageId={stageId} onClose={close} />}
      <p className="present-observation-status" role="status">
        {status}
      </p>
    </div>
  );
}

function ObservationForm({ journey, stageId, onClose }: { journey: Journey; stageId: string | null; onClose(message?: string): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const cardFieldId = useId();
  const textId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // the cards by stage, in map order; the stage on screen first, its first card chosen
  const groups = useMemo(() => {
    const lanes = new Map(journey.lanes.map((l, i) => [l.id, { name: l.name, index: i }]));
    const all = journey.stages.map((stage) => ({
      stage,
      cards: journey.cards
        .filter((c) => c.stageId === stage.id)
        .sort((a, b) => (lanes.get(a.laneId)?.index ?? 0) - (lanes.get(b.laneId)?.index ?? 0) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)),
    }));
    const shown = all.filter((g) => g.stage.id === stageId);
    return [...shown, ...all.filter((g) => g.stage.id !== stageId)].filter((g) => g.cards.length > 0);
  }, [journey, stageId]);
  const laneName = (id: string) => journey.lanes.find((l) => l.id === id)?.name || t('canvas.untitledLane');
  const [cardId, setCardId] = useState(() => groups[0]?.cards[0]?.id ?? '');
  const [text, setText] = useState('');
  const value = text.trim();

  useEffect(() => field.current?.focus(), []);

  const submit = () => {
    const state = useEditor.getState();
    const actor = feedbackActor(state);
    if (!value || !cardId || !state.session || !state.identity || !actor) return;
    const id = addComment(state.session.feedback, actor, { cardId, author: state.identity.name, text: value, observation: true });
    if (id !== null) onClose(t('comments.observation.sentStatus'));
  };

  // typing here is typing: keys never turn the slides; Esc closes the form, not the presentation
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="present-observation-form"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="present-observation-head">
        <h2 id={headingId}>{t('comments.observation.newLabel')}</h2>
        <button type="button" className="present-observation-close" aria-label={t('comments.cancel')} title={t('comments.cancel')} onClick={() => onClose()}>
          <X aria-hidden="true" />
        </button>
      </div>
      <label htmlFor={cardFieldId}>{t('comments.observation.onCard')}</label>
      <select id={cardFieldId} value={cardId} onChange={(e) => setCardId(e.target.value)}>
        {groups.map(({ stage, cards }) => (
          <optgroup key={stage.id} label={stage.name || t('canvas.untitledStage')}>
            {cards.map((card) => (
              <option key={card.id} value={card.id}>
                {`${card.title || t('canvas.untitledCard')} · ${laneName(card.laneId)}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor={textId}>{t('comments.observation.what')}</label>
      <textarea
        id={textId}
        ref={field}
        rows={3}
        maxLength={LIMITS.commentText}
        value={text}
        placeholder={t('comments.observation.placeholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="present-observation-hint">{t('comments.observation.toggleHint')}</p>
      <div className="present-observation-buttons">
        <button type="button" onClick={() => onClose()}>
          {t('comments.cancel')}
        </button>
        <button type="submit" className="is-primary" disabled={!value || !cardId}>
          {t('comments.observation.send')}
        </button>
      </div>
    </form>
  );
}
