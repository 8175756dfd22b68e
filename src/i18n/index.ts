import i18next, { type i18n } from 'i18next';
import { SUPPORTED_LOCALES, type Locale } from '../model/types';
import { de } from './de/index';
import { en } from './en/index';

export const resources = { en: { translation: en }, de: { translation: de } } as const;

/** A ready i18next instance; resources are bundled, so initialisation is synchronous. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LOCALES],
    resources,
    initAsync: false,
    // React and the terminal both print text, never HTML: nothing to escape here.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** 'de_DE.UTF-8', 'de-AT', 'de' → 'de'; anything unknown → 'en'. */
export function localeFrom(tag: string | undefined | null): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_.]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}
