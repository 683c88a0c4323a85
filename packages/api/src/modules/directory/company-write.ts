import { randomUUID } from 'node:crypto';
import type { CompanyStatus, Prisma, ValueSource } from '@proximitat/db';
import { enqueueCompanies } from '@proximitat/search';
import { type CompanyProfile, PROFILE_FIELDS, type ProfileField } from './company-profile.ts';
import { fallbackSlug, slugify } from './slug.ts';

type Tx = Prisma.TransactionClient;

export type FieldSources = Partial<Record<ProfileField, ValueSource>>;

export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface UpsertOptions {
  source: ValueSource;
  /** Status of companies created by this write; existing companies keep theirs. */
  status: CompanyStatus;
  now: Date;
  /** Who made the change, for the audit log (null for imports run from the command line). */
  actorId?: string | null;
}

export const existingSelect = {
  id: true,
  name: true,
  legalName: true,
  taxId: true,
  legalFormCode: true,
  cpvCodes: true,
  socialClauses: true,
  street: true,
  postalCode: true,
  city: true,
  districtCode: true,
  neighbourhoodCode: true,
  latitude: true,
  longitude: true,
  locationApproximate: true,
  website: true,
  email: true,
  phone: true,
  employees: true,
  foundedYear: true,
  descriptionCa: true,
  descriptionEs: true,
  descriptionEn: true,
  insertionCompany: true,
  specialEmploymentCentre: true,
  fieldSources: true,
  sectors: { select: { sectorCode: true }, orderBy: { sectorCode: 'asc' } },
  certifications: { select: { certificationCode: true }, orderBy: { certificationCode: 'asc' } },
} satisfies Prisma.CompanySelect;

type Existing = Prisma.CompanyGetPayload<{ select: typeof existingSelect }>;

export function currentProfile(row: Existing): CompanyProfile {
  const { sectors, certifications, fieldSources: _sources, id: _id, ...columns } = row;
  return {
    ...columns,
    sectorCodes: sectors.map((sector) => sector.sectorCode),
    certificationCodes: certifications.map((certification) => certification.certificationCode),
  };
}

function companyColumns(profile: CompanyProfile) {
  const { sectorCodes: _sectors, certificationCodes: _certifications, ...columns } = profile;
  return columns;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/**
 * The profile to store when `incoming` arrives from `source`: a field whose current value was set
 * by someone with more say (the company itself or staff, over an import) keeps that value.
 */
export function mergeProfile(
  current: CompanyProfile,
  sources: FieldSources,
  incoming: CompanyProfile,
  source: ValueSource,
): { profile: CompanyProfile; sources: FieldSources; changed: ProfileField[] } {
  const profile = { ...current };
  const nextSources: FieldSources = { ...sources };
  const changed: ProfileField[] = [];
  for (const [field, keys] of Object.entries(PROFILE_FIELDS) as [
    ProfileField,
    readonly (keyof CompanyProfile)[],
  ][]) {
    const owner = sources[field];
    if (source === 'IMPORT' && owner !== undefined && owner !== 'IMPORT') continue;
    const differs = keys.some((key) => !sameValue(current[key], incoming[key]));
    if (differs) {
      for (const key of keys) (profile as Record<string, unknown>)[key] = incoming[key];
      changed.push(field);
    }
    if (differs || owner === undefined) nextSources[field] = source;
  }
  return { profile, sources: nextSources, changed };
}

function sameSources(a: FieldSources, b: FieldSources): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<ProfileField>;
  return [...keys].every((key) => a[key] === b[key]);
}

function allSources(source: ValueSource): FieldSources {
  return Object.fromEntries(Object.keys(PROFILE_FIELDS).map((field) => [field, source]));
}

/**
 * Creates or updates companies by tax ID inside the caller's transaction. Unchanged companies are
 * not touched (their updatedAt stays), so importing the same data twice changes nothing.
 */
export async function upsertCompanies(
  tx: Tx,
  profiles: CompanyProfile[],
  options: UpsertOptions,
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  if (profiles.length === 0) return counts;
  const existing = await tx.company.findMany({
    where: { taxId: { in: profiles.map((profile) => profile.taxId) } },
    select: existingSelect,
  });
  const byTaxId = new Map(existing.map((row) => [row.taxId, row]));
  const fresh = profiles.filter((profile) => !byTaxId.has(profile.taxId));

  if (fresh.length > 0) {
    const slugs = await assignSlugs(tx, fresh);
    const ids = await insertCompanies(tx, fresh, slugs, options);
    await enqueueCompanies(tx, ids);
    await auditMany(
      tx,
      options,
      'company.create',
      ids.map((id, index) => ({
        id,
        changes: {
          source: { before: null, after: options.source },
          name: { before: null, after: fresh[index]?.name },
        },
      })),
    );
    counts.created = fresh.length;
  }

  const changedIds: string[] = [];
  const changedAudit: { id: string; changes: Record<string, { before: unknown; after: unknown }> }[] = [];
  for (const incoming of profiles) {
    const row = byTaxId.get(incoming.taxId);
    if (!row) continue;
    const merged = mergeProfile(
      currentProfile(row),
      row.fieldSources as FieldSources,
      incoming,
      options.source,
    );
    const sourcesChanged = !sameSources(merged.sources, row.fieldSources as FieldSources);
    if (merged.changed.length === 0 && !sourcesChanged) {
      counts.unchanged += 1;
      continue;
    }
    await writeChanges(tx, row.id, merged.profile, merged.sources, merged.changed, options);
    if (merged.changed.length > 0) {
      changedIds.push(row.id);
      const before = currentProfile(row);
      const changes: Record<string, { before: unknown; after: unknown }> = {
        source: { before: null, after: options.source },
      };
      for (const field of merged.changed) {
        for (const key of PROFILE_FIELDS[field])
          changes[key] = { before: before[key], after: merged.profile[key] };
      }
      changedAudit.push({ id: row.id, changes });
      counts.updated += 1;
    } else counts.unchanged += 1;
  }
  await enqueueCompanies(tx, changedIds);
  await auditMany(tx, options, 'company.update', changedAudit);
  return counts;
}

async function writeChanges(
  tx: Tx,
  companyId: string,
  profile: CompanyProfile,
  sources: FieldSources,
  changed: ProfileField[],
  options: UpsertOptions,
): Promise<void> {
  const { taxId: _taxId, ...columns } = companyColumns(profile);
  await tx.company.update({
    where: { id: companyId },
    data: { ...columns, fieldSources: sources, ...(changed.length > 0 ? { updatedAt: options.now } : {}) },
  });
  if (changed.includes('sectors')) {
    await tx.companySector.deleteMany({ where: { companyId } });
    await tx.companySector.createMany({
      data: profile.sectorCodes.map((sectorCode) => ({ companyId, sectorCode })),
    });
  }
  if (changed.includes('certifications')) {
    // Certifications that stay keep their verification.
    await tx.companyCertification.deleteMany({
      where: { companyId, certificationCode: { notIn: profile.certificationCodes } },
    });
    await tx.companyCertification.createMany({
      data: profile.certificationCodes.map((certificationCode) => ({
        companyId,
        certificationCode,
        source: options.source,
      })),
      skipDuplicates: true,
    });
  }
}

/** A slug per new company: its name's, or the name's plus its tax ID when that is taken. */
async function assignSlugs(tx: Tx, profiles: CompanyProfile[]): Promise<string[]> {
  const wanted = profiles.map((profile) => slugify(profile.name));
  const taken = new Set(
    (await tx.company.findMany({ where: { slug: { in: wanted } }, select: { slug: true } })).map(
      (row) => row.slug,
    ),
  );
  return profiles.map((profile, index) => {
    const slug = wanted[index] ?? 'empresa';
    const chosen = taken.has(slug) ? fallbackSlug(profile.name, profile.taxId) : slug;
    taken.add(chosen);
    return chosen;
  });
}

/**
 * New companies in three statements per batch: column arrays unnested by PostgreSQL. Prisma's
 * createMany builds one parameter per value, which made it the import's bottleneck.
 */
async function insertCompanies(
  tx: Tx,
  profiles: CompanyProfile[],
  slugs: string[],
  options: UpsertOptions,
): Promise<string[]> {
  const ids = profiles.map(() => randomUUID());
  const column = <T>(pick: (profile: CompanyProfile) => T) => profiles.map(pick);
  const sources = JSON.stringify(allSources(options.source));
  await tx.$executeRawUnsafe(
    `INSERT INTO "Company" (id, slug, name, "legalName", "taxId", "legalFormCode", website, email, phone,
       employees, "foundedYear", "descriptionCa", "descriptionEs", "descriptionEn", street, "postalCode", city,
       "districtCode", "neighbourhoodCode", latitude, longitude, "locationApproximate", "cpvCodes",
       "socialClauses", "insertionCompany", "specialEmploymentCentre", status, "fieldSources", "createdAt", "updatedAt", "publishedAt")
     SELECT t.id, t.slug, t.name, t.legal_name, t.tax_id, t.legal_form, t.website, t.email, t.phone,
       t.employees, t.founded_year, t.description_ca, t.description_es, t.description_en, t.street, t.postal_code,
       t.city, t.district_code, t.neighbourhood_code, t.latitude, t.longitude, t.approximate,
       string_to_array(t.cpv, ';'), string_to_array(t.clauses, ';'), t.insertion, t.special_employment,
       $27::"CompanyStatus", $28::jsonb, ($29::timestamptz AT TIME ZONE 'UTC'),
       ($29::timestamptz AT TIME ZONE 'UTC'), ($30::timestamptz AT TIME ZONE 'UTC')
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
       $17::text[], $18::text[], $19::text[], $20::float8[], $21::float8[], $22::bool[], $23::text[], $24::bool[],
       $25::bool[], $26::text[])
       AS t(id, slug, name, legal_name, tax_id, legal_form, website, email, phone, employees, founded_year,
         description_ca, description_es, description_en, street, postal_code, city, district_code,
         neighbourhood_code, latitude, longitude, approximate, cpv, insertion, special_employment, clauses)`,
    ids,
    slugs,
    column((p) => p.name),
    column((p) => p.legalName),
    column((p) => p.taxId),
    column((p) => p.legalFormCode),
    column((p) => p.website),
    column((p) => p.email),
    column((p) => p.phone),
    column((p) => p.employees),
    column((p) => p.foundedYear),
    column((p) => p.descriptionCa),
    column((p) => p.descriptionEs),
    column((p) => p.descriptionEn),
    column((p) => p.street),
    column((p) => p.postalCode),
    column((p) => p.city),
    column((p) => p.districtCode),
    column((p) => p.neighbourhoodCode),
    column((p) => p.latitude),
    column((p) => p.longitude),
    column((p) => p.locationApproximate),
    column((p) => p.cpvCodes.join(';')),
    column((p) => p.insertionCompany),
    column((p) => p.specialEmploymentCentre),
    column((p) => p.socialClauses.join(';')),
    options.status,
    sources,
    // Prisma keeps DateTime as UTC timestamps without a zone.
    options.now.toISOString(),
    options.status === 'PUBLISHED' ? options.now.toISOString() : null,
  );
  const sectorPairs = profiles.flatMap((profile, index) =>
    profile.sectorCodes.map((code) => [ids[index], code]),
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO "CompanySector" ("companyId", "sectorCode") SELECT * FROM unnest($1::uuid[], $2::text[])`,
    sectorPairs.map(([id]) => id),
    sectorPairs.map(([, code]) => code),
  );
  const certificationPairs = profiles.flatMap((profile, index) =>
    profile.certificationCodes.map((code) => [ids[index], code]),
  );
  if (certificationPairs.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "CompanyCertification" ("companyId", "certificationCode", source)
       SELECT t.id, t.code, $3::"ValueSource" FROM unnest($1::uuid[], $2::text[]) AS t(id, code)`,
      certificationPairs.map(([id]) => id),
      certificationPairs.map(([, code]) => code),
      options.source,
    );
  }
  return ids;
}

/** One audit entry per company, written in one statement (imports touch thousands at a time). */
async function auditMany(
  tx: Tx,
  options: UpsertOptions,
  action: string,
  entries: { id: string; changes: Record<string, { before: unknown; after: unknown }> }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "AuditEntry" ("actorId", action, "entityType", "entityId", changes, at)
     SELECT $1::uuid, $2, 'Company', t.id, t.changes::jsonb, ($5::timestamptz AT TIME ZONE 'UTC')
     FROM unnest($3::text[], $4::text[]) AS t(id, changes)`,
    options.actorId ?? null,
    action,
    entries.map((entry) => entry.id),
    entries.map((entry) => JSON.stringify(entry.changes)),
    options.now.toISOString(),
  );
}
