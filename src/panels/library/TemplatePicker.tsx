import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, type Locale } from '../../model/types';
import { onDemand, OnDemandBoundary } from '../index';

/** The template language: a two-option segmented control (radio group). */
export function TemplateLanguage({ value, onChange, name }: { value: Locale; onChange(locale: Locale): void; name: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="lib-segmented">
      <legend>{t('library.create.language')}</legend>
      <div className="lib-segmented-options">
        {SUPPORTED_LOCALES.map((locale) => (
          <label key={locale} className={locale === value ? 'is-checked' : undefined}>
            <input type="radio" name={name} value={locale} checked={locale === value} onChange={() => onChange(locale)} />
            <span lang={locale}>{t(`app.languages.${locale}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The templates to choose from. Their content (some 120 KB of text in two languages) is a chunk
 * of its own, fetched when the picker is first shown, so a share link's first load goes without.
 */
export const TemplateChoices = onDemand(() => import('./TemplateChoices').then((m) => m.TemplateChoices));

export function TemplatePicker(props: ComponentProps<typeof TemplateChoices>) {
  return (
    <OnDemandBoundary place="panel">
      <TemplateChoices {...props} />
    </OnDemandBoundary>
  );
}
