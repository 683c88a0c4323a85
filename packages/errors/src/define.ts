import type { ErrorCode, Locale } from './codes.ts';

/** A reason's parameters as the server passes them. */
export type ParamValues = Record<string, string | number>;

/** How messages format the parameters they show, in the message's language. */
export interface MessageFormat {
  locale: Locale;
  /** A number as the language writes it ("2.000" in Catalan, "2,000" in English). */
  number(value: string): string;
}

/** A message: the parameters arrive as the strings the API sends (`params { name value }`). */
export type Message<P extends ParamValues> = (
  params: { [K in keyof P]: string },
  format: MessageFormat,
) => string;

export interface ReasonDefinition<P extends ParamValues> {
  code: ErrorCode;
  /** What happened, for the schema's documentation. */
  description: string;
  /** The names of the parameters, in order (for documentation and for reading them back). */
  params: readonly (keyof P & string)[];
  ca: Message<P>;
  es: Message<P>;
  en: Message<P>;
}

/** Declares one reason: its code, its documentation and its message in the three languages. */
export function reason<P extends ParamValues = Record<never, never>>(
  definition: ReasonDefinition<P>,
): ReasonDefinition<P> {
  return definition;
}
