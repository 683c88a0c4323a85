import { Client, cacheExchange, fetchExchange } from 'urql';

export function createUrqlClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // The interface language (set on <html lang> by the I18nProvider) goes with every request, so
    // that what the server writes in words (messages) is in the reader's language.
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: {
        'apollo-require-preflight': 'true',
        'accept-language': globalThis.document?.documentElement.lang || 'ca',
      },
    }),
    preferGetMethod: false,
  });
}
