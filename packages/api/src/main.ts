import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { applyMigrations, createDb } from '@proximitat/db';
import { CommandError, isPortTaken, runCommand } from '@proximitat/runtime';
import { createSearch } from '@proximitat/search';
import { createMailSender, type MailWorker, startMailWorker } from './modules/mail/mail.ts';
import { type OutboxWorker, startOutboxWorker } from './modules/search/outbox.ts';
import { schema } from './schema.ts';
import { seedAll } from './seed.ts';
import { createApp } from './server.ts';

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

await runCommand(
  'start',
  async ({ env, log, services, signal }) => {
    const applied = await applyMigrations(services.databaseUrl);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    const db = createDb(services.databaseUrl, {
      onPoolError: (error) => log.warn({ err: error }, 'database connection lost'),
      // No statement of a request outlives the request's own time limit by much.
      statementTimeoutMs: env.requestTimeoutMs + 5_000,
    });
    const search = createSearch(services.meiliUrl, services.meiliKey, env.meiliIndexPrefix);
    let outbox: OutboxWorker | undefined;
    let mail: MailWorker | undefined;
    try {
      await seedAll(db, env, log);
      // Keeps the search index in step with PostgreSQL; also catches up after an outage.
      outbox = startOutboxWorker(db, search, log);
      // Sends what requests queued: SMTP when SMTP_URL is set, the log otherwise.
      mail = startMailWorker(db, createMailSender(env, log), env.mailFrom, log);
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
      console.log(`Proximitat is running at http://localhost:${port} (GraphQL at /graphql)`);
      if (signal.aborted) return 130;
      await once(signal, 'abort');
      console.log('Stopping: finishing the requests under way');
      // Apollo's drain plugin closes the HTTP server and waits for the requests in flight.
      await apollo.stop();
      log.debug('HTTP server stopped');
      await closeWeb?.();
      return 0;
    } finally {
      await outbox?.stop();
      await mail?.stop();
      await db.$disconnect();
    }
  },
  { keepAlive: true, preflight: (env) => portFree(env.port, env.host) },
);
