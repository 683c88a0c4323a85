import { randomUUID } from 'node:crypto';
import { reasonMessage } from '@proximitat/errors';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_RULES } from '../../rate-limit/rate-limit.ts';
import { signedIn, type TestAccount } from '../../testing/accounts.ts';
import { contractOperation } from '../../testing/contract.ts';
import { addSampleCompanies } from '../../testing/fixtures.ts';
import { uniqueTaxId } from '../../testing/seed.ts';
import { startTestApi, type TestApi } from '../../testing/test-api.ts';
import { makeCif } from '../directory/tax-id.ts';
import { importCompanies, type Problem, problem } from './procurement.fixtures.ts';
import { EXPORT_COLUMNS } from './shortlist-rows.ts';

let api: TestApi;
let owner: TestAccount;
let colleague: TestAccount;
let stranger: TestAccount;
let staff: TestAccount;
let user: TestAccount;

const HOSTILE_NAME = '=SUMA(A1) "Cal Pep"; l\'Àvia i l·l';
const HOSTILE_NOTE = 'Primera línia; amb "cometes"\nsegona línia, accents: àèéíïòóúüç';

beforeAll(async () => {
  api = await startTestApi();
  await importCompanies(api, [
    {
      tax_id: makeCif('F', 8500001),
      name: HOSTILE_NAME,
      legal_form: 'COOP_TREBALL',
      sectors: 'NETEJA',
      cpv_codes: '90910000-9',
      email: 'hola@calpep.coop',
      phone: '93 200 10 10',
      street: 'Carrer de Sants, 1',
      postal_code: '08014',
      city: 'Barcelona',
      lat: 41.3752,
      lng: 2.136,
      certifications: 'BALANC_SOCIAL',
      social_clauses: 'INSERCIO_LABORAL;IGUALTAT_GENERE',
      insertion_company: 'sí',
    },
    {
      tax_id: makeCif('G', 8500002),
      name: 'Entitat Pendent',
      legal_form: 'ASSOCIACIO',
      sectors: 'CURES',
    },
  ]);
  await api.db.company.updateMany({ where: { name: 'Entitat Pendent' }, data: { status: 'PENDING_REVIEW' } });
  await addSampleCompanies(api, 260, 'shortlist-test');
  [owner, colleague, stranger, staff, user] = await Promise.all([
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'PROCUREMENT_OFFICER'),
    signedIn(api, 'STAFF'),
    signedIn(api, 'USER'),
  ]);
});
afterAll(async () => api?.close());

type Payload = { shortlist: { id: string } | null; userErrors: Problem[] };

async function create(account: TestAccount | null, input: Record<string, unknown>) {
  const response = await api.graphql<{ createShortlist: Payload }>(
    contractOperation('CreateShortlist'),
    { input },
    account ? { token: account.token } : {},
  );
  return response.data?.createShortlist as Payload;
}

async function add(account: TestAccount, shortlistId: string, companyId: string, note?: string) {
  const response = await api.graphql<{
    addToShortlist: Payload & { shortlist: { entries: { totalCount: number } } | null };
  }>(contractOperation('AddToShortlist'), { shortlistId, companyId, note }, { token: account.token });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.addToShortlist;
}

async function read(account: TestAccount | null, id: string) {
  return api.graphql<{
    shortlist: {
      id: string;
      csvUrl: string;
      entries: { totalCount: number; edges: { node: { note: string | null; company: { name: string } } }[] };
    } | null;
  }>(contractOperation('Shortlist'), { id }, account ? { token: account.token } : {});
}

async function mutate(account: TestAccount, field: string, args: string, variables: Record<string, unknown>) {
  const response = await api.graphql<Record<string, Payload>>(
    `mutation (${args}) { ${field}(${Object.keys(variables)
      .map((name) => `${name}: $${name}`)
      .join(', ')}) { shortlist { id } userErrors { field code reason params { name value } } } }`,
    variables,
    { token: account.token },
  );
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data?.[field] as Payload;
}

async function csv(url: string, account: TestAccount | null) {
  const response = await fetch(url.replace(/^https?:\/\/[^/]+/, api.url), {
    headers: account ? { authorization: `Bearer ${account.token}` } : {},
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
}

const companyId = async (name: string) =>
  (await api.db.company.findFirstOrThrow({ where: { name }, select: { id: true } })).id;

describe('shortlists', () => {
  it('are created, filled and read through the contract operations', async () => {
    const created = await create(owner, {
      name: 'Neteja de les escoles del districte',
      tenderReference: '2026/0042',
      description: 'Contracte reservat',
    });
    expect(created.userErrors).toEqual([]);
    const id = created.shortlist?.id as string;
    const added = await add(owner, id, await companyId(HOSTILE_NAME), HOSTILE_NOTE);
    expect(added?.userErrors).toEqual([]);
    expect(added?.shortlist?.entries.totalCount).toBe(1);

    const response = await read(owner, id);
    expect(response.errors).toBeUndefined();
    expect(response.data?.shortlist).toMatchObject({
      name: 'Neteja de les escoles del districte',
      tenderReference: '2026/0042',
      csvUrl: expect.stringMatching(new RegExp(`/exports/shortlists/${id}\\.csv$`)),
      entries: {
        totalCount: 1,
        edges: [{ node: { note: HOSTILE_NOTE, company: { name: HOSTILE_NAME, esg: null } } }],
      },
    });
  });

  it('name the field of a bad input with its reason and change nothing', async () => {
    const before = await api.db.shortlist.count();
    const createShortlist = async (input: Record<string, unknown>) =>
      (await mutate(owner, 'createShortlist', '$input: ShortlistInput!', { input })).userErrors;
    expect(await createShortlist({ name: '  ' })).toEqual([problem('input.name', 'VALIDATION', 'REQUIRED')]);
    expect(await createShortlist({ name: 'n'.repeat(201) })).toEqual([
      problem('input.name', 'VALIDATION', 'TOO_LONG', { max: '200' }),
    ]);
    expect(
      await createShortlist({ name: 'x', tenderReference: 'r'.repeat(101), description: 'd'.repeat(2001) }),
    ).toEqual([
      problem('input.tenderReference', 'VALIDATION', 'TOO_LONG', { max: '100' }),
      problem('input.description', 'VALIDATION', 'TOO_LONG', { max: '2000' }),
    ]);
    // Spaces around do not count: the limits are of the text kept.
    expect(await createShortlist({ name: ` ${'n'.repeat(200)} ` })).toEqual([]);
    expect(await api.db.shortlist.count()).toBe(before + 1);

    const id = (await create(owner, { name: 'Llista' })).shortlist?.id as string;
    const update = await mutate(owner, 'updateShortlist', '$id: ID!, $input: ShortlistInput!', {
      id,
      input: { name: '', description: 'd'.repeat(2001) },
    });
    expect(update.userErrors).toEqual([
      problem('input.name', 'VALIDATION', 'REQUIRED'),
      problem('input.description', 'VALIDATION', 'TOO_LONG', { max: '2000' }),
    ]);
    expect((await read(owner, id)).data?.shortlist).toMatchObject({ id });
    expect(await api.db.shortlist.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'Llista' });

    const entry = '$shortlistId: ID!, $companyId: ID!, $note: String';
    const pending = await mutate(owner, 'addToShortlist', entry, {
      shortlistId: id,
      companyId: await companyId('Entitat Pendent'),
      note: null,
    });
    expect(pending.userErrors).toEqual([problem('companyId', 'NOT_FOUND', 'SUPPLIER_NOT_IN_DIRECTORY')]);
    const company = await companyId(HOSTILE_NAME);
    const tooLong = await mutate(owner, 'addToShortlist', entry, {
      shortlistId: id,
      companyId: company,
      note: 'n'.repeat(2001),
    });
    expect(tooLong.userErrors).toEqual([problem('note', 'VALIDATION', 'TOO_LONG', { max: '2000' })]);
    expect(await api.db.shortlistEntry.count({ where: { shortlistId: id } })).toBe(0);

    expect(
      (await mutate(owner, 'setShortlistNote', entry, { shortlistId: id, companyId: company, note: 'nota' }))
        .userErrors,
    ).toEqual([problem('companyId', 'NOT_FOUND', 'NOT_ON_SHORTLIST')]);
    await add(owner, id, company, 'primera');
    expect(
      (
        await mutate(owner, 'setShortlistNote', entry, {
          shortlistId: id,
          companyId: company,
          note: 'n'.repeat(2001),
        })
      ).userErrors,
    ).toEqual([problem('note', 'VALIDATION', 'TOO_LONG', { max: '2000' })]);
    // Adding the company again without a note keeps its note; an empty note clears it.
    await add(owner, id, company);
    expect((await read(owner, id)).data?.shortlist?.entries.edges[0]?.node.note).toBe('primera');
    await mutate(owner, 'setShortlistNote', entry, { shortlistId: id, companyId: company, note: '  ' });
    expect((await read(owner, id)).data?.shortlist?.entries.edges[0]?.node.note).toBeNull();
    expect(
      (
        await mutate(owner, 'removeFromShortlist', '$shortlistId: ID!, $companyId: ID!', {
          shortlistId: id,
          companyId: await companyId('Entitat Pendent'),
        })
      ).userErrors,
    ).toEqual([problem('companyId', 'NOT_FOUND', 'NOT_ON_SHORTLIST')]);

    const sharing = '$shortlistId: ID!, $email: String!';
    const shareWith = async (email: string) =>
      (await mutate(owner, 'shareShortlist', sharing, { shortlistId: id, email })).userErrors;
    expect(await shareWith('no és una adreça')).toEqual([problem('email', 'VALIDATION', 'NOT_AN_EMAIL')]);
    expect(await shareWith('')).toEqual([problem('email', 'VALIDATION', 'NOT_AN_EMAIL')]);
    expect(await shareWith(` ${owner.email.toUpperCase()} `)).toEqual([
      problem('email', 'VALIDATION', 'SHARE_WITH_OWNER'),
    ]);
    expect(
      (await mutate(owner, 'unshareShortlist', sharing, { shortlistId: id, email: 'ningu@example.org' }))
        .userErrors,
    ).toEqual([problem('email', 'NOT_FOUND', 'SHORTLIST_NOT_SHARED_WITH')]);
    expect(await api.db.shortlistShare.count({ where: { shortlistId: id } })).toBe(0);
  });

  it('are kept by procurement officers only', async () => {
    expect((await create(null, { name: 'Anònima' })).userErrors[0]?.code).toBe('UNAUTHENTICATED');
    expect((await create(user, { name: 'D’un usuari' })).userErrors[0]?.code).toBe('FORBIDDEN');
  });

  it('are seen by their owner, colleagues they are shared with and staff; changed by the owner only', async () => {
    const id = (await create(owner, { name: 'Compartida' })).shortlist?.id as string;
    const company = await companyId(HOSTILE_NAME);
    await add(owner, id, company, 'nota');
    const url = (await read(owner, id)).data?.shortlist?.csvUrl as string;

    // Strangers: the list does not exist for them, in the API and as CSV.
    expect((await read(stranger, id)).data?.shortlist).toBeNull();
    expect((await csv(url, stranger)).status).toBe(404);
    expect((await read(null, id)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await csv(url, null)).status).toBe(401);
    const entry = '$shortlistId: ID!, $companyId: ID!';
    expect(
      (await mutate(stranger, 'addToShortlist', entry, { shortlistId: id, companyId: company })).userErrors,
    ).toEqual([problem('shortlistId', 'NOT_FOUND', 'SHORTLIST_NOT_FOUND')]);

    // Staff read every list.
    expect((await read(staff, id)).data?.shortlist?.id).toBe(id);
    expect((await csv(url, staff)).status).toBe(200);

    // Shared: the colleague reads, but cannot change.
    const shared = await mutate(colleague, 'shareShortlist', '$shortlistId: ID!, $email: String!', {
      shortlistId: id,
      email: stranger.email,
    });
    expect(shared.userErrors).toEqual([problem('shortlistId', 'NOT_FOUND', 'SHORTLIST_NOT_FOUND')]);
    // Sharing with an account that is not an officer answers as any share does, and gives nothing.
    expect(
      (
        await mutate(owner, 'shareShortlist', '$shortlistId: ID!, $email: String!', {
          shortlistId: id,
          email: user.email,
        })
      ).userErrors,
    ).toEqual([]);
    expect((await read(user, id)).data?.shortlist).toBeNull();
    expect(
      (
        await mutate(owner, 'shareShortlist', '$shortlistId: ID!, $email: String!', {
          shortlistId: id,
          email: colleague.email.toUpperCase(),
        })
      ).userErrors,
    ).toEqual([]);
    expect((await read(colleague, id)).data?.shortlist?.entries.totalCount).toBe(1);
    expect((await csv(url, colleague)).status).toBe(200);
    expect(
      (await mutate(colleague, 'addToShortlist', entry, { shortlistId: id, companyId: company })).userErrors,
    ).toEqual([problem('shortlistId', 'FORBIDDEN', 'SHORTLIST_OWNER_ONLY')]);
    const mine = await api.graphql<{
      myShortlists: { edges: { node: { id: string; viewerAccess: string } }[] };
    }>('{ myShortlists(first: 50) { edges { node { id viewerAccess } } } }', {}, { token: colleague.token });
    expect(mine.data?.myShortlists.edges.map((edge) => edge.node)).toContainEqual({
      id,
      viewerAccess: 'READER',
    });

    // Unshared: gone again.
    expect(
      (
        await mutate(owner, 'unshareShortlist', '$shortlistId: ID!, $email: String!', {
          shortlistId: id,
          email: colleague.email,
        })
      ).userErrors,
    ).toEqual([]);
    expect((await read(colleague, id)).data?.shortlist).toBeNull();
    expect((await csv(url, colleague)).status).toBe(404);
  });

  it('answer a share alike whether or not the address has an officer’s account, and limit shares', async () => {
    const sharer = await signedIn(api, 'PROCUREMENT_OFFICER');
    const id = (await create(sharer, { name: 'Enumeració' })).shortlist?.id as string;
    const share = async (email: string) =>
      api.graphql<{ shareShortlist: Payload & { retryAfterSeconds: number | null } }>(
        'mutation ($shortlistId: ID!, $email: String!) { shareShortlist(shortlistId: $shortlistId, email: $email) { shortlist { id } retryAfterSeconds userErrors { field message code } } }',
        { shortlistId: id, email },
        { token: sharer.token },
      );
    const answers = [
      await share(colleague.email),
      await share(user.email),
      await share('ningu@example.org'),
    ].map((response) => response.data);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]).toEqual({
      shareShortlist: { shortlist: { id }, retryAfterSeconds: null, userErrors: [] },
    });
    // Nor does the list of shares: it holds the addresses as shared, accounts or not.
    const shares = await api.graphql<{ shortlist: { sharedWith: { email: string }[] } }>(
      'query ($id: ID!) { shortlist(id: $id) { sharedWith { email } } }',
      { id },
      { token: sharer.token },
    );
    expect(shares.data?.shortlist.sharedWith.map((share) => share.email)).toEqual([
      colleague.email,
      user.email,
      'ningu@example.org',
    ]);
    // Only the officer reads it; the plain user with a shared address does not.
    expect((await read(colleague, id)).data?.shortlist?.id).toBe(id);
    expect((await read(user, id)).data?.shortlist).toBeNull();

    // At most RATE_RULES.shortlistSharePerAccount.limit a day from one account.
    const limit = RATE_RULES.shortlistSharePerAccount.limit;
    const more = await Promise.all(
      Array.from({ length: limit }, (_, i) => share(`persona-${i}@example.org`)),
    );
    const refused = more.filter((r) => r.data?.shareShortlist.userErrors[0]?.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(3);
    expect(refused[0]?.data?.shareShortlist.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('are hidden from an officer demoted to USER, in the API and as CSV, their own lists included', async () => {
    const [officer, reader] = await Promise.all([
      signedIn(api, 'PROCUREMENT_OFFICER'),
      signedIn(api, 'PROCUREMENT_OFFICER'),
    ]);
    const id = (await create(officer, { name: 'Abans del canvi de rol' })).shortlist?.id as string;
    await add(officer, id, await companyId(HOSTILE_NAME));
    await mutate(officer, 'shareShortlist', '$shortlistId: ID!, $email: String!', {
      shortlistId: id,
      email: reader.email,
    });
    const url = (await read(officer, id)).data?.shortlist?.csvUrl as string;
    expect((await read(reader, id)).data?.shortlist?.id).toBe(id);
    expect((await csv(url, reader)).status).toBe(200);

    await api.db.account.updateMany({
      where: { id: { in: [officer.id, reader.id] } },
      data: { role: 'USER' },
    });
    for (const account of [officer, reader]) {
      const response = await read(account, id);
      expect(response.errors).toBeUndefined();
      expect(response.data?.shortlist).toBeNull();
      expect((await csv(url, account)).status).toBe(404);
      const mine = await api.graphql(
        '{ myShortlists(first: 10) { totalCount } }',
        {},
        { token: account.token },
      );
      expect(mine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // Promoted again, the share still stands: nothing was deleted.
    await api.db.account.update({ where: { id: reader.id }, data: { role: 'PROCUREMENT_OFFICER' } });
    expect((await read(reader, id)).data?.shortlist?.id).toBe(id);
  });

  it('print only a verified ESG score in force: a self-declared or expired one is not for the contract file', async () => {
    const [verified, selfDeclared] = await api.db.company.findMany({
      where: { status: 'PUBLISHED', name: { not: HOSTILE_NAME } },
      orderBy: { name: 'asc' },
      take: 2,
      select: { id: true, name: true },
    });
    const assess = (
      companyId: string,
      status: 'VERIFIED' | 'SUBMITTED',
      score: number,
      validUntil: Date | null,
    ) =>
      api.db.esgAssessment.create({
        data: {
          companyId,
          criteriaVersion: 1,
          status,
          score,
          pillarScores: [],
          answers: [],
          reviewedAt: new Date(),
          validUntil,
        },
      });
    await assess(verified?.id as string, 'VERIFIED', 71, new Date(Date.now() + 86_400_000));
    await assess(verified?.id as string, 'VERIFIED', 95, new Date(Date.now() - 1000));
    await assess(verified?.id as string, 'SUBMITTED', 99, null);
    await assess(selfDeclared?.id as string, 'SUBMITTED', 100, null);
    const id = (await create(owner, { name: 'Puntuacions' })).shortlist?.id as string;
    await add(owner, id, verified?.id as string);
    await add(owner, id, selfDeclared?.id as string);
    const { text } = await csv((await read(owner, id)).data?.shortlist?.csvUrl as string, owner);
    const rows = (parse(text, { bom: true, delimiter: ';' }) as string[][]).slice(1);
    const esg = rows.map((row) =>
      EXPORT_COLUMNS.map((column, i) => [column, row[i]]).filter(([column]) =>
        String(column).includes('ASG'),
      ),
    );
    expect(esg[0]).toEqual([
      ['puntuació ASG', '71'],
      ['estat ASG', 'verificada'],
      ['ASG vàlida fins a', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)],
    ]);
    expect(esg[1]).toEqual([
      ['puntuació ASG', ''],
      ['estat ASG', 'sense homologació vigent'],
      ['ASG vàlida fins a', ''],
    ]);
    // And the list in the API shows the same.
    const listed = await api.graphql<{
      shortlist: { entries: { edges: { node: { company: { esg: { score: number } | null } } }[] } };
    }>(contractOperation('Shortlist'), { id }, { token: owner.token });
    expect(listed.data?.shortlist.entries.edges.map((edge) => edge.node.company.esg?.score ?? null)).toEqual([
      71,
      null,
    ]);
  });

  it('export as CSV that Excel in Catalan reads back exactly, hostile characters included', async () => {
    const id = (await create(owner, { name: 'Exportació: "neteja" 2026' })).shortlist?.id as string;
    await add(owner, id, await companyId(HOSTILE_NAME), HOSTILE_NOTE);
    const url = (await read(owner, id)).data?.shortlist?.csvUrl as string;
    const { status, headers, bytes, text } = await csv(url, owner);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(
      'attachment; filename="exportacio-neteja-2026-punt-i-coma.csv"',
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = parse(text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(EXPORT_COLUMNS.map((column, i) => [column, rows[1]?.[i]]));
    expect(row).toMatchObject({
      // A leading "=" would run as a formula: it is defused with an apostrophe.
      nom: `'${HOSTILE_NAME}`,
      NIF: makeCif('F', 8500001),
      'forma jurídica': 'Cooperativa de treball associat',
      'correu electrònic': 'hola@calpep.coop',
      districte: 'Sants-Montjuïc',
      'codis CPV': '90910000-9',
      'apta per a contractes reservats': 'sí',
      "empresa d'inserció": 'sí',
      'estat ASG': 'sense homologació vigent',
      certificacions: 'Balanç Social',
      'clàusules socials': "Inserció laboral de persones en risc d'exclusió, Igualtat de gènere",
      nota: HOSTILE_NOTE,
    });
    expect(text).toContain('"Primera línia; amb ""cometes""\nsegona línia');

    const comma = await csv(`${url}?separador=coma`, owner);
    expect((parse(comma.text, { bom: true, delimiter: ',' }) as string[][])[1]?.[0]).toBe(`'${HOSTILE_NAME}`);
  });

  it('save each file of a list under a name of its own, in the language of the account', async () => {
    const id = (await create(owner, { name: 'Neteja escoles 2026' })).shortlist?.id as string;
    const url = (await read(owner, id)).data?.shortlist?.csvUrl as string;
    const disposition = async (address: string, account: TestAccount) =>
      (await csv(address, account)).headers.get('content-disposition');
    expect(await disposition(url, owner)).toBe('attachment; filename="neteja-escoles-2026-punt-i-coma.csv"');
    expect(await disposition(`${url}?separador=coma`, owner)).toBe(
      'attachment; filename="neteja-escoles-2026-comes.csv"',
    );
    // The same list read by a colleague whose account is in English, then in Spanish.
    const colleague = await signedIn(api, 'PROCUREMENT_OFFICER');
    await mutate(owner, 'shareShortlist', '$shortlistId: ID!, $email: String!', {
      shortlistId: id,
      email: colleague.email,
    });
    await api.db.account.update({ where: { id: colleague.id }, data: { locale: 'EN' } });
    expect(await disposition(url, colleague)).toBe(
      'attachment; filename="neteja-escoles-2026-semicolon.csv"',
    );
    expect(await disposition(`${url}?separador=coma`, colleague)).toBe(
      'attachment; filename="neteja-escoles-2026-comma.csv"',
    );
    await api.db.account.update({ where: { id: colleague.id }, data: { locale: 'ES' } });
    expect(await disposition(`${url}?separador=coma`, colleague)).toBe(
      'attachment; filename="neteja-escoles-2026-comas.csv"',
    );
    // A snapshot's files carry its date as well.
    const frozen = await api.graphql<{
      snapshotShortlist: { snapshot: { csvUrl: string; takenAt: string } };
    }>(
      'mutation ($id: ID!) { snapshotShortlist(shortlistId: $id) { snapshot { csvUrl takenAt } } }',
      { id },
      { token: owner.token },
    );
    const snapshot = frozen.data?.snapshotShortlist.snapshot;
    const day = snapshot?.takenAt.slice(0, 10);
    expect(await disposition(snapshot?.csvUrl as string, owner)).toBe(
      `attachment; filename="neteja-escoles-2026-${day}-punt-i-coma.csv"`,
    );
  });

  it('stream lists longer than one batch, in the order companies were added', async () => {
    const id = (await create(owner, { name: 'Llarga' })).shortlist?.id as string;
    const companies = await api.db.company.findMany({
      where: { status: 'PUBLISHED' },
      orderBy: { name: 'asc' },
      take: 250,
      select: { id: true, taxId: true },
    });
    for (const company of companies) await add(owner, id, company.id);
    expect((await add(owner, id, companies[0]?.id as string, 'de nou'))?.shortlist?.entries.totalCount).toBe(
      250,
    );
    const url = (await read(owner, id)).data?.shortlist?.csvUrl as string;
    const rows = parse((await csv(url, owner)).text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((row) => row[1])).toEqual(companies.map((company) => company.taxId));
  });

  it('freeze a dated snapshot that later changes do not touch', async () => {
    // A company of this test's own: the change below must reach no other test's export.
    await importCompanies(api, [
      {
        tax_id: uniqueTaxId(),
        name: 'Instantània Coop',
        legal_form: 'COOP_TREBALL',
        sectors: 'NETEJA',
        email: 'hola@instantania.coop',
      },
    ]);
    const id = (await create(owner, { name: 'Expedient' })).shortlist?.id as string;
    const company = await companyId('Instantània Coop');
    await add(owner, id, company, 'abans');
    const snapshot = await api.graphql<{
      snapshotShortlist: { snapshot: { id: string; csvUrl: string; entryCount: number } | null };
    }>(
      'mutation ($id: ID!) { snapshotShortlist(shortlistId: $id) { snapshot { id csvUrl entryCount takenAt } userErrors { code } } }',
      { id },
      { token: owner.token },
    );
    const frozen = snapshot.data?.snapshotShortlist.snapshot;
    expect(frozen?.entryCount).toBe(1);
    const before = await csv(frozen?.csvUrl as string, owner);

    await mutate(owner, 'setShortlistNote', '$shortlistId: ID!, $companyId: ID!, $note: String', {
      shortlistId: id,
      companyId: company,
      note: 'després',
    });
    await api.db.company.update({ where: { id: company }, data: { email: 'nou@instantania.coop' } });
    const live = (await read(owner, id)).data?.shortlist;
    expect(live?.entries.edges[0]?.node.note).toBe('després');
    expect((await csv(live?.csvUrl as string, owner)).text).toContain('nou@instantania.coop');

    const after = await csv(frozen?.csvUrl as string, owner);
    expect(after.text).toBe(before.text);
    expect(after.text).toContain('abans');
    expect(after.text).toContain('hola@instantania.coop');
    expect((await csv(frozen?.csvUrl as string, stranger)).status).toBe(404);
    // Refusals of a download are said in the caller's language: the account's, else the browser's.
    const frozenUrl = (frozen?.csvUrl ?? '').replace(/^https?:\/\/[^/]+/, api.url);
    const anonymous = await fetch(frozenUrl, { headers: { 'accept-language': 'es-ES,es;q=0.9' } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe(reasonMessage('ES', 'SIGN_IN_REQUIRED'));
    // The owner's account language (Catalan) comes before the browser's.
    const missing = await fetch(
      frozenUrl.replace(/snapshots\/[^/]+\.csv$/, `snapshots/${randomUUID()}.csv`),
      {
        headers: { authorization: `Bearer ${owner.token}`, 'accept-language': 'en' },
      },
    );
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(reasonMessage('CA', 'SNAPSHOT_NOT_FOUND'));

    expect(
      (
        await mutate(owner, 'removeFromShortlist', '$shortlistId: ID!, $companyId: ID!', {
          shortlistId: id,
          companyId: company,
        })
      ).userErrors,
    ).toEqual([]);
    expect((await read(owner, id)).data?.shortlist?.entries.totalCount).toBe(0);
    expect((await csv(frozen?.csvUrl as string, owner)).text).toBe(before.text);
  });
});
