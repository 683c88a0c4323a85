import { spawn } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { createDb, type Db } from '@proximitat/db';
import {
  CommandError,
  type Env,
  isPortTaken,
  type Logger,
  runCommand,
  type Services,
} from '@proximitat/runtime';
import { createSearch, type Search } from '@proximitat/search';
import { pruneLoginThrottle } from './modules/account/throttle.service.ts';
import { createMailSender, type MailWorker, startMailWorker } from './modules/mail/mail.ts';
import { type OutboxWorker, startOutboxWorker } from './modules/search/index.ts';
import { seedNodeArgs } from './production-command.ts';
import { pruneRateLimits } from './rate-limit/rate-limit.ts';
import { schema } from './schema.ts';
import { createApp } from './server.ts';

/**
 * `pnpm start`. Migrations and seeding run first in a child process (`seed-command`), so the
 * server never holds what they allocated. With API_PROCESSES=1 this process then serves HTTP and
 * runs the background workers (search outbox, mail). With API_PROCESSES=N it runs the workers and
 * N node:cluster processes serve HTTP on the same port; they share nothing but PostgreSQL and
 * Meilisearch, where sessions, throttling and the outboxes live.
 */

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolveListen(typeof address === 'object' && address ? address.port : port);
    });
  });
}

const portFree = async (port: number, host: string) => {
  if (port !== 0 && (await isPortTaken(port, host))) {
    throw new CommandError(`port ${port} is already in use: stop what uses it or set PORT to a free port`);
  }
};

const serviceEnv = (services: Services): Record<string, string> => ({
  DATABASE_URL: services.databaseUrl,
  MEILI_URL: services.meiliUrl,
  ...(services.meiliKey ? { MEILI_MASTER_KEY: services.meiliKey } : {}),
});

/** Applies migrations and seeds, in a process of its own; fails the start when they fail. */
async function prepareDatabase(services: Services): Promise<void> {
  // Beside this entry point: src/seed-command.ts from source, dist/seed-command.js from the build.
  const entry = process.argv[1] ?? '';
  const seedCommand = join(dirname(entry), `seed-command${extname(entry)}`);
  const child = spawn(process.execPath, [...seedNodeArgs(process.execArgv), seedCommand], {
    env: { ...process.env, ...serviceEnv(services) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new CommandError(`migrating and seeding the database failed (exit code ${code})`);
}

function openServices(env: Env, services: Services, log: Logger): { db: Db; search: Search } {
  const db = createDb(services.databaseUrl, {
    onPoolError: (error) => log.warn({ err: error }, 'database connection lost'),
    // No statement of a request outlives the request's own time limit by much.
    statementTimeoutMs: env.requestTimeoutMs + 5_000,
  });
  return { db, search: createSearch(services.meiliUrl, services.meiliKey, env.meiliIndexPrefix) };
}

/** The HTTP server, until the signal: then it stops accepting and finishes what is under way. */
async function serve(env: Env, log: Logger, db: Db, search: Search, signal: AbortSignal): Promise<number> {
  const httpServer = createServer();
  let closeWeb: (() => Promise<void>) | undefined;
  let webMiddleware: Parameters<typeof createApp>[0]['webMiddleware'];
  if (env.webDev) {
    const { createWebDevServer } = await import('@proximitat/web/dev-server');
    const dev = await createWebDevServer(httpServer);
    webMiddleware = dev.middleware;
    closeWeb = dev.close;
  }
  const { app, apollo } = await createApp({
    env,
    services: { db, search, log },
    schema,
    httpServer,
    ...(webMiddleware ? { webMiddleware } : {}),
  });
  httpServer.on('request', app);
  const port = await listen(httpServer, env.port, env.host);
  if (cluster.isWorker) process.send?.({ listening: port });
  else console.log(`Proximitat is running at http://localhost:${port} (GraphQL at /graphql)`);
  if (!signal.aborted) await once(signal, 'abort');
  if (!cluster.isWorker) console.log('Stopping: finishing the requests under way');
  // Apollo's drain plugin closes the HTTP server and waits for the requests in flight.
  await apollo.stop();
  log.debug('HTTP server stopped');
  await closeWeb?.();
  return 0;
}

/** Starts the HTTP processes and resolves with the port they share once all listen. */
async function startProcesses(
  count: number,
  services: Services,
): Promise<{ workers: Worker[]; port: number }> {
  cluster.setupPrimary({ execArgv: process.execArgv });
  const workers = Array.from({ length: count }, () => cluster.fork(serviceEnv(services)));
  const ports = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolvePort, reject) => {
          worker.on('message', (message: { listening?: number }) => {
            if (message.listening !== undefined) resolvePort(message.listening);
          });
          worker.once('exit', (code) => reject(new CommandError(`an HTTP process exited with code ${code}`)));
        }),
    ),
  );
  return { workers, port: ports[0] ?? 0 };
}

async function stopProcesses(workers: Worker[]): Promise<void> {
  await Promise.all(
    workers.map(async (worker) => {
      if (worker.isDead()) return;
      const exited = once(worker, 'exit');
      worker.process.kill('SIGTERM');
      await exited;
    }),
  );
}

if (cluster.isWorker) {
  // One of API_PROCESSES: serves HTTP with the services its primary passed on.
  await runCommand(
    'start',
    async ({ env, log, services, signal }) => {
      const { db, search } = openServices(env, services, log);
      try {
        return await serve(env, log, db, search, signal);
      } finally {
        await db.$disconnect();
      }
    },
    { keepAlive: true },
  );
} else {
  await runCommand(
    'start',
    async ({ env, log, services, signal }) => {
      await prepareDatabase(services);
      if (signal.aborted) return 130;
      const { db, search } = openServices(env, services, log);
      let outbox: OutboxWorker | undefined;
      let mail: MailWorker | undefined;
      let workers: Worker[] = [];
      let pruning: NodeJS.Timeout | undefined;
      try {
        // Keeps the search index in step with PostgreSQL; also catches up after an outage.
        outbox = startOutboxWorker(db, search, log);
        // Sends what requests queued: SMTP when SMTP_URL is set, the log otherwise.
        mail = startMailWorker(db, createMailSender(env, log), env.mailFrom, log);
        // Rate-limit windows that ended long ago, and quiet sign-in throttle keys, are of no use.
        pruning = setInterval(() => {
          pruneRateLimits(db).catch((error: unknown) =>
            log.warn({ err: error }, 'pruning rate limits failed'),
          );
          pruneLoginThrottle(db).catch((error: unknown) =>
            log.warn({ err: error }, 'pruning the sign-in throttle failed'),
          );
        }, 3_600_000);
        pruning.unref();
        if (env.apiProcesses === 1) return await serve(env, log, db, search, signal);
        const started = await startProcesses(env.apiProcesses, services);
        workers = started.workers;
        console.log(
          `Proximitat is running at http://localhost:${started.port} (GraphQL at /graphql; ${env.apiProcesses} HTTP processes)`,
        );
        if (!signal.aborted) await once(signal, 'abort');
        console.log('Stopping: finishing the requests under way');
        return 0;
      } finally {
        clearInterval(pruning);
        await stopProcesses(workers);
        await outbox?.stop();
        await mail?.stop();
        await db.$disconnect();
      }
    },
    { keepAlive: true, preflight: (env) => portFree(env.port, env.host) },
  );
}
