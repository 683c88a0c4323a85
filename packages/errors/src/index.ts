/**
 * The stable reasons of the platform's expected failures, shared by the API (which writes
 * `message` in the caller's language) and the web client (which shows the reason in the interface
 * language). Each reason belongs to one generic `ErrorCode`, has documented parameters and a
 * message in Catalan, Spanish and English; the types make every list exhaustive.
 */
import { LOCALE_TAGS, type Locale } from './codes.ts';
import type { MessageFormat, ParamValues, ReasonDefinition } from './define.ts';
import { accountReasons } from './reasons/account.ts';
import { commonReasons } from './reasons/common.ts';
import { directoryReasons } from './reasons/directory.ts';
import { esgReasons } from './reasons/esg.ts';
import { moderationReasons } from './reasons/moderation.ts';
import { planReasons } from './reasons/plan.ts';
import { procurementReasons } from './reasons/procurement.ts';
import { searchReasons } from './reasons/search.ts';

export { ErrorCode, LOCALE_TAGS, type Locale } from './codes.ts';
export type { Message, MessageFormat, ParamValues, ReasonDefinition } from './define.ts';

/** Every module's reasons, by module (a reason's name is unique across them: see reasons.test.ts). */
export const REASONS_BY_MODULE = {
  common: commonReasons,
  account: accountReasons,
  directory: directoryReasons,
  esg: esgReasons,
  moderation: moderationReasons,
  plan: planReasons,
  procurement: procurementReasons,
  search: searchReasons,
} as const;

export const REASONS = {
  ...commonReasons,
  ...accountReasons,
  ...directoryReasons,
  ...esgReasons,
  ...moderationReasons,
  ...planReasons,
  ...procurementReasons,
  ...searchReasons,
} as const;

export type Reason = keyof typeof REASONS;

/** The parameters a reason takes, as the server passes them. */
export type ReasonParams<R extends Reason> =
  (typeof REASONS)[R] extends ReasonDefinition<infer P> ? P : never;

/** A reason's parameters as they travel: `params { name value }`. */
export interface ErrorParam {
  name: string;
  value: string;
}

export function paramList(params: ParamValues | undefined): ErrorParam[] {
  return Object.entries(params ?? {}).map(([name, value]) => ({ name, value: String(value) }));
}

const formats = new Map<Locale, MessageFormat>();
function formatFor(locale: Locale): MessageFormat {
  let format = formats.get(locale);
  if (!format) {
    const numbers = new Intl.NumberFormat(LOCALE_TAGS[locale]);
    format = {
      locale,
      number: (value) =>
        value.trim() !== '' && Number.isFinite(Number(value)) ? numbers.format(Number(value)) : value,
    };
    formats.set(locale, format);
  }
  return format;
}

/** The message of a reason in a language, from its parameters as they travel. */
export function reasonMessage(locale: Locale, reason: Reason, params: readonly ErrorParam[] = []): string {
  const definition = REASONS[reason] as ReasonDefinition<ParamValues>;
  const values: Record<string, string> = {};
  for (const name of definition.params) values[name] = '';
  for (const param of params) values[param.name] = param.value;
  const message = locale === 'ES' ? definition.es : locale === 'EN' ? definition.en : definition.ca;
  return message(values, formatFor(locale));
}

/** Whether a string from the wire names a reason this build knows. */
export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && Object.hasOwn(REASONS, value);
}
