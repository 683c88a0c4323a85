import { openMigratedDb } from '@proximitat/db';
import { createProgress, runCommand } from '@proximitat/runtime';
import { createSearch } from '@proximitat/search';
import { reindexCompanies } from './search-index.ts';

await runCommand('search:reindex', async ({ env, services }) => {
  const db = await openMigratedDb(services.databaseUrl);
  try {
    const started = Date.now();
    let progress: ReturnType<typeof createProgress> | undefined;
    const { documents } = await reindexCompanies(
      db,
      createSearch(services.meiliUrl, services.meiliKey, env.meiliIndexPrefix),
      (done, total) => {
        progress ??= createProgress('indexing', total);
        progress.tick(done);
      },
    );
    progress?.done();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `reindexed ${documents} companies in ${seconds.toFixed(1)} s (${Math.round(documents / Math.max(seconds, 0.001))}/s); the new index is live`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
});
