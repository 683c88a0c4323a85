/**
 * The arguments an ICU message needs, read from its text at the type level, so that
 * `t('key', values)` is checked against the Catalan message (the source of every key): a missing,
 * misspelt or mistyped value fails the type check. A small reader of ICU MessageFormat: plain
 * `{name}`, `{name, number|date|time, style}` and `{name, plural|select|selectordinal, … {…}}` with
 * their option bodies read recursively. Quoted literals ('{') are not read: messages do not use them
 * (the messages test checks that every message's arguments, as FormatJS parses them, are these).
 */

type Trim<S extends string> = S extends ` ${infer R}` | `\n${infer R}`
  ? Trim<R>
  : S extends `${infer R} ` | `${infer R}\n`
    ? Trim<R>
    : S;

/** S starts just after an opening brace: [what lies inside it, what follows its matching brace]. */
type Balanced<
  S extends string,
  Inside extends string = '',
  Depth extends unknown[] = [],
> = S extends `${infer Before}}${infer After}`
  ? Before extends `${infer Head}{${infer Tail}`
    ? Balanced<`${Tail}}${After}`, `${Inside}${Head}{`, [...Depth, unknown]>
    : Depth extends [unknown, ...infer Outer]
      ? Balanced<After, `${Inside}${Before}}`, Outer>
      : [`${Inside}${Before}`, After]
  : never;

/** One argument: [name, kind]. */
type Argument = [string, string];

/** The arguments of a message (a union of [name, kind]). */
export type ArgumentsOf<S extends string> = S extends `${string}{${infer Rest}`
  ? Balanced<Rest> extends [infer Inside extends string, infer After extends string]
    ? Placeholder<Inside> | ArgumentsOf<After>
    : never
  : never;

type Placeholder<Inside extends string> = Inside extends `${infer Name},${infer Kind},${infer Options}`
  ? Trim<Kind> extends 'plural' | 'select' | 'selectordinal'
    ? [Trim<Name>, Trim<Kind>] | OptionArguments<Options>
    : [Trim<Name>, Trim<Kind>]
  : Inside extends `${infer Name},${infer Kind}`
    ? [Trim<Name>, Trim<Kind>]
    : [Trim<Inside>, 'argument'];

/** The arguments inside the option bodies of a plural or a select (`one {…} other {…}`). */
type OptionArguments<S extends string> = S extends `${string}{${infer Rest}`
  ? Balanced<Rest> extends [infer Body extends string, infer After extends string]
    ? ArgumentsOf<Body> | OptionArguments<After>
    : never
  : never;

/** The value an argument of a kind takes (a date: a Date, milliseconds or an ISO string). */
type ValueOf<Kind> = Kind extends 'plural' | 'selectordinal' | 'number'
  ? number
  : Kind extends 'date' | 'time'
    ? Date | number | string
    : Kind extends 'select'
      ? string
      : string | number;

/** The values object a message needs (`{}` when it has no argument). */
export type ValuesOf<S extends string> = {
  [A in ArgumentsOf<S> as A extends Argument ? A[0] : never]: A extends Argument ? ValueOf<A[1]> : never;
};

/** Whether T is a union (a key built from a template such as `status.${status}`). */
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/** Any value a message may take. */
export type MessageValue = string | number | Date;

/**
 * The rest parameters of `t(key, …)`: none for a message without arguments, its values for one with
 * arguments; for a key that is a union (chosen at run time) the values are optional and unchecked.
 */
export type ValuesParameter<Messages extends Record<string, string>, K extends keyof Messages> =
  true extends IsUnion<K>
    ? [values?: Record<string, MessageValue>]
    : [ArgumentsOf<Messages[K]>] extends [never]
      ? []
      : [values: ValuesOf<Messages[K]>];
