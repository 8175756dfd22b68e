import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de/index';
import { en } from '../../src/i18n/en/index';
import { createI18n, localeFrom } from '../../src/i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('German has every English string and no extra ones', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('no German string is left empty', () => {
    const t = createI18n('de').t;
    for (const key of keys(de)) expect(t(key), key).not.toBe('');
  });

  it('picks the language from a locale tag, falling back to English', () => {
    expect(localeFrom('de_DE.UTF-8')).toBe('de');
    expect(localeFrom('de-AT')).toBe('de');
    expect(localeFrom('fr-FR')).toBe('en');
    expect(localeFrom(undefined)).toBe('en');
  });
});
