import {
  addEsgCriteria,
  addSampleCompanies,
  createAccount,
  importSeedPlan,
  indexCompanies,
  type TestApi,
} from '@proximitat/api/testing';
import { apiCall, apiToken } from './layout.ts';

/** Who sees a page: a visitor, or one of the accounts seedSite makes. */
export type Reader = 'visitor' | 'editor' | 'staff' | 'officer';

export interface Account {
  email: string;
  password: string;
}

/** What seedSite stored: its accounts, and the pages with an id of their own. */
export interface Site {
  accounts: Record<Exclude<Reader, 'visitor'>, Account>;
  /** The company the editor edits (it has a self-assessment waiting for staff). */
  company: { slug: string; name: string };
  /** A company proposed anew (a CREATION revision waiting in the moderation queue). */
  proposed: { name: string; legalForm: string; legalFormName: string; neighbourhood: string };
  tender: { id: string; title: string };
  shortlist: { id: string; name: string };
}

const ACCOUNTS = {
  editor: { email: 'editora@site.example', password: 'la contrasenya de l’editora' },
  staff: { email: 'moderadora@site.example', password: 'la contrasenya de la moderadora' },
  officer: { email: 'tecnica@site.example', password: 'la contrasenya de la tècnica' },
} as const;

/** A valid CIF (digit check) for a cooperative: F and seven digits. */
function cif(number: number): string {
  const digits = String(number).padStart(7, '0');
  let sum = 0;
  for (const [index, char] of [...digits].entries()) {
    const digit = Number(char);
    sum += index % 2 === 0 ? Math.floor((digit * 2) / 10) + ((digit * 2) % 10) : digit;
  }
  return `F${digits}${(10 - (sum % 10)) % 10}`;
}

/**
 * A whole site to walk through: 40 sample companies (indexed), the ESG criteria and the work plan,
 * an editor with a company and a self-assessment waiting for staff, a company proposed anew waiting
 * in the moderation queue, staff, and a procurement officer with a tender and a shortlist.
 */
export async function seedSite(api: TestApi): Promise<Site> {
  await addEsgCriteria(api);
  await importSeedPlan(api);
  await addSampleCompanies(api, 40, 'site');
  const company = await api.db.company.findFirstOrThrow({
    orderBy: { name: 'asc' },
    select: { id: true, slug: true, name: true },
  });
  const editor = await createAccount(api, ACCOUNTS.editor);
  await api.db.companyMembership.create({ data: { companyId: company.id, accountId: editor.id } });
  await createAccount(api, { ...ACCOUNTS.staff, role: 'STAFF' });
  await createAccount(api, { ...ACCOUNTS.officer, role: 'PROCUREMENT_OFFICER' });

  const editorToken = await apiToken(api, ACCOUNTS.editor);
  const reference = await apiCall<{
    esgCriteria: { code: string; evidenceRequired: boolean }[];
    legalForms: { code: string; name: string }[];
    sectors: { code: string }[];
    districts: { neighbourhoods: { code: string; name: string }[] }[];
  }>(
    api,
    editorToken,
    `{ esgCriteria { code evidenceRequired } legalForms { code name(locale: CA) } sectors { code }
       districts { neighbourhoods { code name } } }`,
  );
  const answers = reference.esgCriteria.map((criterion) => ({
    criterion: criterion.code,
    level: 3,
    evidenceUrl: `https://coop.example/evidencia-${criterion.code}.pdf`,
  }));
  const submitted = await apiCall<{ submitEsgAssessment: { assessment: { id: string } | null } }>(
    api,
    editorToken,
    `mutation ($companyId: ID!, $answers: [EsgAnswerInput!]!) {
       submitEsgAssessment(companyId: $companyId, answers: $answers) { assessment { id } userErrors { reason field } } }`,
    { companyId: company.id, answers },
  );
  if (!submitted.submitEsgAssessment.assessment) throw new Error(JSON.stringify(submitted));

  // A company proposed anew: every field of it is a change staff read.
  const legalForm =
    reference.legalForms.find((form) => form.code === 'COOP_TREBALL') ?? reference.legalForms[0];
  const neighbourhood = reference.districts[0]?.neighbourhoods[0];
  if (!legalForm || !neighbourhood) throw new Error('no reference data');
  const proposedName = 'Cooperativa Proposada del Barri';
  const proposal = await apiCall<{
    createCompanyProfile: { company: { id: string } | null; userErrors: unknown[] };
  }>(
    api,
    editorToken,
    `mutation ($input: CompanyProfileInput!) {
       createCompanyProfile(input: $input) { company { id } userErrors { reason field } } }`,
    {
      input: {
        name: proposedName,
        taxId: cif(4_812_337),
        legalForm: legalForm.code,
        sectors: reference.sectors.slice(0, 2).map((sector) => sector.code),
        address: {
          street: 'Carrer de la Prova, 12',
          postalCode: '08001',
          city: 'Barcelona',
          neighbourhoodCode: neighbourhood.code,
        },
        insertionCompany: true,
        employees: 12,
        foundedYear: 2011,
      },
    },
  );
  if (!proposal.createCompanyProfile.company) throw new Error(JSON.stringify(proposal));

  const officerToken = await apiToken(api, ACCOUNTS.officer);
  const tender = await apiCall<{ createTender: { tender: { id: string; title: string } | null } }>(
    api,
    officerToken,
    `mutation ($input: TenderInput!) { createTender(input: $input) { tender { id title } userErrors { reason } } }`,
    {
      input: {
        title: 'Servei de neteja i manteniment dels equipaments municipals del districte',
        description: 'Neteja d’edificis amb inserció laboral.',
        budget: 176450.5,
        reserved: true,
        districts: ['01'],
      },
    },
  );
  const shortlist = await apiCall<{ createShortlist: { shortlist: { id: string; name: string } | null } }>(
    api,
    officerToken,
    `mutation ($input: ShortlistInput!) { createShortlist(input: $input) { shortlist { id name } userErrors { reason } } }`,
    { input: { name: 'Proveïdors de neteja amb clàusules socials', tenderReference: '2026/0042' } },
  );
  if (!tender.createTender.tender || !shortlist.createShortlist.shortlist) {
    throw new Error(JSON.stringify({ tender, shortlist }));
  }
  await apiCall(
    api,
    officerToken,
    'mutation ($shortlistId: ID!, $companyId: ID!) { addToShortlist(shortlistId: $shortlistId, companyId: $companyId, note: "Molt recomanable") { userErrors { reason } } }',
    { shortlistId: shortlist.createShortlist.shortlist.id, companyId: company.id },
  );
  await indexCompanies(api);
  return {
    accounts: ACCOUNTS,
    company: { slug: company.slug, name: company.name },
    proposed: {
      name: proposedName,
      legalForm: legalForm.code,
      legalFormName: legalForm.name,
      neighbourhood: neighbourhood.name,
    },
    tender: tender.createTender.tender,
    shortlist: shortlist.createShortlist.shortlist,
  };
}

/** A page of the site, seen by a reader. */
export interface Route {
  path: string;
  reader: Reader;
}

/** Every route of the web client (app.tsx), each seen by whom it is for (and some by a visitor too). */
export function siteRoutes(site: Site): Route[] {
  const visitor = (path: string): Route => ({ path, reader: 'visitor' });
  return [
    visitor('/'),
    visitor('/cerca'),
    visitor('/cerca?q=neteja'),
    visitor('/empreses'),
    visitor(`/empreses/${site.company.slug}`),
    visitor('/estadistiques'),
    visitor('/pla'),
    visitor('/contractacio'),
    visitor('/districtes'),
    visitor('/districtes/01'),
    visitor('/entrar'),
    visitor('/registre'),
    visitor('/contrasenya'),
    visitor('/verifica'),
    visitor('/no-existeix'),
    visitor('/moderacio'),
    visitor('/llistes'),
    visitor(`/licitacions/${site.tender.id}`),
    visitor(`/tauler/asg/${site.company.slug}`),
    { path: '/tauler', reader: 'editor' },
    { path: `/tauler/asg/${site.company.slug}`, reader: 'editor' },
    { path: '/moderacio', reader: 'staff' },
    { path: '/moderacio/asg', reader: 'staff' },
    { path: '/pla', reader: 'staff' },
    { path: '/llistes', reader: 'officer' },
    { path: `/llistes/${site.shortlist.id}`, reader: 'officer' },
    { path: '/licitacions', reader: 'officer' },
    { path: `/licitacions/${site.tender.id}`, reader: 'officer' },
    { path: '/contractacio', reader: 'officer' },
    { path: '/cerca?q=neteja', reader: 'officer' },
  ];
}
