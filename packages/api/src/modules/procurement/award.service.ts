import type { Db } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { ErrorCode, rejected, type ServiceResult, type UserError } from '../../errors.ts';
import { isUuid } from '../common/ids.ts';
import { userError } from '../common/user-error.schema.ts';
import { validateCpv } from '../directory/cpv.ts';
import { validateTaxId } from '../directory/tax-id.ts';
import { loadReference } from '../reference/reference-cache.ts';

/** The OCDS method codelist: how the supplier was chosen. */
export const PROCUREMENT_METHODS = ['open', 'selective', 'limited', 'direct'] as const;
export type ProcurementMethod = (typeof PROCUREMENT_METHODS)[number];

export const AWARD_LIMITS = {
  title: 300,
  reference: 100,
  name: 300,
  amount: 100_000_000_000,
  firstYear: 2000,
} as const;

export const DEFAULT_BUYER = 'Ajuntament de Barcelona';

export interface AwardDraft {
  title: string;
  reference: string;
  buyerName?: string | null;
  /** A company of the directory; otherwise supplierName and supplierTaxId. */
  supplierCompanyId?: string | null;
  supplierName?: string | null;
  supplierTaxId?: string | null;
  amount: number;
  cpvCode: string;
  awardedOn: Date;
  reserved?: boolean | null;
  socialClauses?: string[] | null;
  district?: string | null;
  procurementMethod: ProcurementMethod;
}

async function cleanAward(db: Db, draft: AwardDraft, now: Date) {
  const errors: UserError[] = [];
  const fail = (field: string, message: string, code: ErrorCode = ErrorCode.VALIDATION) =>
    errors.push(userError(code, message, `input.${field}`));
  const reference = await loadReference(db);
  const text = (value: string | null | undefined) => value?.trim() || null;

  const title = draft.title.trim();
  if (!title) fail('title', 'is required');
  else if (title.length > AWARD_LIMITS.title) fail('title', `at most ${AWARD_LIMITS.title} characters`);
  const fileReference = draft.reference.trim();
  if (!fileReference) fail('reference', 'is required');
  else if (fileReference.length > AWARD_LIMITS.reference)
    fail('reference', `at most ${AWARD_LIMITS.reference} characters`);
  const buyerName = text(draft.buyerName) ?? DEFAULT_BUYER;
  if (buyerName.length > AWARD_LIMITS.name) fail('buyerName', `at most ${AWARD_LIMITS.name} characters`);

  // The supplier: a directory company, or a name and a valid tax ID (linked when the directory has it).
  let supplier: { id: string | null; name: string; taxId: string; isEss: boolean } | null = null;
  if (draft.supplierCompanyId) {
    const company = isUuid(draft.supplierCompanyId)
      ? await db.company.findUnique({
          where: { id: draft.supplierCompanyId },
          select: { id: true, name: true, taxId: true, status: true },
        })
      : null;
    if (company?.status !== 'PUBLISHED') {
      fail('supplierCompanyId', 'No such company in the public directory', ErrorCode.NOT_FOUND);
    } else supplier = { id: company.id, name: company.name, taxId: company.taxId, isEss: true };
  } else {
    const name = text(draft.supplierName);
    if (!name) fail('supplierName', 'is required without supplierCompanyId');
    else if (name.length > AWARD_LIMITS.name) fail('supplierName', `at most ${AWARD_LIMITS.name} characters`);
    const tax = validateTaxId(draft.supplierTaxId ?? '');
    if (!tax.valid) fail('supplierTaxId', tax.reason);
    if (name && tax.valid) {
      const company = await db.company.findUnique({
        where: { taxId: tax.value },
        select: { id: true, status: true },
      });
      const listed = company?.status === 'PUBLISHED';
      supplier = { id: listed ? (company?.id ?? null) : null, name, taxId: tax.value, isEss: listed };
    }
  }

  const amount = Math.round(draft.amount * 100) / 100;
  if (!Number.isFinite(draft.amount) || amount <= 0 || amount > AWARD_LIMITS.amount) {
    fail('amount', `must be an amount in euros above 0 and up to ${AWARD_LIMITS.amount}`);
  }
  const cpv = validateCpv(draft.cpvCode);
  if (!cpv.valid) fail('cpvCode', cpv.reason);
  const awardedOn = draft.awardedOn;
  if (
    Number.isNaN(awardedOn.getTime()) ||
    awardedOn.getUTCFullYear() < AWARD_LIMITS.firstYear ||
    awardedOn.getTime() > now.getTime()
  ) {
    fail('awardedOn', `must be a date from ${AWARD_LIMITS.firstYear} to today`);
  }
  const socialClauses = [
    ...new Set((draft.socialClauses ?? []).map((code) => code.trim().toUpperCase())),
  ].sort();
  for (const code of socialClauses) {
    if (!reference.socialClauses.has(code)) fail('socialClauses', `unknown social clause "${code}"`);
  }
  const districtCode = text(draft.district)?.padStart(2, '0') ?? null;
  if (districtCode && !reference.districts.has(districtCode))
    fail('district', `unknown district "${districtCode}"`);
  if (!PROCUREMENT_METHODS.includes(draft.procurementMethod)) {
    fail('procurementMethod', `must be one of ${PROCUREMENT_METHODS.join(', ')}`);
  }

  return {
    errors,
    data:
      supplier && cpv.valid
        ? {
            title,
            reference: fileReference,
            buyerName,
            supplierId: supplier.id,
            supplierName: supplier.name,
            supplierTaxId: supplier.taxId,
            supplierIsEss: supplier.isEss,
            amount,
            cpvCode: cpv.code.code,
            awardedOn,
            reserved: draft.reserved ?? false,
            socialClauses,
            districtCode,
            procurementMethod: draft.procurementMethod,
          }
        : null,
  };
}

/** Who recorded an award, or staff, may change it: the userError when the viewer may not. */
async function refusal(db: Db, viewer: Viewer, id: string): Promise<UserError | null> {
  const award = isUuid(id)
    ? await db.contractAward.findUnique({ where: { id }, select: { recordedById: true } })
    : null;
  if (!award) return userError(ErrorCode.NOT_FOUND, 'No such award', 'id');
  if (award.recordedById === viewer.id || viewer.role === 'STAFF' || viewer.role === 'ADMIN') return null;
  return userError(ErrorCode.FORBIDDEN, 'Only who recorded it, or staff, can change it', 'id');
}

export async function recordAward(
  db: Db,
  viewer: Viewer,
  draft: AwardDraft,
  now = new Date(),
): Promise<ServiceResult> {
  const { errors, data } = await cleanAward(db, draft, now);
  if (errors.length > 0 || !data) return rejected(...errors);
  const award = await db.contractAward.create({
    data: { ...data, recordedById: viewer.id },
    select: { id: true },
  });
  return { ok: true, id: award.id };
}

export async function updateAward(
  db: Db,
  viewer: Viewer,
  id: string,
  draft: AwardDraft,
  now = new Date(),
): Promise<ServiceResult> {
  const refused = await refusal(db, viewer, id);
  if (refused) return rejected(refused);
  const { errors, data } = await cleanAward(db, draft, now);
  if (errors.length > 0 || !data) return rejected(...errors);
  await db.contractAward.update({ where: { id }, data });
  return { ok: true, id };
}

export async function deleteAward(db: Db, viewer: Viewer, id: string): Promise<ServiceResult> {
  const refused = await refusal(db, viewer, id);
  if (refused) return rejected(refused);
  await db.contractAward.delete({ where: { id } });
  return { ok: true, id };
}

export interface Breakdown {
  code: string;
  awardCount: number;
  totalAmount: number;
  essAmount: number;
  reservedAmount: number;
}

export interface YearIndicators extends Breakdown {
  year: number;
  socialClauseAmount: number;
  byDistrict: Breakdown[];
  bySector: Breakdown[];
}

/** Shares are null when nothing was awarded: there is nothing to divide. */
export const share = (part: number, total: number): number | null => (total > 0 ? part / total : null);

interface Row {
  year: number;
  district: string;
  division: string;
  n: bigint;
  total: string;
  ess: string;
  reserved: string;
  clauses: string;
}

const cents = (value: string) => Math.round(Number(value) * 100);

/**
 * Per year: the amount awarded, and how much of it went to social economy companies, to reserved
 * contracts and to contracts with social clauses; by district (where the contract is carried out;
 * "" when not one district) and by sector (the CPV division). Sums are exact: PostgreSQL adds the
 * numeric amounts, and shares divide them once.
 */
export async function procurementIndicators(db: Db, from: number, to: number): Promise<YearIndicators[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT extract(year FROM "awardedOn")::int AS year, coalesce("districtCode", '') AS district,
       left("cpvCode", 2) AS division, count(*) AS n, sum(amount)::text AS total,
       sum(CASE WHEN "supplierIsEss" THEN amount ELSE 0 END)::text AS ess,
       sum(CASE WHEN reserved THEN amount ELSE 0 END)::text AS reserved,
       sum(CASE WHEN cardinality("socialClauses") > 0 THEN amount ELSE 0 END)::text AS clauses
     FROM "ContractAward"
     WHERE "awardedOn" >= make_date($1, 1, 1) AND "awardedOn" < make_date($2 + 1, 1, 1)
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    from,
    to,
  );
  const years = new Map<
    number,
    { total: Breakdown; clauses: number; districts: Map<string, Breakdown>; sectors: Map<string, Breakdown> }
  >();
  const empty = (code: string): Breakdown => ({
    code,
    awardCount: 0,
    totalAmount: 0,
    essAmount: 0,
    reservedAmount: 0,
  });
  // Sums in cents, to add euros without binary fractions.
  const add = (into: Breakdown, row: Row) => {
    into.awardCount += Number(row.n);
    into.totalAmount += cents(row.total);
    into.essAmount += cents(row.ess);
    into.reservedAmount += cents(row.reserved);
  };
  for (const row of rows) {
    let year = years.get(row.year);
    if (!year) {
      year = { total: empty(String(row.year)), clauses: 0, districts: new Map(), sectors: new Map() };
      years.set(row.year, year);
    }
    add(year.total, row);
    year.clauses += cents(row.clauses);
    const district = year.districts.get(row.district) ?? empty(row.district);
    add(district, row);
    year.districts.set(row.district, district);
    const sector = year.sectors.get(row.division) ?? empty(row.division);
    add(sector, row);
    year.sectors.set(row.division, sector);
  }
  const euros = (breakdown: Breakdown): Breakdown => ({
    ...breakdown,
    totalAmount: breakdown.totalAmount / 100,
    essAmount: breakdown.essAmount / 100,
    reservedAmount: breakdown.reservedAmount / 100,
  });
  return [...years.entries()].map(([year, data]) => ({
    ...euros(data.total),
    year,
    socialClauseAmount: data.clauses / 100,
    byDistrict: [...data.districts.values()].map(euros),
    bySector: [...data.sectors.values()].map(euros).sort((a, b) => b.totalAmount - a.totalAmount),
  }));
}
