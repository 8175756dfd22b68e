import { X } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../model/limits';
import { addTags } from './logic';

/** Tags as chips with remove buttons, and an input that adds on Enter or comma. */
export function TagsField({ tags, onChange }: { tags: readonly string[]; onChange(tags: string[]): void }) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');
  const full = tags.length >= LIMITS.tagsPerCard;

  const add = (text: string) => {
    const next = addTags(tags, text);
    if (next.length !== tags.length) onChange(next);
  };
  const remove = (index: number) => {
    onChange(tags.filter((_, i) => i !== index));
    input.current?.focus();
  };

  return (
    <div className="pn-field">
      <label className="pn-label" htmlFor={id}>
        {t('panels.inspector.tags')}
      </label>
      <div className="pn-tags" onClick={(e) => e.target === e.currentTarget && input.current?.focus()}>
        {tags.length > 0 && (
          <ul className="pn-chips">
            {tags.map((tag, i) => (
              <li key={`${tag}\u0000${i}`} className="pn-chip">
                <span className="pn-chip-text">{tag}</span>
                <button type="button" className="pn-chip-remove" aria-label={t('panels.inspector.removeTag', { tag })} onClick={() => remove(i)}>
                  <X size={12} strokeWidth={2.5} aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          ref={input}
          className="pn-tag-input"
          value={draft}
          maxLength={LIMITS.tag}
          placeholder={full ? '' : t('panels.inspector.tagPlaceholder')}
          aria-describedby={hintId}
          onChange={(e) => {
            const value = e.target.value;
            const cut = value.lastIndexOf(',');
            // a comma (typed or pasted) closes every tag before it
            if (cut >= 0) {
              add(value.slice(0, cut));
              setDraft(value.slice(cut + 1).trimStart());
            } else setDraft(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              add(draft);
              setDraft('');
            } else if (e.key === 'Backspace' && draft === '' && tags.length > 0) {
              e.preventDefault();
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => {
            if (draft.trim()) {
              add(draft);
              setDraft('');
            }
          }}
        />
      </div>
      <p className="pn-hint" id={hintId}>
        {full ? t('panels.inspector.tagsFull', { max: LIMITS.tagsPerCard }) : t('panels.inspector.tagHint')}
      </p>
    </div>
  );
}
