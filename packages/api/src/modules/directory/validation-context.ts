import type { Db } from '@proximitat/db';
import { loadReference } from '../reference/reference-cache.ts';
import type { ValidationContext } from './company-profile.ts';
import { loadPlaces } from './places.ts';

/** The reference codes, from the per-client reference cache. */
export async function loadReferenceCodes(db: Db): Promise<ValidationContext['codes']> {
  const reference = await loadReference(db);
  return {
    legalForms: new Set(reference.legalForms.keys()),
    sectors: new Set(reference.sectors.keys()),
    certifications: new Set(reference.certifications.keys()),
    socialClauses: new Set(reference.socialClauses.keys()),
  };
}

/** Everything validateCompanyProfile needs from the reference data. */
export async function loadValidationContext(db: Db, now = new Date()): Promise<ValidationContext> {
  const [codes, places] = await Promise.all([loadReferenceCodes(db), loadPlaces(db)]);
  return { codes, places, currentYear: now.getFullYear() };
}
