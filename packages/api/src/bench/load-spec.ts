import type { LatencySummary } from './stats.ts';

/** One kind of request in a load mix. `__N__` in its path or body becomes a number unique to each request. */
export interface LoadRequest {
  label: string;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** How many of every round of the mix are this request (default 1). */
  weight?: number;
  /**
   * What counts as success: `graphql` (the default) is a 2xx answer without `errors`, without
   * user errors and not degraded; `status` is any 2xx answer; `refused` is an answer with errors
   * and no data, under 500 (a query the limits turn away); `graphql-or-busy` is `graphql`, or a 503
   * saying search is busy (a flood of degraded searches meeting the fallback's cap, by design).
   */
  expect?: 'graphql' | 'status' | 'refused' | 'graphql-or-busy';
}

export interface LoadSpec {
  origin: string;
  requests: LoadRequest[];
  /** Requests in flight at any time, each on its own keep-alive connection. */
  connections: number;
  /** Measured time, after the warm-up. */
  durationMs: number;
  /** Time under the same load before measuring, not counted. */
  warmupMs: number;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  /** Requests answered a second, errors included. */
  throughput: number;
  latency: LatencySummary;
  errors: number;
  /** The first few failures, for the report. */
  errorSamples: string[];
  byLabel: Record<string, { latency: LatencySummary; errors: number }>;
}

/** The order requests are sent in: each request `weight` times a round, interleaved. */
export function schedule(requests: LoadRequest[]): number[] {
  const order: number[] = [];
  const remaining = requests.map((request) => request.weight ?? 1);
  while (remaining.some((count) => count > 0)) {
    for (const [index, count] of remaining.entries()) {
      if (count <= 0) continue;
      order.push(index);
      remaining[index] = count - 1;
    }
  }
  return order;
}

/** Why an answer is a failure, or null when it is a success. */
export function failure(request: LoadRequest, status: number, body: string): string | null {
  if (request.expect === 'refused')
    return status < 500 && body.includes('"errors":') && !/"data":\{/.test(body)
      ? null
      : `${request.label}: not refused (HTTP ${status}) ${body.slice(0, 200)}`;
  if (request.expect === 'graphql-or-busy' && status === 503 && body.includes('"SEARCH_BUSY"')) return null;
  if (status < 200 || status >= 300) return `${request.label}: HTTP ${status} ${body.slice(0, 200)}`;
  if ((request.expect ?? 'graphql') === 'status') return null;
  if (body.includes('"errors":')) return `${request.label}: ${body.slice(0, 300)}`;
  if (/"userErrors":\[\{/.test(body)) return `${request.label}: user error ${body.slice(0, 300)}`;
  if (body.includes('"degraded":true') && request.expect !== 'graphql-or-busy')
    return `${request.label}: degraded answer`;
  return null;
}

/** A GraphQL operation sent as the web client sends it (POST, JSON), signed in with `token` when given. */
export function graphqlRequest(
  label: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; expect?: LoadRequest['expect'] } = {},
): LoadRequest {
  return {
    label,
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    ...(options.expect ? { expect: options.expect } : {}),
  };
}
