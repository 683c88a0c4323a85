import { Client, cacheExchange, fetchExchange } from 'urql';

export function createUrqlClient(url = '/graphql'): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } },
    preferGetMethod: false,
  });
}
