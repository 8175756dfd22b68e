import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, type Locale } from '../model/types';
import { rememberLocale } from './locale';

/** The UI language, remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="field-inline">
      <span className="sr-only">{t('app.language')}</span>
      <select
        value={i18n.language}
        aria-label={t('app.language')}
        onChange={(e) => {
          const next = e.target.value as Locale;
          void i18n.changeLanguage(next);
          document.documentElement.lang = next;
          rememberLocale(next);
        }}
      >
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`app.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
