import { randomBytes } from 'node:crypto';
import type { CompanyStatus, Db } from '@proximitat/db';
import { importDirectory } from '../modules/directory/directory-import.service.ts';
import { loadPlaces, type Places } from '../modules/directory/places.ts';
import { makeCif } from '../modules/directory/tax-id.ts';
import { submitAssessment } from '../modules/esg/esg-assessment.service.ts';
import { ESG_CRITERIA_V1, seedEsgCriteria } from '../modules/esg/esg-criteria.ts';
import { EsgAnswersSchema } from '../modules/esg/esg-input.ts';
import { sampleImportFile } from '../sample-data/sample-import.ts';
import { signedIn, type TestAccount } from './accounts.ts';
import type { TestApi } from './test-api.ts';

/**
 * The state a test starts from, made by the test itself: each helper stores one thing of its own
 * (fresh names, tax IDs and ids), so that any `it` can run alone, in any order, and none depends on
 * what another left behind. Companies come in through the directory import, as in production; the
 * rest is stored directly unless a helper says otherwise.
 */

const placesOf = new WeakMap<Db, Promise<Places>>();
const places = (db: Db) => {
  let loaded = placesOf.get(db);
  if (!loaded) {
    loaded = loadPlaces(db);
    placesOf.set(db, loaded);
  }
  return loaded;
};

/** A short random tag for names and seeds. */
export const uniqueTag = () => randomBytes(4).toString('hex');

/** A valid CIF nobody else in the test has (a random number, with its check character). */
export function uniqueTaxId(letter = 'F'): string {
  return makeCif(letter, 1_000_000 + (randomBytes(4).readUInt32BE() % 8_999_999));
}

export interface SeededCompany {
  id: string;
  slug: string;
  name: string;
  taxId: string;
}

/**
 * A company of the sample directory (PUBLISHED unless `status` says otherwise), imported through the
 * directory import with its search outbox entries; `editors` become its editors.
 */
export async function seedCompany(
  api: Pick<TestApi, 'db'>,
  options: { editors?: { id: string }[]; status?: CompanyStatus } = {},
): Promise<SeededCompany> {
  for (let attempt = 1; ; attempt++) {
    const file = sampleImportFile(await places(api.db), 1, `seed-${uniqueTag()}`, new Date().getFullYear());
    const taxId = String(file.rows[0]?.record.tax_id ?? '');
    // A sample tax ID another seeded company already has would update that one: draw again.
    if (await api.db.company.findUnique({ where: { taxId }, select: { id: true } })) {
      if (attempt >= 5) throw new Error('seedCompany: no unused sample tax ID after 5 draws');
      continue;
    }
    const { summary, rejected } = await importDirectory(api.db, file, {
      status: options.status ?? 'PUBLISHED',
    });
    if (rejected.length > 0 || summary.created !== 1) {
      throw new Error(
        `seedCompany: the import did not create one company: ${JSON.stringify({ summary, rejected })}`,
      );
    }
    const company = await api.db.company.findUniqueOrThrow({
      where: { taxId },
      select: { id: true, slug: true, name: true, taxId: true },
    });
    for (const editor of options.editors ?? []) await addEditor(api, company.id, editor);
    return company;
  }
}

/** Makes the account an editor of the company (a membership, as an approved claim leaves). */
export async function addEditor(
  api: Pick<TestApi, 'db'>,
  companyId: string,
  account: { id: string },
): Promise<void> {
  await api.db.companyMembership.create({ data: { companyId, accountId: account.id } });
}

/** A CLAIM on the company by `claimant`, waiting for staff. */
export async function pendingClaim(
  api: Pick<TestApi, 'db'>,
  companyId: string,
  claimant: { id: string },
  message = 'Som nosaltres.',
): Promise<{ id: string }> {
  return api.db.companyRevision.create({
    data: { companyId, kind: 'CLAIM', message, submittedById: claimant.id },
    select: { id: true },
  });
}

/** An invitation to edit the company, sent by `inviter` to `email`, waiting for its answer. */
export async function pendingEditorInvitation(
  api: Pick<TestApi, 'db'>,
  companyId: string,
  inviter: { id: string },
  email = `convidada-${uniqueTag()}@example.org`,
): Promise<{ id: string; email: string }> {
  const invitation = await api.db.editorInvitation.create({
    data: {
      companyId,
      email,
      emailKey: email.trim().toLowerCase(),
      invitedById: inviter.id,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
    select: { id: true },
  });
  return { id: invitation.id, email };
}

/** ESG answers for every criterion in force: level 4 everywhere, or `level(criterion)`; evidence where required. */
export function esgAnswers(level: (criterion: (typeof ESG_CRITERIA_V1)[number]) => number = () => 4) {
  return ESG_CRITERIA_V1.map((criterion) => ({
    criterion: criterion.code,
    level: level(criterion),
    ...(criterion.evidenceRequired ? { evidenceUrl: 'https://exemple.coop/evidencia.pdf' } : {}),
  }));
}

/** The ESG criteria in force (idempotent: the seed's upsert). */
export async function seedEsg(api: Pick<TestApi, 'db'>): Promise<void> {
  await seedEsgCriteria(api.db);
}

/**
 * A self-assessment of the company submitted by `editor` (who must edit it), through the service
 * that the mutation calls, from an address of its own so that seeding never meets the queue limits
 * of the address the test's requests come from.
 */
export async function submittedAssessment(
  api: Pick<TestApi, 'db'>,
  companyId: string,
  editor: { id: string },
  answers = esgAnswers(),
): Promise<{ id: string }> {
  const result = await submitAssessment(
    api.db,
    { accountId: editor.id, address: `seed-${uniqueTag()}` },
    companyId,
    // Parsed as the mutation parses its input before it calls the service.
    EsgAnswersSchema.parse(answers),
  );
  if (!result.ok) throw new Error(`submittedAssessment: ${JSON.stringify(result)}`);
  return { id: result.id };
}

/** A shortlist owned by `owner` (an officer), with the companies given on it. */
export async function seedShortlist(
  api: Pick<TestApi, 'db'>,
  owner: { id: string },
  companyIds: string[] = [],
): Promise<{ id: string }> {
  return api.db.shortlist.create({
    data: {
      ownerId: owner.id,
      name: `Llista ${uniqueTag()}`,
      entries: { create: companyIds.map((companyId) => ({ companyId })) },
    },
    select: { id: true },
  });
}

/** A tender owned by `owner` (an officer); with `invited`, an invitation to that company. */
export async function seedTender(
  api: Pick<TestApi, 'db'>,
  owner: { id: string },
  invited?: { id: string },
): Promise<{ id: string; invitationId: string | null }> {
  const tender = await api.db.tender.create({
    data: { ownerId: owner.id, title: `Neteja ${uniqueTag()}`, cpvCodes: ['90910000-9'] },
    select: { id: true },
  });
  if (!invited) return { id: tender.id, invitationId: null };
  const invitation = await api.db.tenderInvitation.create({
    data: {
      tenderId: tender.id,
      companyId: invited.id,
      sentById: owner.id,
      email: 'licitacions@example.org',
    },
    select: { id: true },
  });
  return { id: tender.id, invitationId: invitation.id };
}

/** A contract award recorded by `recordedBy` (an officer), to a supplier outside the directory. */
export async function seedAward(
  api: Pick<TestApi, 'db'>,
  recordedBy: { id: string },
): Promise<{ id: string }> {
  return api.db.contractAward.create({
    data: {
      recordedById: recordedBy.id,
      title: `Servei ${uniqueTag()}`,
      reference: `EXP-${uniqueTag()}`,
      buyerName: 'Ajuntament de Barcelona',
      supplierName: 'Proveïdora',
      supplierTaxId: uniqueTaxId('B'),
      supplierIsEss: false,
      amount: 1000,
      cpvCode: '90910000-9',
      awardedOn: new Date('2025-03-01'),
      procurementMethod: 'direct',
    },
    select: { id: true },
  });
}

/** A fresh signed-in USER and a published company they edit. */
export async function companyWithEditor(
  api: TestApi,
): Promise<{ company: SeededCompany; editor: TestAccount }> {
  const editor = await signedIn(api, 'USER');
  const company = await seedCompany(api, { editors: [editor] });
  return { company, editor };
}
