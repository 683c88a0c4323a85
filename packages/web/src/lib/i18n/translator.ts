import {
  isDateElement,
  isPluralElement,
  isSelectElement,
  isTimeElement,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageValue, ValuesParameter } from './icu-arguments.ts';
import { type Locale, langTag } from './locales.ts';
import { ca, type MessageKey } from './messages.ca.ts';
import { en } from './messages.en.ts';
import { es } from './messages.es.ts';

/** Every message of every language, as written (ICU MessageFormat). */
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { CA: ca, ES: es, EN: en };

/**
 * The time zone every date and time is shown in: the platform's city, not the browser's, so that a
 * date reads the same on every machine (a date-only value such as '2026-03-05' is shown as that day).
 */
export const TIME_ZONE = 'Europe/Madrid';

/** A date as the API sends it (an ISO string), a Date, or milliseconds since the epoch. */
export type DateInput = Date | string | number;

/** An amount or number: a number, or a decimal string such as '176450.50' (formatted exactly). */
export type NumberInput = number | bigint | `${number}`;

/** A function that returns a message in one language, with its values. */
export type Translate = <K extends MessageKey>(key: K, ...values: ValuesParameter<typeof ca, K>) => string;

export interface Translator {
  locale: Locale;
  /** The interface language's BCP 47 tag ('ca', 'es', 'en'). */
  tag: string;
  t: Translate;
  /** A number in the interface language ("1.234,5" in Catalan). */
  formatNumber: (value: NumberInput, options?: Intl.NumberFormatOptions) => string;
  /** An amount in euros: no decimals when it is whole, exact cents otherwise ("1.234,50 €"). */
  formatCurrency: (value: NumberInput, options?: Intl.NumberFormatOptions) => string;
  /** A date ("5 de març 2026"); date-only strings ('2026-03-05') are that calendar day. */
  formatDate: (value: DateInput, options?: Intl.DateTimeFormatOptions) => string;
  /** A date and time in the platform's time zone ("5 de març 2026, 11:00"). */
  formatDateTime: (value: DateInput, options?: Intl.DateTimeFormatOptions) => string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A Date, and the time zone to read it in: a calendar date is read in UTC, where it was parsed. */
function toDate(value: DateInput): { date: Date; timeZone: string } {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    return { date: new Date(`${value}T00:00:00Z`), timeZone: 'UTC' };
  }
  return { date: value instanceof Date ? value : new Date(value), timeZone: TIME_ZONE };
}

/** Whether an amount has a fractional part (a decimal string is read as written, not rounded). */
function hasFraction(value: NumberInput): boolean {
  if (typeof value === 'string') return /\.\d*[1-9]/.test(value);
  if (typeof value === 'bigint') return false;
  return !Number.isInteger(value);
}

/** FormatJS's named date and time styles, each in the platform's time zone. */
function zonedFormats() {
  const zoned = <T extends Record<string, Intl.DateTimeFormatOptions>>(styles: T) =>
    Object.fromEntries(
      Object.entries(styles).map(([name, options]) => [name, { ...options, timeZone: TIME_ZONE }]),
    ) as T;
  return {
    date: zoned(IntlMessageFormat.formats.date),
    time: zoned(IntlMessageFormat.formats.time),
  };
}

/** The names of a message's date and time arguments, option bodies included. */
function dateArguments(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (isDateElement(element) || isTimeElement(element)) names.add(element.value);
    if (isPluralElement(element) || isSelectElement(element)) {
      for (const option of Object.values(element.options)) dateArguments(option.value, names);
    }
  }
  return names;
}

interface Compiled {
  format: IntlMessageFormat;
  /** Arguments formatted as dates or times: an ISO string given for one is read as a date. */
  dates: Set<string>;
}

const compiled = new Map<string, Compiled>();

/** A message compiled once per language and key. */
function compile(locale: Locale, key: MessageKey): Compiled {
  const id = `${locale}\u0000${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    const text = MESSAGES[locale][key] ?? ca[key];
    // ignoreTag: a '<' in a message is text, not a rich-text tag.
    const format = new IntlMessageFormat(text, langTag(locale), zonedFormats(), { ignoreTag: true });
    entry = { format, dates: dateArguments(format.getAst()) };
    compiled.set(id, entry);
  }
  return entry;
}

/** The values with the ISO strings of date arguments read as dates ('2026-03-05' is that day). */
function withDates(values: Record<string, MessageValue> | undefined, dates: Set<string>) {
  if (!values || dates.size === 0) return values;
  const read: Record<string, MessageValue> = { ...values };
  for (const name of dates) {
    const value = read[name];
    if (typeof value === 'string') read[name] = toDate(value).date;
  }
  return read;
}

/** The messages and formatters of one interface language, Intl always with its tag. */
export function createTranslator(locale: Locale): Translator {
  const tag = langTag(locale);
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const id = JSON.stringify(options);
    let format = numbers.get(id);
    if (!format) {
      format = new Intl.NumberFormat(tag, options);
      numbers.set(id, format);
    }
    return format;
  };
  const formatDateWith = (value: DateInput, options: Intl.DateTimeFormatOptions) => {
    const { date, timeZone } = toDate(value);
    return new Intl.DateTimeFormat(tag, { timeZone, ...options }).format(date);
  };

  const t = ((key: MessageKey, values?: Record<string, MessageValue>) => {
    const { format, dates } = compile(locale, key);
    try {
      const text = format.format<string>(withDates(values, dates));
      return typeof text === 'string' ? text : String(text);
    } catch {
      // Values missing at run time (only a key chosen at run time can lack them: the type check
      // requires them otherwise): the message as written rather than a broken page.
      return MESSAGES[locale][key] ?? ca[key];
    }
  }) as Translate;

  return {
    locale,
    tag,
    t,
    formatNumber: (value, options = {}) => numberFormat(options).format(value as number),
    formatCurrency: (value, options = {}) =>
      numberFormat({
        style: 'currency',
        currency: 'EUR',
        ...(hasFraction(value)
          ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
          : { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
        ...options,
      }).format(value as number),
    formatDate: (value, options = { dateStyle: 'medium' }) => formatDateWith(value, options),
    formatDateTime: (value, options = { dateStyle: 'medium', timeStyle: 'short' }) =>
      formatDateWith(value, options),
  };
}
