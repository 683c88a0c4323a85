import { randomBytes } from 'node:crypto';
import { createDb, type Db } from '@proximitat/db';
import { createSearch, type Search } from '@proximitat/search';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestServices {
  /** A migrated database with the reference data, copied for each test database. */
  templateUrl: string;
  meiliUrl: string;
  meiliKey: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServices: TestServices;
  }
}

export function testServices(): TestServices {
  return inject('testServices');
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onMaintenanceDb<T>(work: (client: pg.Client, template: string) => Promise<T>): Promise<T> {
  const { templateUrl } = testServices();
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client, template);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A database of its own for one test file: a copy of the migrated, seeded template, or with `empty`, nothing at all. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDb(async (client, template) => {
    if (options.empty) {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
      return;
    }
    // Copies from one template can collide for an instant when test files start together.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  const url = withDatabase(testServices().templateUrl, name);
  const db = createDb(url, { poolSize: 5 });
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await onMaintenanceDb(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

export interface TestSearch {
  search: Search;
  drop(): Promise<void>;
}

/** Meilisearch indexes of one test file, kept apart by a prefix of their own. */
export function createTestSearch(): TestSearch {
  const { meiliUrl, meiliKey } = testServices();
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  const search = createSearch(meiliUrl, meiliKey || undefined, prefix);
  return {
    search,
    drop: () => search.dropIndexes(),
  };
}
