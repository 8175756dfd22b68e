import { localeFrom } from '../i18n';
import type { Locale } from '../model/types';

const KEY = 'waymark.locale';

/** The UI language: what the user chose last time, else the browser's, else English. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved) return localeFrom(saved);
  } catch {
    // storage can be refused (private mode, policy); the browser's language still works
  }
  return localeFrom(navigator.language);
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // not remembered, but the switch itself still works for this visit
  }
}
