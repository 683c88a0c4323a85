import type { Db, Locale } from '@proximitat/db';
import type { Viewer } from '../../context.ts';
import { rejected, type ServiceResult, type UserError, userError } from '../../errors.ts';
import { isUuid } from '../common/ids.ts';
import { cpvLabel } from '../directory/cpv.ts';
import type { Reference } from '../reference/reference-cache.ts';
import type { AwardData, AwardSupplier } from './award.input.ts';

/** The supplier's columns of an award. */
interface SupplierColumns {
  supplierId: string | null;
  supplierName: string;
  supplierTaxId: string;
  supplierIsEss: boolean;
}

/** The supplier as the award stores it, or why it cannot be: a directory company must be published. */
async function supplierOf(db: Db, supplier: AwardSupplier): Promise<SupplierColumns | UserError> {
  if ('companyId' in supplier) {
    const company = isUuid(supplier.companyId)
      ? await db.company.findUnique({
          where: { id: supplier.companyId },
          select: { id: true, name: true, taxId: true, status: true },
        })
      : null;
    if (company?.status !== 'PUBLISHED') {
      return userError('SUPPLIER_NOT_IN_DIRECTORY', 'input.supplierCompanyId');
    }
    return {
      supplierId: company.id,
      supplierName: company.name,
      supplierTaxId: company.taxId,
      supplierIsEss: true,
    };
  }
  // A name and a tax ID: linked to the directory company with that tax ID when it is published.
  const company = await db.company.findUnique({
    where: { taxId: supplier.taxId },
    select: { id: true, status: true },
  });
  const listed = company?.status === 'PUBLISHED';
  return {
    supplierId: listed ? (company?.id ?? null) : null,
    supplierName: supplier.name,
    supplierTaxId: supplier.taxId,
    supplierIsEss: listed,
  };
}

/** What an award row holds, from the validated input, or why it cannot be stored. */
async function awardRow(
  db: Db,
  { supplier, ...award }: AwardData,
): Promise<ServiceResult<{ data: Omit<AwardData, 'supplier'> & SupplierColumns }>> {
  const columns = await supplierOf(db, supplier);
  if ('reason' in columns) return rejected(columns);
  return { ok: true, data: { ...award, ...columns } };
}

/** Who recorded an award, or staff, may change it: the userError when the viewer may not. */
async function refusal(db: Db, viewer: Viewer, id: string): Promise<UserError | null> {
  const award = isUuid(id)
    ? await db.contractAward.findUnique({ where: { id }, select: { recordedById: true } })
    : null;
  if (!award) return userError('AWARD_NOT_FOUND', 'id');
  if (award.recordedById === viewer.id || viewer.role === 'STAFF' || viewer.role === 'ADMIN') return null;
  return userError('AWARD_RECORDER_ONLY', 'id');
}

/** Records an awarded contract (validated by awardInputSchema). */
export async function recordAward(db: Db, viewer: Viewer, award: AwardData): Promise<ServiceResult> {
  const row = await awardRow(db, award);
  if (!row.ok) return row;
  const created = await db.contractAward.create({
    data: { ...row.data, recordedById: viewer.id },
    select: { id: true },
  });
  return { ok: true, id: created.id };
}

export async function updateAward(
  db: Db,
  viewer: Viewer,
  id: string,
  award: AwardData,
): Promise<ServiceResult> {
  const refused = await refusal(db, viewer, id);
  if (refused) return rejected(refused);
  const row = await awardRow(db, award);
  if (!row.ok) return row;
  await db.contractAward.update({ where: { id }, data: row.data });
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

const WHOLE_CITY: Record<Locale, string> = {
  CA: 'Tota la ciutat',
  ES: 'Toda la ciudad',
  EN: 'The whole city',
};

/** A breakdown's name: a CPV division's label, a district's name, or the whole city (code ""). */
export function breakdownLabel(
  kind: 'district' | 'sector',
  code: string,
  locale: Locale,
  reference: Reference,
): string {
  if (kind === 'sector') return cpvLabel(code.padEnd(8, '0'), locale);
  if (code === '') return WHOLE_CITY[locale];
  return reference.districts.get(code)?.name ?? code;
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
