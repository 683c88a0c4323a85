import type { Db } from '@proximitat/db';
import type { ValidationContext } from './company-profile.ts';
import { loadPlaces } from './places.ts';

const codesCache = new WeakMap<Db, Promise<ValidationContext['codes']>>();

/** The reference codes, loaded once per client (reference data changes only when seeded again). */
export function loadReferenceCodes(db: Db): Promise<ValidationContext['codes']> {
  let codes = codesCache.get(db);
  if (!codes) {
    codes = Promise.all([
      db.legalForm.findMany({ select: { code: true } }),
      db.sector.findMany({ select: { code: true } }),
      db.certification.findMany({ select: { code: true } }),
    ])
      .then(([legalForms, sectors, certifications]) => ({
        legalForms: new Set(legalForms.map((row) => row.code)),
        sectors: new Set(sectors.map((row) => row.code)),
        certifications: new Set(certifications.map((row) => row.code)),
      }))
      .catch((error: unknown) => {
        codesCache.delete(db);
        throw error;
      });
    codesCache.set(db, codes);
  }
  return codes;
}

/** Everything validateCompanyProfile needs from the reference data. */
export async function loadValidationContext(db: Db, now = new Date()): Promise<ValidationContext> {
  const [legalForms, sectors, certifications, places] = await Promise.all([
    db.legalForm.findMany({ select: { code: true } }),
    db.sector.findMany({ select: { code: true } }),
    db.certification.findMany({ select: { code: true } }),
    loadPlaces(db),
  ]);
  return {
    codes: {
      legalForms: new Set(legalForms.map((row) => row.code)),
      sectors: new Set(sectors.map((row) => row.code)),
      certifications: new Set(certifications.map((row) => row.code)),
    },
    places,
    currentYear: now.getFullYear(),
  };
}
