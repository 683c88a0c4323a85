import type { Db, Prisma } from '@proximitat/db';

/**
 * What the documents need from the directory's reference data and this package does not own: the
 * names of CPV codes (the CPV vocabulary is the directory's). The API passes its own.
 */
export interface Vocabulary {
  /** The names a CPV code is searched by ("45210000-2" -> its Spanish and English labels). */
  cpvLabels(code: string): string[];
}

/** A published company as the `companies` index holds it. */
export interface CompanyDocument {
  id: string;
  slug: string;
  name: string;
  legalName: string | null;
  /** Lower case without accents, for sorting by name in any language. */
  nameSort: string;
  legalForm: string;
  sectors: string[];
  /** The sectors' names in Catalan, Spanish and English. */
  sectorNames: string[];
  cpvCodes: string[];
  /** Every level of every CPV code: "45", "452", "4521", ..., "45210000", so any prefix filters. */
  cpvPrefixes: string[];
  /** The CPV divisions (first two digits), for the facet. */
  cpvDivisions: string[];
  cpvLabels: string[];
  descriptions: string[];
  descriptionCa: string | null;
  descriptionEs: string | null;
  descriptionEn: string | null;
  district: string | null;
  neighbourhood: string | null;
  certifications: string[];
  socialClauses: string[];
  reservedContractEligible: boolean;
  homologated: boolean;
  esgScore: number | null;
  /** When the verified assessment stops counting (ms); searches compare it with the time of the search. */
  esgValidUntil: number | null;
  employees: number | null;
  createdAt: number;
  /** updatedAt in milliseconds: search:verify compares it with PostgreSQL to find stale documents. */
  version: number;
  _geo: { lat: number; lng: number } | null;
}

export const documentSelect = {
  id: true,
  slug: true,
  name: true,
  legalName: true,
  status: true,
  legalFormCode: true,
  cpvCodes: true,
  socialClauses: true,
  descriptionCa: true,
  descriptionEs: true,
  descriptionEn: true,
  districtCode: true,
  neighbourhoodCode: true,
  latitude: true,
  longitude: true,
  insertionCompany: true,
  specialEmploymentCentre: true,
  employees: true,
  createdAt: true,
  updatedAt: true,
  sectors: { select: { sector: { select: { code: true, nameCa: true, nameEs: true, nameEn: true } } } },
  certifications: { select: { certificationCode: true } },
  esgAssessments: {
    where: { status: 'VERIFIED' },
    orderBy: { validUntil: 'desc' },
    take: 1,
    select: { score: true, validUntil: true },
  },
} satisfies Prisma.CompanySelect;

export type DocumentSource = Prisma.CompanyGetPayload<{ select: typeof documentSelect }>;

export function sortKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(el|la|els|les|l')\s*/, '');
}

export function cpvPrefixes(codes: string[]): string[] {
  const prefixes = new Set<string>();
  for (const code of codes) {
    const digits = code.slice(0, 8);
    for (let length = 2; length <= 8; length += 1) prefixes.add(digits.slice(0, length));
    prefixes.add(code);
  }
  return [...prefixes].sort();
}

export function companyDocument(
  company: DocumentSource,
  vocabulary: Vocabulary,
  now = new Date(),
): CompanyDocument {
  const latest = company.esgAssessments[0];
  const verified = latest?.validUntil && latest.validUntil > now ? latest : null;
  const descriptions = [company.descriptionCa, company.descriptionEs, company.descriptionEn].filter(
    (text): text is string => Boolean(text),
  );
  return {
    id: company.id,
    slug: company.slug,
    name: company.name,
    legalName: company.legalName,
    nameSort: sortKey(company.name),
    legalForm: company.legalFormCode,
    sectors: company.sectors.map((row) => row.sector.code).sort(),
    sectorNames: company.sectors.flatMap((row) => [row.sector.nameCa, row.sector.nameEs, row.sector.nameEn]),
    cpvCodes: company.cpvCodes,
    cpvPrefixes: cpvPrefixes(company.cpvCodes),
    cpvDivisions: [...new Set(company.cpvCodes.map((code) => code.slice(0, 2)))].sort(),
    cpvLabels: company.cpvCodes.flatMap((code) => vocabulary.cpvLabels(code)),
    descriptions,
    descriptionCa: company.descriptionCa,
    descriptionEs: company.descriptionEs,
    descriptionEn: company.descriptionEn,
    district: company.districtCode,
    neighbourhood: company.neighbourhoodCode,
    certifications: company.certifications.map((row) => row.certificationCode).sort(),
    socialClauses: [...company.socialClauses].sort(),
    reservedContractEligible: company.insertionCompany || company.specialEmploymentCentre,
    homologated: verified !== null,
    esgScore: verified?.score ?? null,
    esgValidUntil: verified?.validUntil?.getTime() ?? null,
    employees: company.employees,
    createdAt: company.createdAt.getTime(),
    version: company.updatedAt.getTime(),
    _geo:
      company.latitude !== null && company.longitude !== null
        ? { lat: company.latitude, lng: company.longitude }
        : null,
  };
}

/** The documents of the given companies that belong in the index (published ones), by id. */
export async function loadDocuments(
  db: Db | Prisma.TransactionClient,
  ids: string[],
  vocabulary: Vocabulary,
): Promise<Map<string, CompanyDocument>> {
  const rows = await db.company.findMany({
    where: { id: { in: ids }, status: 'PUBLISHED' },
    select: documentSelect,
  });
  return new Map(rows.map((row) => [row.id, companyDocument(row, vocabulary)]));
}
