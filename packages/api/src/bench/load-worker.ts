import { Pool } from 'undici';
import { failure, type LoadResult, type LoadSpec, schedule } from './load-spec.ts';
import { summarise } from './stats.ts';

/**
 * The load generator, in a process of its own so that it does not share an event loop with what it
 * measures. It receives a LoadSpec from its parent, keeps `connections` requests in flight for the
 * warm-up and then the measured time, and sends back a LoadResult.
 */
async function run(spec: LoadSpec): Promise<LoadResult> {
  const pool = new Pool(spec.origin, { connections: spec.connections, pipelining: 1 });
  const order = schedule(spec.requests);
  const latencies: number[] = [];
  const labels: number[] = [];
  const failed: boolean[] = [];
  const errorSamples: string[] = [];
  let counter = 0;
  const started = performance.now();
  const measureFrom = started + spec.warmupMs;
  const stopAt = measureFrom + spec.durationMs;

  const loop = async () => {
    while (performance.now() < stopAt) {
      const n = counter;
      counter += 1;
      const index = order[n % order.length] as number;
      const request = spec.requests[index];
      if (!request) continue;
      const unique = String(n);
      const sentAt = performance.now();
      let problem: string | null;
      try {
        const response = await pool.request({
          method: request.method ?? 'POST',
          path: request.path.replaceAll('__N__', unique),
          headers: request.headers ?? {},
          ...(request.body ? { body: request.body.replaceAll('__N__', unique) } : {}),
        });
        const text = await response.body.text();
        problem = failure(request, response.statusCode, text);
      } catch (error) {
        problem = `${request.label}: ${(error as Error).message}`;
      }
      const answeredAt = performance.now();
      if (sentAt < measureFrom) continue;
      latencies.push(answeredAt - sentAt);
      labels.push(index);
      failed.push(problem !== null);
      if (problem && errorSamples.length < 5) errorSamples.push(problem);
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, loop));
  const seconds = (performance.now() - measureFrom) / 1000;
  await pool.close();

  const byLabel: LoadResult['byLabel'] = {};
  for (const [index, request] of spec.requests.entries()) {
    const mine = latencies.filter((_, i) => labels[i] === index);
    byLabel[request.label] = {
      latency: summarise(mine),
      errors: failed.filter((isFailure, i) => isFailure && labels[i] === index).length,
    };
  }
  return {
    seconds,
    requests: latencies.length,
    throughput: latencies.length / seconds,
    latency: summarise(latencies),
    errors: failed.filter(Boolean).length,
    errorSamples,
    byLabel,
  };
}

process.once('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error: Error) => process.send?.({ error: error.message }, () => process.exit(1)),
  );
});
