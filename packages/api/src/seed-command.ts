import { openMigratedDb } from '@proximitat/db';
import { runCommand } from '@proximitat/runtime';
import { seedAll } from './seed.ts';

await runCommand('db:seed', async ({ env, log, services }) => {
  const db = await openMigratedDb(services.databaseUrl);
  try {
    await seedAll(db, env, log);
    console.log('seeded');
  } finally {
    await db.$disconnect();
  }
});
