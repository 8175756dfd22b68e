import { Eye } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { keepObservation, observationsByCard, type Comment } from '../../model';
import { useEditor } from '../../store/editorStore';

const NONE: readonly Comment[] = [];

/**
 * A card's workshop observations that nobody kept yet, under its evidence: what participants saw
 * or heard (comments flagged as observations, model/observations.ts). They are not evidence
 * until someone who may edit the map keeps one — then it is an item of the list above and
 * counts on the canvas. Here, not only in the comments panel, so whoever curates the card's
 * evidence sees what the workshop offered.
 */
export function WorkshopObservations({ doc, cardId }: { doc: Y.Doc; cardId: string }) {
  const { t } = useTranslation();
  const threads = useEditor((s) => s.feedback.threads);
  const evidence = useEditor((s) => s.journey?.evidence);
  const feedback = useEditor((s) => s.session?.feedback ?? null);
  const mayKeep = useEditor((s) => !s.readOnly && s.preview === null && s.canGiveFeedback);
  const [status, setStatus] = useState('');
  const open = useMemo(() => {
    const mine = threads.filter((thread) => thread.root.cardId === cardId && thread.root.observation).map((thread) => thread.root);
    if (mine.length === 0) return NONE;
    return observationsByCard(mine, evidence ?? []).get(cardId) ?? NONE;
  }, [threads, evidence, cardId]);
  if (open.length === 0 && status === '') return null;

  return (
    <div className="ev-observations">
      {open.length > 0 && (
        <>
          <p className="ev-observations-title">
            <Eye size={14} aria-hidden="true" />
            {t('evidence.observations.title', { count: open.length })}
          </p>
          <ul className="ev-observations-list">
            {open.map((comment) => (
              <li key={comment.id}>
                <q className="ev-observation-text">{comment.text}</q>
                <span className="ev-observation-by">{t('evidence.observations.by', { name: comment.author || t('evidence.observations.someone') })}</span>
                {mayKeep && feedback && (
                  <button
                    type="button"
                    className="pn-button ev-observation-keep"
                    onClick={() => {
                      const result = keepObservation(doc, feedback, comment.id);
                      setStatus(t(`evidence.observations.${result}`));
                    }}
                  >
                    {t('evidence.observations.keep')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="pn-hint" role="status">
        {status}
      </p>
    </div>
  );
}
