import { resolve } from 'node:path';
import { openMigratedDb, recreateDatabase, restoreDatabase } from '@proximitat/db';
import { CommandError, createProgress, runCommand } from '@proximitat/runtime';
import { createSearch } from '@proximitat/search';
import { reindexCompanies } from '../search/index.ts';

/**
 * pnpm db:restore <file> [--replace]: loads a backup into the database, which must be empty
 * (`--replace` drops and recreates it first), then rebuilds the search index from it.
 */
await runCommand('db:restore', async ({ env, services }) => {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new CommandError('usage: pnpm db:restore <file> [--replace]');
  if (args.includes('--replace')) await recreateDatabase(services.databaseUrl);
  let progress: ReturnType<typeof createProgress> | undefined;
  const summary = await restoreDatabase(services.databaseUrl, resolve(file), (_table, index, total) => {
    progress ??= createProgress('tables', total);
    progress.tick(index);
  });
  progress?.done();
  const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`restored ${summary.tables.length} tables (${rows} rows) from ${file}`);

  const db = await openMigratedDb(services.databaseUrl);
  try {
    let indexing: ReturnType<typeof createProgress> | undefined;
    const { documents } = await reindexCompanies(
      db,
      createSearch(services.meiliUrl, services.meiliKey, env.meiliIndexPrefix),
      (done, total) => {
        indexing ??= createProgress('indexing', total);
        indexing.tick(done);
      },
    );
    indexing?.done();
    console.log(`reindexed ${documents} companies`);
  } finally {
    await db.$disconnect();
  }
  return 0;
});
