import type { Role } from '@proximitat/db';
import { hashPassword, normaliseEmail } from '../modules/account/password.ts';
import { loadPlaces } from '../modules/directory/places.ts';
import { seedEsgCriteria } from '../modules/esg/esg-criteria.ts';
import { readPlanFile, SEED_PLAN_FILE } from '../modules/plan/plan-file.ts';
import { importPlan } from '../modules/plan/plan-import.service.ts';
import { deliverOutbox } from '../modules/search/search-index.ts';
import { importSampleCompanies } from '../sample-data/sample-import.ts';
import type { TestApi } from './test-api.ts';

/**
 * The data a test outside this package needs before it drives the API, stored the way the
 * platform's own commands store it (the directory import, the plan import, the seed). Each takes
 * the TestApi it fills; none returns anything a client could not see over GraphQL except ids.
 */

/** `count` generated companies (the same `seed` gives the same companies), through the directory import. */
export async function addSampleCompanies(api: TestApi, count: number, seed: string): Promise<void> {
  await importSampleCompanies(api.db, await loadPlaces(api.db), count, seed);
}

/** The search index brought up to date: created if missing, then every change waiting in the outbox delivered. */
export async function indexCompanies(api: TestApi): Promise<void> {
  await api.search.ensureCompaniesIndex();
  while ((await api.db.searchOutbox.count()) > 0) await deliverOutbox(api.db, api.search);
}

export interface NewAccount {
  email: string;
  password: string;
  /** USER unless given. */
  role?: Role;
  /** Whether the address is proved (a role above USER counts only then); true unless given. */
  verified?: boolean;
}

/** An account stored directly (no sign-up, no mail) that signs in with this address and password. */
export async function createAccount(api: TestApi, account: NewAccount): Promise<{ id: string }> {
  const { id } = await api.db.account.create({
    data: {
      email: normaliseEmail(account.email),
      passwordHash: await hashPassword(account.password),
      role: account.role ?? 'USER',
      emailVerifiedAt: account.verified === false ? null : new Date(),
    },
  });
  return { id };
}

/** The ESG criteria, as the seed stores them. */
export async function addEsgCriteria(api: TestApi): Promise<void> {
  await seedEsgCriteria(api.db);
}

/** The seed's work plan (prisma/data/plans), imported as `pnpm plan:import` does. */
export async function importSeedPlan(api: TestApi): Promise<void> {
  const { parsed, facts } = await readPlanFile(SEED_PLAN_FILE);
  await importPlan(api.db, parsed, facts);
}
