import type { Db, InvitationResponse } from '@proximitat/db';
import type { Search } from '@proximitat/search';
import type { Viewer } from '../../context.ts';
import { ErrorCode, rejected, type ServiceResult, type UserError } from '../../errors.ts';
import { RATE_RULES, type RateRefusal, rateLimited } from '../../rate-limit/rate-limit.ts';
import { isUuid } from '../common/ids.ts';
import { userError } from '../common/user-error.schema.ts';
import { cpvLabel, validateCpv } from '../directory/cpv.ts';
import { enqueueMail } from '../mail/mail.ts';
import { loadReference } from '../reference/reference-cache.ts';
import { type Candidate, type Match, type Need, rankCandidates } from './tender-matching.ts';

export const TENDER_LIMITS = {
  title: 200,
  description: 5000,
  reference: 100,
  cpvCodes: 20,
  budget: 100_000_000_000,
  message: 2000,
  invitations: 50,
  /** The suppliers the text search contributes. */
  textHits: 200,
  /** The most matches a request returns. */
  matches: 100,
} as const;

export interface TenderDraft {
  title: string;
  description?: string | null;
  reference?: string | null;
  cpvCodes?: string[] | null;
  districts?: string[] | null;
  reserved?: boolean | null;
  socialClauses?: string[] | null;
  budget?: number | null;
}

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
  if (access === null) return userError(ErrorCode.NOT_FOUND, 'No such tender', field);
  if (access === 'READER')
    return userError(ErrorCode.FORBIDDEN, 'Only the owner of this tender can change it', field);
  return null;
}

async function cleanTender(db: Db, draft: TenderDraft) {
  const errors: UserError[] = [];
  const fail = (field: string, message: string) =>
    errors.push(userError(ErrorCode.VALIDATION, message, `input.${field}`));
  const reference = await loadReference(db);
  const title = draft.title.trim();
  if (title === '') fail('title', 'is required');
  if (title.length > TENDER_LIMITS.title) fail('title', `at most ${TENDER_LIMITS.title} characters`);
  const description = draft.description?.trim() || null;
  if (description && description.length > TENDER_LIMITS.description) {
    fail('description', `at most ${TENDER_LIMITS.description} characters`);
  }
  const tenderReference = draft.reference?.trim() || null;
  if (tenderReference && tenderReference.length > TENDER_LIMITS.reference) {
    fail('reference', `at most ${TENDER_LIMITS.reference} characters`);
  }
  const cpvCodes: string[] = [];
  const cpvInput = (draft.cpvCodes ?? []).filter((code) => code.trim() !== '');
  if (cpvInput.length > TENDER_LIMITS.cpvCodes)
    fail('cpvCodes', `at most ${TENDER_LIMITS.cpvCodes} CPV codes`);
  for (const raw of cpvInput) {
    const cpv = validateCpv(raw);
    if (!cpv.valid) fail('cpvCodes', cpv.reason);
    else if (!cpvCodes.includes(cpv.code.code)) cpvCodes.push(cpv.code.code);
  }
  const districtCodes = [...new Set((draft.districts ?? []).map((code) => code.trim().padStart(2, '0')))];
  for (const code of districtCodes) {
    if (!reference.districts.has(code)) fail('districts', `unknown district "${code}"`);
  }
  const socialClauses = [...new Set((draft.socialClauses ?? []).map((code) => code.trim().toUpperCase()))];
  for (const code of socialClauses) {
    if (!reference.socialClauses.has(code)) fail('socialClauses', `unknown social clause "${code}"`);
  }
  const budget = draft.budget ?? null;
  if (budget !== null && (!Number.isFinite(budget) || budget < 0 || budget > TENDER_LIMITS.budget)) {
    fail('budget', `must be an amount in euros from 0 to ${TENDER_LIMITS.budget}`);
  }
  return {
    errors,
    data: {
      title,
      description,
      reference: tenderReference,
      cpvCodes: cpvCodes.sort(),
      districtCodes: districtCodes.sort(),
      reserved: draft.reserved ?? false,
      socialClauses: socialClauses.sort(),
      budget: budget === null ? null : Math.round(budget * 100) / 100,
    },
  };
}

export async function createTender(db: Db, viewer: Viewer, draft: TenderDraft): Promise<ServiceResult> {
  const { errors, data } = await cleanTender(db, draft);
  if (errors.length > 0) return rejected(...errors);
  const tender = await db.tender.create({ data: { ...data, ownerId: viewer.id }, select: { id: true } });
  return { ok: true, id: tender.id };
}

export async function updateTender(
  db: Db,
  viewer: Viewer,
  id: string,
  draft: TenderDraft,
): Promise<ServiceResult> {
  const refused = await ownerOnly(db, id, viewer, 'id');
  if (refused) return rejected(refused);
  const { errors, data } = await cleanTender(db, draft);
  if (errors.length > 0) return rejected(...errors);
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

/** Invites published suppliers by mail (through the outbox, in the same transaction); all or none. */
export async function inviteSuppliers(
  db: Db,
  viewer: Viewer,
  tenderId: string,
  companyIds: string[],
  rawMessage: string | null | undefined,
): Promise<ServiceResult | RateRefusal> {
  const refused = await ownerOnly(db, tenderId, viewer, 'tenderId');
  if (refused) return rejected(refused);
  const errors: UserError[] = [];
  const message = rawMessage?.trim() || null;
  if (message && message.length > TENDER_LIMITS.message) {
    errors.push(userError(ErrorCode.VALIDATION, `at most ${TENDER_LIMITS.message} characters`, 'message'));
  }
  const ids = [...new Set(companyIds.map(String))];
  if (ids.length === 0)
    errors.push(userError(ErrorCode.VALIDATION, 'name at least one company', 'companyIds'));
  if (ids.length > TENDER_LIMITS.invitations) {
    errors.push(
      userError(
        ErrorCode.LIMIT_EXCEEDED,
        `at most ${TENDER_LIMITS.invitations} invitations at once`,
        'companyIds',
      ),
    );
  }
  const companies = await db.company.findMany({
    where: { id: { in: ids.filter(isUuid) }, status: 'PUBLISHED' },
    select: { id: true, name: true, email: true, invitations: { where: { tenderId }, select: { id: true } } },
  });
  const byId = new Map(companies.map((company) => [company.id, company]));
  ids.forEach((id, index) => {
    const company = byId.get(id);
    const field = `companyIds.${index}`;
    if (!company)
      errors.push(userError(ErrorCode.NOT_FOUND, 'No such company in the public directory', field));
    else if (!company.email)
      errors.push(userError(ErrorCode.VALIDATION, `${company.name} has no email address`, field));
    else if (company.invitations.length > 0) {
      errors.push(userError(ErrorCode.CONFLICT, `${company.name} is invited already`, field));
    }
  });
  if (errors.length > 0) return rejected(...errors);
  // Each company invited is a mail to someone else: counted one by one, per officer.
  const limited = await rateLimited(
    db,
    [[RATE_RULES.supplierInvitationsPerAccount, viewer.id, ids.length]],
    'suppliers invited today',
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
  rawNote: string | null | undefined,
): Promise<ServiceResult> {
  const invitation = isUuid(invitationId)
    ? await db.tenderInvitation.findUnique({ where: { id: invitationId }, select: { tenderId: true } })
    : null;
  if (!invitation) {
    return rejected(userError(ErrorCode.NOT_FOUND, 'No such invitation', 'invitationId'));
  }
  const refused = await ownerOnly(db, invitation.tenderId, viewer, 'invitationId');
  if (refused) return rejected(refused);
  const note = rawNote?.trim() || null;
  if (note && note.length > TENDER_LIMITS.message) {
    return rejected(userError(ErrorCode.VALIDATION, `at most ${TENDER_LIMITS.message} characters`, 'note'));
  }
  await db.tenderInvitation.update({
    where: { id: invitationId },
    data: { response, responseNote: note, respondedAt: response === 'PENDING' ? null : new Date() },
  });
  return { ok: true, id: invitation.tenderId };
}
