import type { ApolloServerPlugin } from '@apollo/server';
import { isReason, type Locale, reasonMessage } from '@proximitat/errors';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../../context.ts';

const LOCALES: Record<string, Locale> = { ca: 'CA', es: 'ES', en: 'EN' };

/** The best of Catalan, Spanish and English in an Accept-Language header, or null. */
export function acceptLanguageLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  let best: { locale: Locale; quality: number } | null = null;
  // A header is short (Node limits the whole header block): no more than 20 ranges are read.
  for (const range of header.split(',', 20)) {
    const [tag = '', ...parameters] = range.trim().split(';');
    const locale = LOCALES[tag.trim().toLowerCase().split('-')[0] ?? ''];
    if (!locale) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    if (Number.isFinite(quality) && quality > 0 && (!best || quality > best.quality))
      best = { locale, quality };
  }
  return best?.locale ?? null;
}

/** The language of a request before its operation is read: the account's, else Accept-Language, else Catalan. */
export function requestLocale(
  accountLocale: Locale | null | undefined,
  acceptLanguage: string | undefined,
): Locale {
  return accountLocale ?? acceptLanguageLocale(acceptLanguage) ?? 'CA';
}

/** The `locale` argument of the operation's first root field that has one (a literal or a variable). */
export function operationLocale(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Locale | null {
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const argument = selection.arguments?.find((a) => a.name.value === 'locale');
    if (!argument) continue;
    const value =
      argument.value.kind === Kind.ENUM
        ? argument.value.value
        : argument.value.kind === Kind.VARIABLE
          ? variables?.[argument.value.name.value]
          : null;
    if (value === 'CA' || value === 'ES' || value === 'EN') return value;
  }
  return null;
}

/**
 * Messages in the caller's language: the operation's `locale` argument takes over once the
 * operation is known, and the messages of errors raised with a reason (AppError) are written in
 * the request's language as the answer leaves.
 */
export const localePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request, contextValue }) {
        const locale = operation ? operationLocale(operation, request.variables) : null;
        if (locale) contextValue.locale = locale;
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors;
        if (!errors?.some((error) => isReason(error.extensions?.reason))) return;
        response.body.singleResult.errors = errors.map((error) => {
          const reason = error.extensions?.reason;
          if (!isReason(reason)) return error;
          const params = Object.entries((error.extensions?.params ?? {}) as Record<string, string>).map(
            ([name, value]) => ({ name, value: String(value) }),
          );
          return { ...error, message: reasonMessage(contextValue.locale ?? 'CA', reason, params) };
        });
      },
    };
  },
};
