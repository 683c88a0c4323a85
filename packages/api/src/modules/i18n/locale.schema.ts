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
