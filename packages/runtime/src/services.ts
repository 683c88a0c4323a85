import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { isMeilisearchHealthy, startEmbeddedMeilisearch } from './embedded-meilisearch.ts';
import { canConnect, EMBEDDED_PG_USER, startEmbeddedPostgres } from './embedded-postgres.ts';
import type { Env } from './env.ts';
import type { Logger } from './logger.ts';
import { freePort } from './ports.ts';
import { isProcessAlive } from './service-process.ts';
import { spawnWatchdog } from './watchdog.ts';

/** Where the platform's PostgreSQL database and Meilisearch server are, however they were found. */
export interface Services {
  databaseUrl: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  /** Which of them run embedded under DATA_DIR. */
  embedded: { postgres: boolean; meilisearch: boolean };
  /** Lets go of the services: the last process using embedded ones stops them. */
  release(): Promise<void>;
}

export const EMBEDDED_DATABASE = 'proximitat';

interface ServiceState {
  postgres?: { pid: number; port: number };
  meilisearch?: { pid: number; port: number };
  watchdogPid?: number;
}

interface Credentials {
  postgresPassword: string;
  meiliMasterKey: string;
}

interface Paths {
  root: string;
  run: string;
  state: string;
  lock: string;
  clients: string;
  credentials: string;
}

function paths(dataDir: string): Paths {
  const run = join(dataDir, 'run');
  return {
    root: dataDir,
    run,
    state: join(run, 'services.json'),
    lock: join(run, 'services.lock'),
    clients: join(run, 'clients'),
    credentials: join(dataDir, 'credentials.json'),
  };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Generated once per DATA_DIR and kept there (mode 0600), so nobody copies a password from a log. */
async function credentials(p: Paths): Promise<Credentials> {
  const existing = await readJson<Credentials>(p.credentials);
  if (existing?.postgresPassword && existing.meiliMasterKey) return existing;
  const created: Credentials = {
    postgresPassword: randomBytes(18).toString('hex'),
    meiliMasterKey: randomBytes(24).toString('hex'),
  };
  await writeFile(p.credentials, JSON.stringify(created, null, 2), { mode: 0o600 });
  return created;
}

async function withLock<T>(p: Paths, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await writeFile(p.lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const owner = Number(await readFile(p.lock, 'utf8').catch(() => ''));
      if (!Number.isInteger(owner) || owner <= 0 || !isProcessAlive(owner)) {
        await rm(p.lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`DATA_DIR ${p.root} is locked by process ${owner}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    await rm(p.lock, { force: true });
  }
}

async function liveClients(p: Paths): Promise<number> {
  const names = await readdir(p.clients).catch(() => [] as string[]);
  let count = 0;
  for (const name of names) {
    if (isProcessAlive(Number(name))) count++;
    else await rm(join(p.clients, name), { force: true });
  }
  return count;
}

async function stopPid(pid: number | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!pid || !isProcessAlive(pid)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + 20_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
}

async function stopState(p: Paths, state: ServiceState | undefined): Promise<void> {
  if (!state) return;
  await Promise.all([stopPid(state.postgres?.pid, 'SIGINT'), stopPid(state.meilisearch?.pid, 'SIGTERM')]);
  if (state.watchdogPid && isProcessAlive(state.watchdogPid)) process.kill(state.watchdogPid, 'SIGKILL');
  await rm(p.state, { force: true });
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function embeddedUrl(password: string, port: number, database: string): string {
  return `postgresql://${EMBEDDED_PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Finds the services as `pnpm start` and every command of the project do: DATABASE_URL / MEILI_URL
 * when set; otherwise the embedded servers under DATA_DIR, joining them when another process of
 * the platform runs them, and starting them for this process's lifetime when none does.
 */
export async function acquireServices(
  env: Env,
  log: Logger,
  options: { ephemeral?: boolean } = {},
): Promise<Services> {
  const wantPostgres = !env.databaseUrl;
  const wantMeili = !env.meiliUrl;
  if (!wantPostgres && !wantMeili && env.databaseUrl && env.meiliUrl) {
    return {
      databaseUrl: env.databaseUrl,
      meiliUrl: env.meiliUrl,
      meiliKey: env.meiliMasterKey,
      embedded: { postgres: false, meilisearch: false },
      release: async () => undefined,
    };
  }
  const p = paths(env.dataDir);
  await mkdir(p.clients, { recursive: true, mode: 0o755 });
  await chmod(p.root, 0o755).catch(() => undefined);
  const creds = await credentials(p);
  const clientFile = join(p.clients, String(process.pid));

  const state = await withLock(p, async () => {
    const current = await readJson<ServiceState>(p.state);
    const reusable =
      current &&
      (await liveClients(p)) > 0 &&
      (!wantPostgres ||
        (current.postgres &&
          (await canConnect(embeddedUrl(creds.postgresPassword, current.postgres.port, 'postgres'))))) &&
      (!wantMeili ||
        (current.meilisearch &&
          (await isMeilisearchHealthy(`http://127.0.0.1:${current.meilisearch.port}`))));
    if (reusable) {
      await writeFile(clientFile, '');
      log.info({ dataDir: p.root }, 'using the embedded services already running');
      return current;
    }
    // Whatever is left from a process that died is stopped before starting afresh.
    await stopState(p, current);
    await rm(p.clients, { recursive: true, force: true });
    await mkdir(p.clients, { recursive: true });
    await writeFile(clientFile, '');
    const next: ServiceState = { watchdogPid: spawnWatchdog(p.state, p.clients, p.lock) };
    await writeFile(p.state, JSON.stringify(next));
    try {
      if (wantPostgres) {
        const port = await freePort();
        log.info({ port }, 'starting embedded PostgreSQL');
        const server = await startEmbeddedPostgres({
          dir: join(p.root, 'postgres'),
          port,
          password: creds.postgresPassword,
          ...(options.ephemeral ? { ephemeral: true } : {}),
          onSpawn: async (pid) => {
            next.postgres = { pid, port };
            await writeFile(p.state, JSON.stringify(next));
          },
        });
        await ensureDatabase(server.databaseUrl('postgres'), EMBEDDED_DATABASE);
      }
      if (wantMeili) {
        const port = await freePort();
        log.info({ port }, 'starting embedded Meilisearch');
        await startEmbeddedMeilisearch({
          dir: join(p.root, 'meilisearch'),
          port,
          masterKey: creds.meiliMasterKey,
          onSpawn: async (pid) => {
            next.meilisearch = { pid, port };
            await writeFile(p.state, JSON.stringify(next));
          },
        });
      }
      return next;
    } catch (error) {
      await stopState(p, next);
      await rm(clientFile, { force: true });
      throw error;
    }
  });

  let released = false;
  return {
    databaseUrl:
      env.databaseUrl ?? embeddedUrl(creds.postgresPassword, state.postgres?.port ?? 0, EMBEDDED_DATABASE),
    meiliUrl: env.meiliUrl ?? `http://127.0.0.1:${state.meilisearch?.port ?? 0}`,
    meiliKey: env.meiliUrl ? env.meiliMasterKey : creds.meiliMasterKey,
    embedded: { postgres: wantPostgres, meilisearch: wantMeili },
    release: async () => {
      if (released) return;
      released = true;
      await withLock(p, async () => {
        await rm(clientFile, { force: true });
        if ((await liveClients(p)) > 0) return;
        log.info('stopping the embedded services');
        await stopState(p, await readJson<ServiceState>(p.state));
      });
    },
  };
}
