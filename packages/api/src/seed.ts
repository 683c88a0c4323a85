import { type Db, seedReferenceData } from '@proximitat/db';
import type { Env, Logger } from '@proximitat/runtime';
import { ensureAdmin } from './modules/account/ensure-admin.ts';
import { loadPlaces } from './modules/directory/places.ts';
import { seedEsgCriteria } from './modules/esg/esg-criteria.ts';
import { readPlanFile, SEED_PLAN_FILE } from './modules/plan/plan-file.ts';
import { importPlan } from './modules/plan/plan-import.service.ts';
import { DEFAULT_SAMPLE_SEED, importSampleCompanies } from './sample-data/sample-import.ts';

/**
 * Everything start-up loads: reference data, the 2018 plan, SAMPLE_COMPANIES sample companies into
 * an empty directory, the administrator when configured. Idempotent.
 */
export async function seedAll(db: Db, env: Env, log: Logger): Promise<void> {
  const counts = await seedReferenceData(db);
  log.info(counts, 'reference data seeded');
  log.info({ criteria: await seedEsgCriteria(db) }, 'ESG criteria seeded');
  const { parsed, facts } = await readPlanFile(SEED_PLAN_FILE);
  const plan = await importPlan(db, parsed, facts);
  log.info({ year: plan.year, ...plan.changes }, 'work plan seeded');
  if (env.sampleCompanies > 0 && (await db.company.count()) === 0) {
    const places = await loadPlaces(db);
    const { summary } = await importSampleCompanies(db, places, env.sampleCompanies, DEFAULT_SAMPLE_SEED);
    log.info({ created: summary.created }, 'sample companies added to the empty directory');
  }
  if (env.adminEmail && env.adminPassword) {
    const outcome = await ensureAdmin(db, env.adminEmail, env.adminPassword);
    log.info({ outcome }, 'administrator account checked');
  }
}
