import type {
  Certification,
  Db,
  District,
  LegalForm,
  Neighbourhood,
  Sector,
  SocialClause,
} from '@proximitat/db';

/**
 * The reference data (districts, neighbourhoods, sectors, legal forms, certifications, social
 * clauses) held in
 * memory once per database client: it changes only when the seed runs, and reading it from here
 * saves a query per relation on every company that lists it.
 */
export interface Reference {
  districts: Map<string, District>;
  neighbourhoods: Map<string, Neighbourhood>;
  sectors: Map<string, Sector>;
  legalForms: Map<string, LegalForm>;
  certifications: Map<string, Certification>;
  socialClauses: Map<string, SocialClause>;
}

const cache = new WeakMap<Db, Promise<Reference>>();

export function loadReference(db: Db): Promise<Reference> {
  let reference = cache.get(db);
  if (!reference) {
    const byCode = <T extends { code: string }>(rows: T[]) => new Map(rows.map((row) => [row.code, row]));
    reference = Promise.all([
      // The one read of the boundaries (createDb leaves them out of every other query).
      db.district.findMany({ omit: { boundary: false }, orderBy: { code: 'asc' } }),
      db.neighbourhood.findMany({ omit: { boundary: false }, orderBy: { code: 'asc' } }),
      db.sector.findMany({ orderBy: { position: 'asc' } }),
      db.legalForm.findMany({ orderBy: { position: 'asc' } }),
      db.certification.findMany({ orderBy: { position: 'asc' } }),
      db.socialClause.findMany({ orderBy: { position: 'asc' } }),
    ])
      .then(([districts, neighbourhoods, sectors, legalForms, certifications, socialClauses]) => ({
        districts: byCode(districts),
        neighbourhoods: byCode(neighbourhoods),
        sectors: byCode(sectors),
        legalForms: byCode(legalForms),
        certifications: byCode(certifications),
        socialClauses: byCode(socialClauses),
      }))
      .catch((error: unknown) => {
        cache.delete(db);
        throw error;
      });
    cache.set(db, reference);
  }
  return reference;
}
