import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { repoRoot } from '@proximitat/runtime';
import { productionCommand } from '../production-command.ts';
import type { LoadResult, LoadSpec } from './load-spec.ts';

/** A server the benchmark started as a process of its own, on loopback. */
export interface ServerProcess {
  origin: string;
  pid: number;
  /** Resident memory of the process and its children (cluster workers), in bytes. */
  rss(): Promise<number>;
  output(): string;
  stop(): Promise<void>;
}

async function rssOf(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    return kib * 1024;
  } catch {
    return 0;
  }
}

async function childrenOf(pid: number): Promise<number[]> {
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * Starts an entry point of the project (TypeScript under tsx, or built JavaScript) under node and
 * waits for it to print its address.
 */
export async function startServerProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  options: { nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const nodeArgs = [
    ...(options.nodeArgs ?? []),
    ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []),
    resolve(repoRoot, script),
    ...args,
  ];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const exited = once(child, 'exit');
  const deadline = Date.now() + timeoutMs;
  let match: RegExpExecArray | null = null;
  while (!match) {
    match = ready.exec(text);
    if (match) break;
    if (child.exitCode !== null) throw new Error(`${script} exited before it was ready:\n${text}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} was not ready after ${timeoutMs / 1000} s:\n${text}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  const pid = child.pid as number;
  return {
    origin: match[1] ?? '',
    pid,
    async rss() {
      const pids = [pid, ...(await childrenOf(pid))];
      const sizes = await Promise.all(pids.map(rssOf));
      return sizes.reduce((sum, size) => sum + size, 0);
    },
    output: () => text,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The API in production mode, as `pnpm start` runs it: the build, with the node flags of its start
 * script (API_PROCESSES of them behind one port).
 */
export function startApi(
  env: { databaseUrl: string; meiliUrl: string; meiliKey: string | undefined; indexPrefix: string },
  processes = 1,
): Promise<ServerProcess> {
  const production = productionCommand();
  return startServerProcess(
    production.entry,
    [],
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SAMPLE_COMPANIES: '0',
      DATABASE_URL: env.databaseUrl,
      MEILI_URL: env.meiliUrl,
      ...(env.meiliKey ? { MEILI_MASTER_KEY: env.meiliKey } : {}),
      MEILI_INDEX_PREFIX: env.indexPrefix,
      API_PROCESSES: String(processes),
    },
    /running at (http:\/\/localhost:\d+)/,
    // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under the benchmark's load.
    {
      nodeArgs: [
        ...production.nodeArgs,
        ...(process.env.BENCH_API_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
      ],
    },
  );
}

/**
 * A baseline server: the smallest program that does the same work without the platform (a
 * Meilisearch call, hand-written SQL), from a `<name>.baseline.ts` module beside the scenario.
 */
export function startBaseline(module: string, env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess(
    'packages/api/src/bench/baseline-server.ts',
    [module],
    env,
    /baseline listening at (http:\/\/127\.0\.0\.1:\d+)/,
  );
}

/** Runs load from a separate process while sampling the memory of the process under load. */
export async function runLoad(
  spec: LoadSpec,
  target?: Pick<ServerProcess, 'rss'>,
): Promise<LoadResult & { rss: { atMs: number; value: number }[] }> {
  const worker: ChildProcess = fork(join(repoRoot, 'packages/api/src/bench/load-worker.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const samples: { atMs: number; value: number }[] = [];
  const started = performance.now();
  const sampler = target
    ? setInterval(() => {
        const atMs = performance.now() - started;
        void target.rss().then((value) => {
          if (value > 0) samples.push({ atMs, value });
        });
      }, 500)
    : undefined;
  try {
    const answer = new Promise<LoadResult>((resolveAnswer, reject) => {
      worker.once('message', (message: { result?: LoadResult; error?: string }) => {
        if (message.result) resolveAnswer(message.result);
        else reject(new Error(`load generator failed: ${message.error}`));
      });
      worker.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
    });
    worker.send(spec);
    const result = await answer;
    return { ...result, rss: samples };
  } finally {
    if (sampler) clearInterval(sampler);
    if (worker.exitCode === null) worker.kill();
  }
}
