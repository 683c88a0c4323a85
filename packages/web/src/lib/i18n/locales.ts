import type { EnumOf } from '../graphql.ts';

/** The schema's Locale: the languages of the interface and of the content. */
export type Locale = EnumOf<'Locale'>;

// A Record: a language the schema adds and this misses fails the type check.
const LANGUAGES: Record<Locale, { tag: string; label: string }> = {
  CA: { tag: 'ca', label: 'Català' },
  ES: { tag: 'es', label: 'Castellano' },
  EN: { tag: 'en', label: 'English' },
};

/** Every language, Catalan first, with its BCP 47 tag and its own name. */
export const LOCALES: readonly { code: Locale; tag: string; label: string }[] = (
  Object.keys(LANGUAGES) as Locale[]
).map((code) => ({ code, ...LANGUAGES[code] }));

/** The BCP 47 tag of a language (`lang` attributes, Intl): 'ca', 'es' or 'en'. */
export function langTag(locale: Locale): string {
  return LANGUAGES[locale].tag;
}

/** Whether a string is one of the schema's Locale codes. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}
