import { openMigratedDb } from '@proximitat/db';
import { runCommand } from '@proximitat/runtime';
import { createSearch, hasDrift, verifyIndex } from '@proximitat/search';

const SHOWN = 20;

await runCommand('search:verify', async ({ env, services }) => {
  const db = await openMigratedDb(services.databaseUrl);
  try {
    const drift = await verifyIndex(
      db,
      createSearch(services.meiliUrl, services.meiliKey, env.meiliIndexPrefix),
    );
    console.log(`published in PostgreSQL: ${drift.published}; in the index: ${drift.indexed}`);
    for (const [kind, ids] of [
      ['missing from the index', drift.missing],
      ['in the index but not published', drift.extra],
      ['stale in the index', drift.stale],
    ] as const) {
      if (ids.length === 0) continue;
      console.log(
        `${ids.length} ${kind}: ${ids.slice(0, SHOWN).join(', ')}${ids.length > SHOWN ? ', …' : ''}`,
      );
    }
    if (hasDrift(drift)) {
      console.error(
        'drift found: the outbox worker may still be catching up; otherwise run pnpm search:reindex',
      );
      return 1;
    }
    console.log('no drift');
    return 0;
  } finally {
    await db.$disconnect();
  }
});
