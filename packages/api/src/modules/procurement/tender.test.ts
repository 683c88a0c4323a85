import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { parseJson } from '../directory/directory-file.ts';
import { importDirectory } from '../directory/directory-import.service.ts';
import { makeCif } from '../directory/tax-id.ts';
import { deliverOutbox } from '../search/index.ts';

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
  await importDirectory(
    api.db,
    parseJson(
      JSON.stringify([
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
      ]),
    ),
  );
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
  await api.search.ensureCompaniesIndex();
  while ((await api.db.searchOutbox.count()) > 0) await deliverOutbox(api.db, api.search);
  [officer, stranger, staff] = await Promise.all([
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'STAFF'),
  ]);
});
afterAll(async () => api?.close());

const CREATE = `mutation ($input: TenderInput!) {
  createTender(input: $input) { tender { id } userErrors { field message code } }
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
      userErrors: { field: string; message: string; code: string }[];
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
  it('names the field of a bad need and stores nothing', async () => {
    const result = await createTender({
      title: ' ',
      cpvCodes: ['90910000-8'],
      districts: ['11'],
      socialClauses: ['NO_SUCH'],
      budget: -5,
    });
    expect(result.userErrors.map((error) => error.field)).toEqual([
      'input.title',
      'input.cpvCodes',
      'input.districts',
      'input.socialClauses',
      'input.budget',
    ]);
    expect(await api.db.tender.count()).toBe(0);
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
    expect((await createTender({ title: 'x' }, user)).userErrors[0]?.code).toBe('FORBIDDEN');
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
    const invite = (companyIds: string[], account = officer) =>
      api.graphql<{ inviteSuppliers: { userErrors: { field: string; code: string; message: string }[] } }>(
        'mutation ($id: ID!, $ids: [ID!]!, $message: String) { inviteSuppliers(tenderId: $id, companyIds: $ids, message: $message) { tender { id } userErrors { field code message } } }',
        { id, ids: companyIds, message: 'Podeu enviar l’oferta fins al 15 de desembre.' },
        { token: account.token },
      );
    const mailsBefore = await api.db.mailOutbox.count();
    const refused = await invite([await idOf('Neteja Gràcia'), await idOf('Neteja Sense Correu')]);
    expect(refused.data?.inviteSuppliers.userErrors).toEqual([
      { field: 'companyIds.1', code: 'VALIDATION', message: 'Neteja Sense Correu has no email address' },
    ]);
    expect(await api.db.tenderInvitation.count({ where: { tenderId: id } })).toBe(0);
    expect(await api.db.mailOutbox.count()).toBe(mailsBefore);
    expect(
      (await invite([await idOf('Neteja Gràcia')], stranger)).data?.inviteSuppliers.userErrors[0]?.code,
    ).toBe('NOT_FOUND');

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
    expect((await invite([await idOf('Neteja Gràcia')])).data?.inviteSuppliers.userErrors[0]?.code).toBe(
      'CONFLICT',
    );

    const invitations = (await readTender(id))?.invitations ?? [];
    expect(invitations.map((invitation) => invitation.response)).toEqual(['PENDING', 'PENDING']);
    const answer = await api.graphql<{ recordInvitationResponse: { userErrors: unknown[] } }>(
      'mutation ($id: ID!) { recordInvitationResponse(invitationId: $id, response: INTERESTED, note: "Presentarà oferta") { tender { id } userErrors { field code } } }',
      { id: invitations[0]?.id },
      { token: officer.token },
    );
    expect(answer.data?.recordInvitationResponse.userErrors).toEqual([]);
    expect((await readTender(id))?.invitations[0]).toMatchObject({
      response: 'INTERESTED',
      responseNote: 'Presentarà oferta',
    });
  });

  it('mails at most a daily budget of suppliers per officer, each company counting one', async () => {
    const { tender } = await createTender({
      title: 'Jardineria',
      reference: '2026/0099',
      cpvCodes: ['90910000-9'],
    });
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
          'mutation ($id: ID!, $ids: [ID!]!) { inviteSuppliers(tenderId: $id, companyIds: $ids) { retryAfterSeconds userErrors { field code } } }',
        variables: { id: tender?.id, ids: [await idOf('Neteja Gràcia'), await idOf('Brillant Inserció')] },
      }),
    });
    const body = (await response.json()) as {
      data: { inviteSuppliers: { retryAfterSeconds: number; userErrors: { field: string; code: string }[] } };
    };
    expect(body.data.inviteSuppliers.userErrors).toEqual([{ field: 'companyIds', code: 'RATE_LIMITED' }]);
    expect(body.data.inviteSuppliers.retryAfterSeconds).toBeGreaterThan(0);
    expect(response.headers.get('retry-after')).toBe(String(body.data.inviteSuppliers.retryAfterSeconds));
    expect(await api.db.tenderInvitation.count({ where: { tenderId: tender?.id } })).toBe(0);
    expect(await api.db.mailOutbox.count()).toBe(mailsBefore);
  });
});
