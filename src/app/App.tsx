import { useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createI18n } from '../i18n';
import { SUPPORTED_LOCALES, type Locale } from '../model/types';
import { TemplateGallery } from '../panels/TemplateGallery';
import { initialLocale, rememberLocale } from './locale';

export function App() {
  const i18n = useMemo(() => createI18n(initialLocale()), []);
  return (
    <I18nextProvider i18n={i18n}>
      <Shell />
    </I18nextProvider>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const [locale, setLocale] = useState<Locale>(i18n.language as Locale);
  const switchTo = (next: Locale) => {
    void i18n.changeLanguage(next);
    document.documentElement.lang = next;
    rememberLocale(next);
    setLocale(next);
  };
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <label className="field-inline">
          <span>{t('app.language')}</span>
          <select value={locale} onChange={(e) => switchTo(e.target.value as Locale)}>
            {SUPPORTED_LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`app.languages.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main className="content">
        <TemplateGallery />
      </main>
    </div>
  );
}
