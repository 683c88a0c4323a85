import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, createDb, seedReferenceData } from '@proximitat/db';
import { acquireServices, createLogger, readEnv } from '@proximitat/runtime';
import type { TestProject } from 'vitest/node';
import type { TestServices } from './services.ts';

/**
 * Starts one PostgreSQL and one Meilisearch for the whole run (embedded, on free ports, in a
 * temporary directory; or TEST_DATABASE_URL / TEST_MEILI_URL), migrates and seeds a template
 * database that every test file copies, and stops them at the end, whatever the tests did.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'proximitat-test-'));
  // PostgreSQL runs as its own user when the tests run as root: it must reach the directory.
  await chmod(dataDir, 0o755);
  const env = readEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
    MEILI_URL: process.env.TEST_MEILI_URL ?? '',
    MEILI_MASTER_KEY: process.env.TEST_MEILI_MASTER_KEY ?? '',
  });
  const log = createLogger('warn', 'test-services');
  const services = await acquireServices(env, log, { ephemeral: true });
  try {
    await applyMigrations(services.databaseUrl);
    const db = createDb(services.databaseUrl, { poolSize: 2 });
    await seedReferenceData(db);
    await db.$disconnect();
  } catch (error) {
    await services.release();
    throw error;
  }
  const provided: TestServices = {
    templateUrl: services.databaseUrl,
    meiliUrl: services.meiliUrl,
    meiliKey: services.meiliKey ?? '',
  };
  project.provide('testServices', provided);
  return async () => {
    await services.release();
    await rm(dataDir, { recursive: true, force: true });
  };
}
