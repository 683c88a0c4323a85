import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { backupDatabase } from '@proximitat/db';
import { createProgress, runCommand } from '@proximitat/runtime';

/** pnpm db:backup [file]: a consistent backup of the database (default: DATA_DIR/backups/). */
await runCommand('db:backup', async ({ env, services }) => {
  const args = process.argv.slice(2);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = resolve(args[0] ?? join(env.dataDir, 'backups', `proximitat-${stamp}.backup.gz`));
  await mkdir(dirname(file), { recursive: true });
  let progress: ReturnType<typeof createProgress> | undefined;
  const summary = await backupDatabase(services.databaseUrl, file, (_table, index, total) => {
    progress ??= createProgress('tables', total);
    progress.tick(index);
  });
  progress?.done();
  const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(`backed up ${summary.tables.length} tables (${rows} rows) to ${file}`);
  return 0;
});
