import { Check, X } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../model/limits';
import type { LibraryPersonaDraft } from '../../../model/space/ops';
import type { LibraryPersona } from '../../../model/space/types';
import { PALETTE } from '../../fields';

/** The fields the form edits, as typed (goals and frustrations one per line). */
interface FormValues {
  name: string;
  age: string;
  role: string;
  quote: string;
  goals: string;
  frustrations: string;
  color: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, LIMITS.personaListItems);

function valuesOf(persona: LibraryPersona | null, color: string): FormValues {
  return {
    name: persona?.name ?? '',
    age: persona?.age ?? '',
    role: persona?.role ?? '',
    quote: persona?.quote ?? '',
    goals: persona?.goals.join('\n') ?? '',
    frustrations: persona?.frustrations.join('\n') ?? '',
    color: persona?.color || color,
  };
}

/**
 * Adding or editing a persona of the team library: one form, saved as a whole (every map that
 * uses the persona takes the change), so half-typed values never reach the team.
 */
export function PersonaFormDialog({
  open,
  persona,
  defaultColor,
  onSave,
  onClose,
}: {
  open: boolean;
  /** the persona edited; null: a new one */
  persona: LibraryPersona | null;
  defaultColor: string;
  onSave(draft: LibraryPersonaDraft): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<FormValues>(() => valuesOf(persona, defaultColor));
  const ids = { title: useId(), intro: useId(), lines: useId(), color: useId() };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setValues(valuesOf(persona, defaultColor));
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, persona, defaultColor]);

  const set = (key: keyof FormValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));
  const submit = () => {
    if (values.name.trim() === '') return;
    onSave({
      name: values.name.trim(),
      age: values.age.trim(),
      role: values.role.trim(),
      quote: values.quote.trim(),
      goals: lines(values.goals),
      frustrations: lines(values.frustrations),
      color: values.color,
    });
  };

  return (
    <dialog ref={ref} className="lib-dialog lib-dialog-narrow lib-persona-dialog" aria-labelledby={ids.title} aria-describedby={ids.intro} onClose={onClose}>
      {open && (
        <form
          className="lib-dialog-body"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className="lib-dialog-head">
            <div>
              <h2 id={ids.title}>{persona ? t('personaLibrary.form.editTitle', { name: persona.name || t('personaLibrary.unnamed') }) : t('personaLibrary.form.newTitle')}</h2>
              <p id={ids.intro}>{persona ? t('personaLibrary.form.editIntro') : t('personaLibrary.form.newIntro')}</p>
            </div>
            <button type="button" className="lib-icon-button" onClick={onClose} aria-label={t('personaLibrary.form.cancel')}>
              <X size={18} aria-hidden="true" />
            </button>
          </div>
          <div className="lib-persona-form-row">
            <label className="lib-field lib-persona-form-grow">
              <span>{t('personaLibrary.fields.name')}</span>
              <input value={values.name} maxLength={LIMITS.name} autoFocus required placeholder={t('personaLibrary.form.namePlaceholder')} onChange={set('name')} />
            </label>
            <label className="lib-field lib-persona-form-age">
              <span>{t('personaLibrary.fields.age')}</span>
              <input value={values.age} maxLength={LIMITS.personaAge} placeholder={t('personaLibrary.form.agePlaceholder')} onChange={set('age')} />
            </label>
          </div>
          <label className="lib-field">
            <span>{t('personaLibrary.fields.role')}</span>
            <input value={values.role} maxLength={LIMITS.name} placeholder={t('personaLibrary.form.rolePlaceholder')} onChange={set('role')} />
          </label>
          <label className="lib-field">
            <span>{t('personaLibrary.fields.quote')}</span>
            <textarea rows={2} value={values.quote} maxLength={LIMITS.personaText} placeholder={t('personaLibrary.form.quotePlaceholder')} onChange={set('quote')} />
          </label>
          <div className="lib-persona-form-row">
            <label className="lib-field lib-persona-form-grow">
              <span>{t('personaLibrary.fields.goals')}</span>
              <textarea rows={4} value={values.goals} aria-describedby={ids.lines} onChange={set('goals')} />
            </label>
            <label className="lib-field lib-persona-form-grow">
              <span>{t('personaLibrary.fields.frustrations')}</span>
              <textarea rows={4} value={values.frustrations} aria-describedby={ids.lines} onChange={set('frustrations')} />
            </label>
          </div>
          <p className="lib-persona-form-hint" id={ids.lines}>
            {t('personaLibrary.form.onePerLine', { max: LIMITS.personaListItems })}
          </p>
          <fieldset className="lib-persona-swatches">
            <legend>{t('personaLibrary.fields.color')}</legend>
            {PALETTE.map((c) => (
              <label key={c.key} title={t(`panels.colors.${c.key}`)}>
                <input type="radio" name={ids.color} checked={values.color.toLowerCase() === c.hex} onChange={() => setValues((v) => ({ ...v, color: c.hex }))} aria-label={t(`panels.colors.${c.key}`)} />
                <span aria-hidden="true" style={{ background: c.hex }}>
                  <Check size={14} strokeWidth={3} />
                </span>
              </label>
            ))}
          </fieldset>
          <div className="lib-dialog-actions">
            <button type="button" className="lib-button-secondary" onClick={onClose}>
              {t('personaLibrary.form.cancel')}
            </button>
            <button type="submit" className="lib-button-primary" disabled={values.name.trim() === ''}>
              {persona ? t('personaLibrary.form.save') : t('personaLibrary.form.add')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
