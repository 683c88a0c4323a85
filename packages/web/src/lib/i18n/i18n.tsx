import {
  type ComponentPropsWithoutRef,
  createContext,
  type ElementType,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { isLocale, type Locale, langTag } from './locales.ts';
import { createTranslator, type Translator } from './translator.ts';

export type { MessageValue } from './icu-arguments.ts';
export { isLocale, LOCALES, type Locale, langTag } from './locales.ts';
export type { DateInput, NumberInput, Translate } from './translator.ts';

const STORAGE_KEY = 'proximitat.locale';

/**
 * The interface language and what speaks it: `t(key)` or `t(key, values)` (ICU MessageFormat:
 * plurals, select, numbers and dates in the interface language), and formatters that always use the
 * interface's BCP 47 tag, never the browser's.
 */
export interface I18n extends Translator {
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be disabled: Catalan it is
  }
  return 'CA';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const tag = langTag(locale);

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

  const value = useMemo<I18n>(() => ({ ...createTranslator(locale), setLocale }), [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n needs an I18nProvider');
  return context;
}

type LangProps<E extends ElementType> = {
  /** The language the content is really in. */
  locale: Locale;
  /** The element to render (a span unless told). */
  as?: E;
  children?: ReactNode;
} & Omit<ComponentPropsWithoutRef<E>, 'lang' | 'as' | 'children'>;

/**
 * Content in a language of its own, marked with its `lang` (WCAG 3.1.2): a company's Catalan
 * description on an English page is `<Lang locale="CA" as="p">…</Lang>`.
 */
export function Lang<E extends ElementType = 'span'>({ locale, as, children, ...rest }: LangProps<E>) {
  const Element: ElementType = as ?? 'span';
  return (
    <Element {...rest} lang={langTag(locale)}>
      {children}
    </Element>
  );
}
