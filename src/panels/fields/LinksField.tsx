import { ArrowLeft, ArrowRight, X } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../model/limits';
import { deleteLink, updateLinkLabel } from '../../model/ops';
import { useEditor } from '../../store/editorStore';
import { useTextDraft } from './useDraft';

/**
 * The links that start or end at a card: what each says ("causes", "leads to") and a way to
 * remove it. Labels are edited here; links are made with L or by dragging between cards.
 */
export function LinksField({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const links = useEditor(useShallow((s) => s.journey?.links.filter((l) => l.fromCardId === cardId || l.toCardId === cardId) ?? []));
  const titles = useEditor(
    useShallow((s) => {
      const wanted = new Set(links.flatMap((l) => [l.fromCardId, l.toCardId]));
      return s.journey?.cards.filter((c) => wanted.has(c.id)).map((c) => `${c.id}\u0000${c.title}`) ?? [];
    }),
  );
  const titleOf = new Map(titles.map((entry) => entry.split('\u0000') as [string, string]));
  return (
    <div className="pn-field" role="group" aria-labelledby={headingId}>
      <span className="pn-label" id={headingId}>
        {t('panels.links.title')}
      </span>
      {links.length === 0 ? (
        <p className="pn-hint">{t('panels.links.none')}</p>
      ) : (
        <ul className="pn-links">
          {links.map((link) => {
            const outgoing = link.fromCardId === cardId;
            const other = titleOf.get(outgoing ? link.toCardId : link.fromCardId) || t('canvas.untitledCard');
            return <LinkRow key={link.id} id={link.id} label={link.label} outgoing={outgoing} other={other} />;
          })}
        </ul>
      )}
    </div>
  );
}

function LinkRow({ id, label, outgoing, other }: { id: string; label: string; outgoing: boolean; other: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const draft = useTextDraft(label, (value) => {
    const doc = useEditor.getState().session?.doc;
    if (doc) updateLinkLabel(doc, id, value);
  });
  const Arrow = outgoing ? ArrowRight : ArrowLeft;
  return (
    <li className="pn-link">
      <span className="pn-link-target">
        <Arrow size={14} aria-hidden="true" />
        <span>{t(outgoing ? 'panels.links.to' : 'panels.links.from', { title: other })}</span>
      </span>
      <label className="sr-only" htmlFor={inputId}>
        {t('panels.links.label', { title: other })}
      </label>
      <input id={inputId} className="pn-input" type="text" maxLength={LIMITS.linkLabel} placeholder={t('panels.links.placeholder')} value={draft.text} onChange={(e) => draft.onChange(e.target.value)} onBlur={draft.onBlur} />
      <button
        type="button"
        className="pn-icon-button"
        aria-label={t('panels.links.remove', { title: other })}
        onClick={() => {
          const doc = useEditor.getState().session?.doc;
          if (doc) deleteLink(doc, id);
        }}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </li>
  );
}
