import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from '@proximitat/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProductionApi, startScript, waitForOutput } from './testing/processes.ts';

// The platform as `pnpm start` runs it (the production build): a real process with its embedded
// PostgreSQL and Meilisearch.
const DB_CLI = join(repoRoot, 'packages/db/src/cli.ts');

let dataDir: string;

/** The platform as `pnpm start` runs it, with this file's data directory. */
const start = (env: Record<string, string>, options: { viaShell?: boolean } = {}) =>
  startProductionApi({ DATA_DIR: dataDir, ...env }, options);

/** The platform's scripts, with this file's data directory. */
const run = (
  script: string,
  args: string[],
  env: Record<string, string>,
  options: { viaShell?: boolean } = {},
) => startScript(script, args, { DATA_DIR: dataDir, ...env }, options);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function servicePids(): Promise<number[]> {
  const state = JSON.parse(await readFile(join(dataDir, 'run/services.json'), 'utf8')) as {
    postgres: { pid: number };
    meilisearch: { pid: number };
    watchdogPid: number;
  };
  return [state.postgres.pid, state.meilisearch.pid, state.watchdogPid];
}

async function allGone(pids: number[], timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(alive)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'proximitat-start-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('pnpm start', () => {
  it('serves GraphQL, health and the web client, lets commands share its services, and stops everything on SIGTERM', async () => {
    const port = await freePort();
    const started = start({
      PORT: String(port),
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'a long admin password',
    });
    try {
      await waitForOutput(started, /running at http:\/\/localhost:\d+/);
      const base = `http://127.0.0.1:${port}`;
      const graphql = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
      expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok' });
      const page = await (await fetch(`${base}/`)).text();
      expect(page).toContain('<html lang="ca">');
      expect(started.output()).not.toContain('a long admin password');

      // A command run meanwhile joins the running services instead of starting its own.
      const pids = await servicePids();
      const migrate = run(DB_CLI, ['migrate'], {});
      expect(await migrate.exited).toBe(0);
      expect(migrate.output()).toContain('the database is up to date');
      expect(pids.every(alive)).toBe(true);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      expect(await allGone(pids)).toBe(true);
    } finally {
      started.child.kill('SIGKILL');
    }
  }, 180_000);

  it('leaves no server behind when it is killed outright', async () => {
    const started = start({ PORT: String(await freePort()) });
    try {
      await waitForOutput(started, /running at/);
      const pids = await servicePids();
      expect(pids.every(alive)).toBe(true);
      started.child.kill('SIGKILL');
      await started.exited;
      expect(await allGone(pids)).toBe(true);
    } finally {
      started.child.kill('SIGKILL');
    }
  }, 180_000);

  it('stops everything when the launcher above it goes away (pnpm does not pass SIGTERM on)', async () => {
    const port = await freePort();
    const launcher = start({ PORT: String(port) }, { viaShell: true });
    await waitForOutput(launcher, /running at/);
    const pids = await servicePids();
    launcher.child.kill('SIGKILL');
    expect(await allGone(pids)).toBe(true);
    // It stopped itself, in order, rather than being killed.
    expect(launcher.output()).toContain('Stopping: finishing the requests under way');
    const free = await new Promise<boolean>((resolvePort) => {
      const probe = createServer();
      probe.once('error', () => resolvePort(false));
      probe.listen(port, '0.0.0.0', () => probe.close(() => resolvePort(true)));
    });
    expect(free).toBe(true);
  }, 180_000);

  it('says in one line that the port is taken, and starts nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListen) => blocker.listen(0, '0.0.0.0', resolveListen));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const started = start({ PORT: String(port) });
      expect(await started.exited).toBe(1);
      const lines = started.output().trim().split('\n');
      expect(lines).toEqual([
        `start: port ${port} is already in use: stop what uses it or set PORT to a free port`,
      ]);
      await expect(readFile(join(dataDir, 'run/services.json'), 'utf8')).rejects.toThrow();
    } finally {
      blocker.close();
    }
  }, 60_000);
});
