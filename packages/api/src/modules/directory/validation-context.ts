import type { Db } from '@proximitat/db';
import type { ValidationContext } from './company-profile.ts';
import { loadPlaces } from './places.ts';

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
