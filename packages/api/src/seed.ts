import { type Db, seedReferenceData } from '@proximitat/db';
import type { Env, Logger } from '@proximitat/runtime';
import { ensureAdmin } from './modules/account/ensure-admin.ts';

/** Everything start-up loads: reference data always, the administrator when configured. Idempotent. */
export async function seedAll(db: Db, env: Env, log: Logger): Promise<void> {
  const counts = await seedReferenceData(db);
  log.info(counts, 'reference data seeded');
  if (env.adminEmail && env.adminPassword) {
    const outcome = await ensureAdmin(db, env.adminEmail, env.adminPassword);
    log.info({ outcome }, 'administrator account checked');
  }
}
