import { reasonMessage } from '@proximitat/errors';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { acceptLanguageLocale, operationLocale, requestLocale } from './request-locale.ts';

describe('the language of a request', () => {
  it('takes the best of Catalan, Spanish and English from Accept-Language', () => {
    expect(acceptLanguageLocale('es-ES,es;q=0.9,en;q=0.8')).toBe('ES');
    expect(acceptLanguageLocale('fr-FR, en;q=0.5, ca;q=0.7')).toBe('CA');
    expect(acceptLanguageLocale('en-GB')).toBe('EN');
    expect(acceptLanguageLocale('fr, de')).toBeNull();
    expect(acceptLanguageLocale('ca;q=0, es;q=0.1')).toBe('ES');
    expect(acceptLanguageLocale(undefined)).toBeNull();
    expect(acceptLanguageLocale('x'.repeat(10_000))).toBeNull();
  });

  it("prefers the account's language to the header, and falls back to Catalan", () => {
    expect(requestLocale('EN', 'es')).toBe('EN');
    expect(requestLocale(null, 'es')).toBe('ES');
    expect(requestLocale(null, undefined)).toBe('CA');
  });

  it("reads the operation's locale argument, as a literal or a variable", () => {
    const operation = (source: string) => {
      const definition = parse(source).definitions[0];
      if (definition?.kind !== 'OperationDefinition') throw new Error('not an operation');
      return definition;
    };
    expect(operationLocale(operation('{ searchCompanies(locale: ES) { totalCount } }'), {})).toBe('ES');
    expect(
      operationLocale(operation('query ($l: Locale) { plan(year: 2018, locale: $l) { year } }'), { l: 'EN' }),
    ).toBe('EN');
    expect(operationLocale(operation('{ viewer { id } }'), {})).toBeNull();
    expect(
      operationLocale(operation('query ($l: Locale) { plan(year: 2018, locale: $l) { year } }'), {}),
    ).toBeNull();
  });
});

describe('messages in the caller’s language', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  const CREATE = `mutation { createShortlist(input: { name: "Neteja" }) {
    userErrors { field code reason params { name value } message } } }`;
  type Payload = {
    createShortlist: { userErrors: { code: string; reason: string; params: unknown[]; message: string }[] };
  };

  it.each([
    ['no header', undefined, 'CA'],
    ['Spanish', 'es-ES,es;q=0.9', 'ES'],
    ['English before an unknown language', 'fr, en;q=0.8', 'EN'],
  ] as const)('a userError with %s is written in %s', async (_name, header, locale) => {
    const response = await api.graphql<Payload>(
      CREATE,
      {},
      header ? { headers: { 'accept-language': header } } : {},
    );
    const [error] = response.data?.createShortlist.userErrors ?? [];
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED', params: [] });
    expect(error?.message).toBe(reasonMessage(locale, 'SIGN_IN_REQUIRED'));
  });

  it("a signed-in caller reads the account's language, unless the request names one", async () => {
    const account = await signedIn(api, 'USER');
    await api.db.account.update({ where: { id: account.id }, data: { locale: 'ES' } });
    const ask = async (headers: Record<string, string>) =>
      (await api.graphql<Payload>(CREATE, {}, { token: account.token, headers })).data?.createShortlist
        .userErrors[0];
    expect(await ask({})).toMatchObject({
      reason: 'NOT_ALLOWED',
      message: reasonMessage('ES', 'NOT_ALLOWED'),
    });
    expect(await ask({ 'accept-language': 'en' })).toMatchObject({
      message: reasonMessage('ES', 'NOT_ALLOWED'),
    });
  });

  it("an error raised by a query follows the operation's locale over the header, with its reason and params", async () => {
    const response = await api.graphql(
      '{ searchCompanies(first: 100000, locale: EN) { totalCount } }',
      {},
      {
        headers: { 'accept-language': 'es' },
      },
    );
    const error = response.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      reason: 'PAGE_TOO_LARGE',
      field: 'first',
    });
    const max = String((error?.extensions?.params as { max?: string } | undefined)?.max);
    expect(error?.message).toBe(reasonMessage('EN', 'PAGE_TOO_LARGE', [{ name: 'max', value: max }]));
  });
});
