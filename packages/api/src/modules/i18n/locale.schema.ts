import { builder } from '../../builder.ts';

export type Locale = 'CA' | 'ES' | 'EN';

export const LocaleEnum = builder.enumType('Locale', {
  description: 'Language of translatable text. Catalan is the default and the fallback.',
  values: ['CA', 'ES', 'EN'] as const,
});

/** Reference data keeps one column per language. */
export interface Translated {
  nameCa: string;
  nameEs: string;
  nameEn: string;
}

export function translatedName(value: Translated, locale: Locale | null | undefined): string {
  switch (locale ?? 'CA') {
    case 'ES':
      return value.nameEs || value.nameCa;
    case 'EN':
      return value.nameEn || value.nameCa;
    default:
      return value.nameCa;
  }
}

/** A text kept in Catalan with optional Spanish and English versions, in the requested language. */
export function localized(
  texts: { ca: string; es?: string | null; en?: string | null },
  locale: Locale | null | undefined,
): string {
  if (locale === 'ES' && texts.es) return texts.es;
  if (locale === 'EN' && texts.en) return texts.en;
  return texts.ca;
}
