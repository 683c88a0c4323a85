import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { indexCompanies } from '../../testing/fixtures.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { makeCif } from '../directory/tax-id.ts';
import { importCompanies, type Problem, problem, USER_ERRORS } from './procurement.fixtures.ts';

let api: TestApi;
let officer: TestAccount;
let stranger: TestAccount;
let staff: TestAccount;

const company = (n: number, fields: Record<string, unknown>) => ({
  tax_id: makeCif('F', 8600000 + n),
  legal_form: 'COOP_TREBALL',
  sectors: 'NETEJA',
  street: 'Carrer Gran de Gràcia, 20',
  postal_code: '08012',
  city: 'Barcelona',
  email: `hola${n}@neteja.example`,
  ...fields,
});

beforeAll(async () => {
  api = await startTestApi();
  await importCompanies(api, [
    company(1, {
      name: 'Neteja Gràcia',
      cpv_codes: '90910000-9',
      district_code: '06',
      description_ca: "Neteja d'escoles i oficines.",
      social_clauses: 'IGUALTAT_GENERE',
      employees: 40,
    }),
    company(2, {
      name: 'Brillant Inserció',
      cpv_codes: '90911200-8',
      district_code: '03',
      description_ca: 'Neteja de locals amb persones en procés d’inserció.',
      insertion_company: 'sí',
      social_clauses: 'INSERCIO_LABORAL;IGUALTAT_GENERE',
      employees: 25,
    }),
    company(3, {
      name: 'Jardins del Besòs',
      cpv_codes: '77310000-6',
      district_code: '10',
      description_ca: 'Manteniment de parcs i jardins.',
      employees: 12,
    }),
    company(4, {
      name: 'Obres i Reformes Coop',
      sectors: 'CONSTRUCCIO',
      cpv_codes: '45000000-7',
      district_code: '03',
      description_ca: 'Reformes i rehabilitació.',
      employees: 30,
    }),
    company(5, {
      name: 'Neteja Sense Correu',
      cpv_codes: '90910000-9',
      email: '',
      description_ca: 'Neteja.',
      employees: 3,
    }),
  ]);
  const brillant = await api.db.company.findFirstOrThrow({ where: { name: 'Brillant Inserció' } });
  await api.db.esgAssessment.create({
    data: {
      companyId: brillant.id,
      criteriaVersion: 1,
      status: 'VERIFIED',
      score: 80,
      pillarScores: [],
      answers: [],
      reviewedAt: new Date(),
      validUntil: new Date(Date.now() + 86_400_000),
    },
  });
  await indexCompanies(api);
  [officer, stranger, staff] = await Promise.all([
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'STAFF'),
  ]);
});
afterAll(async () => api?.close());

const CREATE = `mutation ($input: TenderInput!) {
  createTender(input: $input) { tender { id } ${USER_ERRORS} }
}`;

const TENDER = `query ($id: ID!, $locale: Locale) {
  tender(id: $id) {
    id title budget
    matches(first: 10) { totalCount degraded items { score company { name } reasons { kind text(locale: $locale) } } }
    invitations { id email response responseNote company { name } }
  }
}`;

interface Matches {
  totalCount: number;
  degraded: boolean;
  items: { score: number; company: { name: string }; reasons: { kind: string; text: string }[] }[];
}

async function createTender(input: Record<string, unknown>, account = officer) {
  const response = await api.graphql<{
    createTender: {
      tender: { id: string } | null;
      userErrors: Problem[];
    };
  }>(CREATE, { input }, { token: account.token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.createTender as NonNullable<typeof response.data>['createTender'];
}

async function readTender(id: string, account: TestAccount = officer, locale = 'CA') {
  const response = await api.graphql<{
    tender: {
      matches: Matches;
      invitations: {
        id: string;
        email: string;
        response: string;
        responseNote: string | null;
        company: { name: string };
      }[];
    } | null;
  }>(TENDER, { id, locale }, { token: account.token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.tender;
}

const idOf = async (name: string) => (await api.db.company.findFirstOrThrow({ where: { name } })).id;

describe('tender matching', () => {
  it('names the field of a bad need with its reason and stores nothing', async () => {
    const before = await api.db.tender.count();
    const result = await createTender({
      title: ' ',
      cpvCodes: ['90910000-9', '', '90910000-8', 'neteja'],
      districts: ['11', '3'],
      socialClauses: ['NO_SUCH'],
      budget: -5,
    });
    expect(result.userErrors).toEqual([
      problem('input.title', 'VALIDATION', 'REQUIRED'),
      problem('input.cpvCodes.2', 'VALIDATION', 'CPV_CHECK_DIGIT', {
        value: '90910000-8',
        expected: '90910000-9',
      }),
      problem('input.cpvCodes.3', 'VALIDATION', 'CPV_MALFORMED', { value: 'neteja' }),
      problem('input.districts.0', 'VALIDATION', 'UNKNOWN_VALUE', { value: '11' }),
      problem('input.socialClauses.0', 'VALIDATION', 'UNKNOWN_VALUE', { value: 'NO_SUCH' }),
      problem('input.budget', 'VALIDATION', 'AT_LEAST', { min: '0' }),
    ]);
    const tooMuch = await createTender({
      title: 't'.repeat(201),
      description: 'd'.repeat(5001),
      reference: 'r'.repeat(101),
      cpvCodes: Array.from({ length: 21 }, () => '90910000-9'),
      budget: 100_000_000_001,
    });
    expect(tooMuch.userErrors).toEqual([
      problem('input.title', 'VALIDATION', 'TOO_LONG', { max: '200' }),
      problem('input.description', 'VALIDATION', 'TOO_LONG', { max: '5000' }),
      problem('input.reference', 'VALIDATION', 'TOO_LONG', { max: '100' }),
      problem('input.cpvCodes', 'LIMIT_EXCEEDED', 'TOO_MANY_VALUES', { max: '20' }),
      problem('input.budget', 'VALIDATION', 'AT_MOST', { max: '100000000000' }),
    ]);
    expect(await api.db.tender.count()).toBe(before);
  });

  it('stores a need as given: codes normalised, each once, the budget in cents', async () => {
    const { tender, userErrors } = await createTender({
      title: '  Neteja  ',
      cpvCodes: ['90911200-8', '90910000-9', ' 909100009 '],
      districts: ['3', '03', '06'],
      socialClauses: ['igualtat_genere'],
      budget: 1000.456,
    });
    expect(userErrors).toEqual([]);
    const stored = await api.db.tender.findUniqueOrThrow({ where: { id: tender?.id as string } });
    expect(stored).toMatchObject({
      title: 'Neteja',
      description: null,
      cpvCodes: ['90910000-9', '90911200-8'],
      districtCodes: ['03', '06'],
      socialClauses: ['IGUALTAT_GENERE'],
      reserved: false,
    });
    expect(Number(stored.budget)).toBe(1000.46);
    await api.db.tender.delete({ where: { id: stored.id } });
  });

  it('ranks eligible suppliers with the reasons, in the reader’s language', async () => {
    const { tender } = await createTender({
      title: "Neteja d'escoles",
      description: 'Servei de neteja de tres escoles bressol',
      cpvCodes: ['90910000-9'],
      districts: ['03'],
      budget: 900_000,
    });
    const matches = (await readTender(tender?.id as string))?.matches as Matches;
    expect(matches.degraded).toBe(false);
    const names = matches.items.map((item) => item.company.name);
    expect(names[0]).toBe('Brillant Inserció');
    expect(names).toEqual(expect.arrayContaining(['Neteja Gràcia', 'Neteja Sense Correu']));
    expect(names).not.toContain('Obres i Reformes Coop');
    expect(names).not.toContain('Jardins del Besòs');
    const best = matches.items[0];
    expect(best?.reasons.map((reason) => reason.kind)).toEqual(['CPV', 'TEXT', 'DISTRICT', 'ESG']);
    expect(best?.reasons.find((reason) => reason.kind === 'DISTRICT')?.text).toBe(
      'Al districte: Sants-Montjuïc',
    );
    expect(best?.reasons.find((reason) => reason.kind === 'ESG')?.text).toBe(
      'Homologació ASG verificada: 80/100',
    );
    // Three people cannot carry a 900,000 EUR contract: flagged and marked down.
    const small = matches.items.find((item) => item.company.name === 'Neteja Sense Correu');
    expect(small?.reasons.map((reason) => reason.kind)).toContain('CAPACITY');
    const english = (await readTender(tender?.id as string, officer, 'EN'))?.matches as Matches;
    expect(english.items[0]?.reasons.find((reason) => reason.kind === 'DISTRICT')?.text).toBe(
      'In the district: Sants-Montjuïc',
    );
  });

  it('keeps reserved contracts and social clauses to those who qualify', async () => {
    const reserved = await createTender({
      title: 'Neteja reservada',
      cpvCodes: ['90910000-9'],
      reserved: true,
    });
    const names = (await readTender(reserved.tender?.id as string))?.matches.items.map(
      (item) => item.company.name,
    );
    expect(names).toEqual(['Brillant Inserció']);
    const clauses = await createTender({
      title: 'Neteja amb clàusules',
      cpvCodes: ['90910000-9'],
      socialClauses: ['IGUALTAT_GENERE'],
    });
    const withClauses = (await readTender(clauses.tender?.id as string))?.matches.items.map(
      (i) => i.company.name,
    );
    expect(withClauses?.sort()).toEqual(['Brillant Inserció', 'Neteja Gràcia']);
  });

  it('is seen by its owner and staff only', async () => {
    const { tender } = await createTender({ title: 'Privada', cpvCodes: ['90910000-9'] });
    expect(await readTender(tender?.id as string, stranger)).toBeNull();
    expect((await readTender(tender?.id as string, staff))?.matches.totalCount).toBeGreaterThan(0);
    const user = await signedIn(api, 'USER');
    expect((await createTender({ title: 'x' }, user)).userErrors).toEqual([
      problem(null, 'FORBIDDEN', 'NOT_ALLOWED'),
    ]);
    const update = await api.graphql<{ updateTender: { userErrors: Problem[] } }>(
      `mutation ($id: ID!, $input: TenderInput!) { updateTender(id: $id, input: $input) { tender { id } ${USER_ERRORS} } }`,
      { id: tender?.id, input: { title: 'Canviada' } },
      { token: staff.token },
    );
    expect(update.data?.updateTender.userErrors).toEqual([problem('id', 'FORBIDDEN', 'TENDER_OWNER_ONLY')]);
  });

  it('is hidden from its owner once demoted to USER (the role is read at read time)', async () => {
    const demoted = await signedIn(api, 'PROCUREMENT_OFFICER');
    const { tender } = await createTender({ title: 'Abans del canvi', cpvCodes: ['90910000-9'] }, demoted);
    const id = tender?.id as string;
    expect(await readTender(id, demoted)).not.toBeNull();
    await api.db.account.update({ where: { id: demoted.id }, data: { role: 'USER' } });
    expect(await readTender(id, demoted)).toBeNull();
    const mine = await api.graphql('{ myTenders(first: 10) { totalCount } }', {}, { token: demoted.token });
    expect(mine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Staff still read it: the tender is kept, only its owner lost the right to see it.
    expect(await readTender(id, staff)).not.toBeNull();
  });

  it('invites suppliers through the mail outbox, all or none, and records their answers', async () => {
    const { tender } = await createTender({
      title: 'Neteja del casal',
      reference: '2026/0077',
      cpvCodes: ['90910000-9'],
      budget: 60_000,
    });
    const id = tender?.id as string;
    const invite = (
      companyIds: string[],
      account = officer,
      message: string | null = 'Podeu enviar l’oferta fins al 15 de desembre.',
    ) =>
      api.graphql<{ inviteSuppliers: { userErrors: Problem[] } }>(
        `mutation ($id: ID!, $ids: [ID!]!, $message: String) { inviteSuppliers(tenderId: $id, companyIds: $ids, message: $message) { tender { id } ${USER_ERRORS} } }`,
        { id, ids: companyIds, message },
        { token: account.token },
      );
    const mailsBefore = await api.db.mailOutbox.count();
    const refused = await invite([
      await idOf('Neteja Gràcia'),
      await idOf('Neteja Sense Correu'),
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(refused.data?.inviteSuppliers.userErrors).toEqual([
      problem('companyIds.1', 'VALIDATION', 'SUPPLIER_WITHOUT_EMAIL', { company: 'Neteja Sense Correu' }),
      problem('companyIds.2', 'NOT_FOUND', 'SUPPLIER_NOT_IN_DIRECTORY'),
    ]);
    expect((await invite([])).data?.inviteSuppliers.userErrors).toEqual([
      problem('companyIds', 'VALIDATION', 'NO_SUPPLIER_CHOSEN'),
    ]);
    const many = Array.from(
      { length: 51 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect((await invite(many)).data?.inviteSuppliers.userErrors).toEqual([
      problem('companyIds', 'LIMIT_EXCEEDED', 'TOO_MANY_VALUES', { max: '50' }),
    ]);
    expect(
      (await invite([await idOf('Neteja Gràcia')], officer, 'm'.repeat(2001))).data?.inviteSuppliers
        .userErrors,
    ).toEqual([problem('message', 'VALIDATION', 'TOO_LONG', { max: '2000' })]);
    expect(await api.db.tenderInvitation.count({ where: { tenderId: id } })).toBe(0);
    expect(await api.db.mailOutbox.count()).toBe(mailsBefore);
    expect((await invite([await idOf('Neteja Gràcia')], stranger)).data?.inviteSuppliers.userErrors).toEqual([
      problem('tenderId', 'NOT_FOUND', 'TENDER_NOT_FOUND'),
    ]);

    const sent = await invite([await idOf('Neteja Gràcia'), await idOf('Brillant Inserció')]);
    expect(sent.data?.inviteSuppliers.userErrors).toEqual([]);
    const mails = await api.db.mailOutbox.findMany({
      where: { id: { gt: BigInt(0) } },
      orderBy: { id: 'asc' },
    });
    const invitationMails = mails.slice(mailsBefore);
    expect(invitationMails.map((mail) => mail.to).sort()).toEqual([
      'hola1@neteja.example',
      'hola2@neteja.example',
    ]);
    expect(invitationMails[0]?.subject).toBe('Invitació a licitar: Neteja del casal');
    expect(invitationMails[0]?.text).toContain('(expedient 2026/0077)');
    expect(invitationMails[0]?.text).toContain('Podeu enviar l’oferta fins al 15 de desembre.');
    expect(invitationMails[0]?.text).toContain(officer.email);
    expect((await invite([await idOf('Neteja Gràcia')])).data?.inviteSuppliers.userErrors).toEqual([
      problem('companyIds.0', 'CONFLICT', 'SUPPLIER_ALREADY_INVITED', { company: 'Neteja Gràcia' }),
    ]);

    const invitations = (await readTender(id))?.invitations ?? [];
    expect(invitations.map((invitation) => invitation.response)).toEqual(['PENDING', 'PENDING']);
    const answer = await api.graphql<{ recordInvitationResponse: { userErrors: unknown[] } }>(
      'mutation ($id: ID!) { recordInvitationResponse(invitationId: $id, response: INTERESTED, note: "Presentarà oferta") { tender { id } userErrors { field code } } }',
      { id: invitations[0]?.id },
      { token: officer.token },
    );
    expect(answer.data?.recordInvitationResponse.userErrors).toEqual([]);
    const respond = (invitationId: string | undefined, note: string) =>
      api.graphql<{ recordInvitationResponse: { userErrors: Problem[] } }>(
        `mutation ($id: ID!, $note: String) { recordInvitationResponse(invitationId: $id, response: DECLINED, note: $note) { tender { id } ${USER_ERRORS} } }`,
        { id: invitationId, note },
        { token: officer.token },
      );
    expect(
      (await respond(invitations[0]?.id, 'n'.repeat(2001))).data?.recordInvitationResponse.userErrors,
    ).toEqual([problem('note', 'VALIDATION', 'TOO_LONG', { max: '2000' })]);
    expect(
      (await respond('00000000-0000-4000-8000-000000000000', 'no')).data?.recordInvitationResponse.userErrors,
    ).toEqual([problem('invitationId', 'NOT_FOUND', 'INVITATION_NOT_FOUND')]);
    expect((await readTender(id))?.invitations[0]).toMatchObject({
      response: 'INTERESTED',
      responseNote: 'Presentarà oferta',
    });
  });

  it('mails at most a daily budget of suppliers per officer, each company counting one', async () => {
    // An officer of this test's own: the budget it uses up is no other test's.
    const officer = await signedIn(api, 'PROCUREMENT_OFFICER');
    const { tender } = await createTender(
      { title: 'Jardineria', reference: '2026/0099', cpvCodes: ['90910000-9'] },
      officer,
    );
    const rule = RATE_RULES.supplierInvitationsPerAccount;
    // The officer has already invited all but one supplier today.
    const windowStart = new Date(
      Math.floor(Date.now() / 1000 / rule.windowSeconds) * rule.windowSeconds * 1000,
    );
    const key = `${rule.name}:${officer.id}`;
    await api.db.rateLimitBucket.upsert({
      where: { key_windowStart: { key, windowStart } },
      create: { key, windowStart, count: rule.limit - 1 },
      update: { count: rule.limit - 1 },
    });
    const mailsBefore = await api.db.mailOutbox.count();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.token}` },
      body: JSON.stringify({
        query:
          'mutation ($id: ID!, $ids: [ID!]!) { inviteSuppliers(tenderId: $id, companyIds: $ids) { retryAfterSeconds userErrors { field code reason } } }',
        variables: { id: tender?.id, ids: [await idOf('Neteja Gràcia'), await idOf('Brillant Inserció')] },
      }),
    });
    const body = (await response.json()) as {
      data: { inviteSuppliers: { retryAfterSeconds: number; userErrors: { field: string; code: string }[] } };
    };
    expect(body.data.inviteSuppliers.userErrors).toEqual([
      { field: 'companyIds', code: 'RATE_LIMITED', reason: 'RATE_LIMITED' },
    ]);
    expect(body.data.inviteSuppliers.retryAfterSeconds).toBeGreaterThan(0);
    expect(response.headers.get('retry-after')).toBe(String(body.data.inviteSuppliers.retryAfterSeconds));
    expect(await api.db.tenderInvitation.count({ where: { tenderId: tender?.id } })).toBe(0);
    expect(await api.db.mailOutbox.count()).toBe(mailsBefore);
  });
});
