import type { Db, InvitationResponse } from '@proximitat/db';
import type { Search } from '@proximitat/search';
import type { Viewer } from '../../context.ts';
import { rejected, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { RATE_RULES, rateLimited } from '../../rate-limit/rate-limit.ts';
import { isUuid } from '../common/ids.ts';
import { cpvLabel } from '../directory/cpv.ts';
import { enqueueMail } from '../mail/mail.ts';
import { loadReference } from '../reference/reference-cache.ts';
import { type InvitationData, TENDER_LIMITS, type TenderData } from './tender.input.ts';
import { type Candidate, type Match, type Need, rankCandidates } from './tender-matching.ts';

export { TENDER_LIMITS };

const isStaffRole = (role: string) => role === 'STAFF' || role === 'ADMIN';
const PROCUREMENT_ROLES = new Set(['PROCUREMENT_OFFICER', 'STAFF', 'ADMIN']);

/**
 * Owner: read and change; staff: read; anyone else: the tender does not exist. The role is read
 * now: an owner demoted to USER sees nothing of their tenders.
 */
export async function tenderAccess(
  db: Db,
  id: string,
  viewer: Viewer | null,
): Promise<'OWNER' | 'READER' | null> {
  if (!viewer || !PROCUREMENT_ROLES.has(viewer.role) || !isUuid(id)) return null;
  const tender = await db.tender.findUnique({ where: { id }, select: { ownerId: true } });
  if (!tender) return null;
  if (tender.ownerId === viewer.id) return 'OWNER';
  return isStaffRole(viewer.role) ? 'READER' : null;
}

async function ownerOnly(db: Db, id: string, viewer: Viewer, field: string): Promise<UserError | null> {
  const access = await tenderAccess(db, id, viewer);
  if (access === null) return userError('TENDER_NOT_FOUND', field);
  if (access === 'READER') return userError('TENDER_OWNER_ONLY', field);
  return null;
}

/** A need an officer describes (validated by tenderInputSchema). */
export async function createTender(db: Db, viewer: Viewer, data: TenderData): Promise<ServiceResult> {
  const tender = await db.tender.create({ data: { ...data, ownerId: viewer.id }, select: { id: true } });
  return { ok: true, id: tender.id };
}

export async function updateTender(
  db: Db,
  viewer: Viewer,
  id: string,
  data: TenderData,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, id, viewer, 'id');
  if (refused) return rejected(refused);
  await db.tender.update({ where: { id }, data });
  return { ok: true, id };
}

export interface TenderMatches {
  matches: Match[];
  /** How many suppliers are eligible in all (matches holds the best of them). */
  totalCount: number;
  /** The search engine was unreachable: the ranking leaves out the text of the need. */
  degraded: boolean;
}

const TEXT_THRESHOLD = 0.5;

/** The companies whose indexed text answers the need, scored against the best answer (0..1). */
async function textScores(search: Search, text: string): Promise<Map<string, number> | null> {
  try {
    const hits = await search.matchCompanies(text, TENDER_LIMITS.textHits);
    // Long needs leave every ranking score low: each counts against the best one, and hits under
    // half of it (a shared common word, a typo of one) do not count as answering the need.
    const top = Math.max(0, ...hits.map((hit) => hit.score));
    const scores = new Map<string, number>();
    for (const hit of hits) {
      const relative = top > 0 ? hit.score / top : 0;
      if (relative >= TEXT_THRESHOLD) scores.set(hit.id, relative);
    }
    return scores;
  } catch {
    return null;
  }
}

/** Ranked eligible suppliers for a tender, with why each one matches. */
export async function matchTender(
  db: Db,
  search: Search,
  tenderId: string,
  first: number,
): Promise<TenderMatches> {
  const tender = await db.tender.findUniqueOrThrow({ where: { id: tenderId } });
  const text = [tender.title, tender.description].filter(Boolean).join(' ').slice(0, 500);
  const scores = await textScores(search, text);
  const divisions = [...new Set(tender.cpvCodes.map((code) => code.slice(0, 2)))];
  const rows = await db.$queryRawUnsafe<
    (Omit<Candidate, 'textScore' | 'esgScore'> & { esgScore: number | null })[]
  >(
    `SELECT c.id, c.name, c."cpvCodes", c."districtCode", c."insertionCompany", c."specialEmploymentCentre",
       c."socialClauses", c.employees,
       (SELECT max(e.score) FROM "EsgAssessment" e
         WHERE e."companyId" = c.id AND e.status = 'VERIFIED' AND e."validUntil" > now()) AS "esgScore"
     FROM "Company" c
     WHERE c.status = 'PUBLISHED'
       AND ($1::boolean = false OR c."insertionCompany" OR c."specialEmploymentCentre")
       AND c."socialClauses" @> $2::text[]
       AND (EXISTS (SELECT 1 FROM unnest(c."cpvCodes") code WHERE left(code, 2) = ANY($3::text[]))
            OR c.id = ANY($4::uuid[]))`,
    tender.reserved,
    tender.socialClauses,
    divisions,
    [...(scores?.keys() ?? [])],
  );
  const need: Need = {
    cpvCodes: tender.cpvCodes,
    districtCodes: tender.districtCodes,
    reserved: tender.reserved,
    socialClauses: tender.socialClauses,
    budget: tender.budget === null ? null : Number(tender.budget),
    hasText: text.trim() !== '',
  };
  const ranked = rankCandidates(
    need,
    rows.map((row) => ({ ...row, esgScore: row.esgScore, textScore: scores?.get(row.id) ?? null })),
  );
  return { matches: ranked.slice(0, first), totalCount: ranked.length, degraded: scores === null };
}

function invitationMail(
  tender: {
    title: string;
    reference: string | null;
    description: string | null;
    cpvCodes: string[];
    reserved: boolean;
    budget: number | null;
  },
  company: { name: string; email: string },
  officer: { email: string; name: string | null },
  message: string | null,
  clauses: string[],
  districts: string[],
) {
  const euros = new Intl.NumberFormat('ca', { style: 'currency', currency: 'EUR' });
  const lines = [
    `Hola, ${company.name}:`,
    '',
    `Us convidem a presentar una oferta per a la licitació «${tender.title}»${tender.reference ? ` (expedient ${tender.reference})` : ''}.`,
    '',
    ...(tender.description ? [tender.description, ''] : []),
    ...(tender.cpvCodes.length > 0
      ? [`Codis CPV: ${tender.cpvCodes.map((code) => `${code} ${cpvLabel(code, 'CA')}`).join('; ')}`]
      : []),
    ...(districts.length > 0 ? [`Districtes: ${districts.join(', ')}`] : []),
    ...(tender.budget !== null ? [`Pressupost estimat (sense IVA): ${euros.format(tender.budget)}`] : []),
    ...(tender.reserved
      ? ["Contracte reservat a empreses d'inserció i centres especials de treball (Llei 9/2017, DA 4a)."]
      : []),
    ...(clauses.length > 0 ? [`Clàusules socials: ${clauses.join(', ')}`] : []),
    ...(message ? ['', message] : []),
    '',
    `Contacte: ${officer.name ? `${officer.name}, ` : ''}${officer.email}`,
    '',
    '—',
    'Enviat a través de Proximitat, el directori de l’economia social i solidària de Barcelona.',
  ];
  return {
    to: company.email,
    subject: `Invitació a licitar: ${tender.title}`,
    text: lines.join('\n'),
  };
}

/**
 * Invites published suppliers by mail (through the outbox, in the same transaction); all or none.
 * Each company that cannot be invited is named by its index in `companyIds`.
 */
export async function inviteSuppliers(
  db: Db,
  viewer: Viewer,
  tenderId: string,
  { companyIds: ids, message }: InvitationData,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, tenderId, viewer, 'tenderId');
  if (refused) return rejected(refused);
  const errors: UserError[] = [];
  const companies = await db.company.findMany({
    where: { id: { in: ids.filter(isUuid) }, status: 'PUBLISHED' },
    select: { id: true, name: true, email: true, invitations: { where: { tenderId }, select: { id: true } } },
  });
  const byId = new Map(companies.map((company) => [company.id, company]));
  ids.forEach((id, index) => {
    const company = byId.get(id);
    const field = `companyIds.${index}`;
    if (!company) errors.push(userError('SUPPLIER_NOT_IN_DIRECTORY', field));
    else if (!company.email)
      errors.push(userError('SUPPLIER_WITHOUT_EMAIL', field, { company: company.name }));
    else if (company.invitations.length > 0) {
      errors.push(userError('SUPPLIER_ALREADY_INVITED', field, { company: company.name }));
    }
  });
  if (errors.length > 0) return rejected(...errors);
  // Each company invited is a mail to someone else: counted one by one, per officer.
  const limited = await rateLimited(
    db,
    [[RATE_RULES.supplierInvitationsPerAccount, viewer.id, ids.length]],
    'companyIds',
  );
  if (limited) return limited;

  const reference = await loadReference(db);
  await db.$transaction(async (tx) => {
    const tender = await tx.tender.findUniqueOrThrow({ where: { id: tenderId } });
    const officer = await tx.account.findUniqueOrThrow({
      where: { id: viewer.id },
      select: { email: true, name: true },
    });
    const clauses = tender.socialClauses.map((code) => reference.socialClauses.get(code)?.nameCa ?? code);
    const districts = tender.districtCodes.map((code) => reference.districts.get(code)?.name ?? code);
    for (const id of ids) {
      const company = byId.get(id);
      if (!company?.email) continue;
      await tx.tenderInvitation.create({
        data: { tenderId, companyId: id, sentById: viewer.id, email: company.email, message },
      });
      await enqueueMail(
        tx,
        invitationMail(
          { ...tender, budget: tender.budget === null ? null : Number(tender.budget) },
          { name: company.name, email: company.email },
          officer,
          message,
          clauses,
          districts,
        ),
      );
    }
    await tx.tender.update({ where: { id: tenderId }, data: { updatedAt: new Date() } });
  });
  return { ok: true, id: tenderId };
}

/** The officer records what a supplier answered. */
export async function recordInvitationResponse(
  db: Db,
  viewer: Viewer,
  invitationId: string,
  response: InvitationResponse,
  note: string | null,
): Promise<ServiceResult> {
  const invitation = isUuid(invitationId)
    ? await db.tenderInvitation.findUnique({ where: { id: invitationId }, select: { tenderId: true } })
    : null;
  if (!invitation) {
    return rejected(userError('INVITATION_NOT_FOUND', 'invitationId'));
  }
  const refused = await ownerOnly(db, invitation.tenderId, viewer, 'invitationId');
  if (refused) return rejected(refused);
  await db.tenderInvitation.update({
    where: { id: invitationId },
    data: { response, responseNote: note, respondedAt: response === 'PENDING' ? null : new Date() },
  });
  return { ok: true, id: invitation.tenderId };
}
