import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { EnumOf } from '../graphql.ts';
import { ca, type MessageKey } from './messages.ca.ts';
import { en } from './messages.en.ts';
import { es } from './messages.es.ts';

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

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { CA: ca, ES: es, EN: en };
const STORAGE_KEY = 'proximitat.locale';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey) => string;
  formatNumber: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    const known = LOCALES.find((entry) => entry.code === stored);
    if (known) return known.code;
  } catch {
    // storage may be disabled: Catalan it is
  }
  return 'CA';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const tag = LOCALES.find((entry) => entry.code === locale)?.tag ?? 'ca';

  useEffect(() => {
    document.documentElement.lang = tag;
  }, [tag]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // the choice then lasts for this page only
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(tag);
    return {
      locale,
      setLocale,
      t: (key) => MESSAGES[locale][key] ?? ca[key],
      formatNumber: (n) => numbers.format(n),
    };
  }, [locale, setLocale, tag]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n needs an I18nProvider');
  return context;
}
