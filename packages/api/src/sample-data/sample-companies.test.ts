import { describe, expect, it } from 'vitest';
import { parseCsv } from '../modules/directory/directory-file.ts';
import { validateImport } from '../modules/directory/directory-import.service.ts';
import { referenceContext } from './reference-places.ts';
import { ofPlace, sampleCompanies } from './sample-companies.ts';
import { sampleCsv, sampleImportFile } from './sample-import.ts';

const context = referenceContext(2026);

describe('sample companies', () => {
  it('are all valid import rows, with unique tax IDs', () => {
    const file = sampleImportFile(context.places, 3000, 'test', 2026);
    const { valid, rejected } = validateImport(file, context);
    expect(rejected.map((row) => row.problems)).toEqual([]);
    expect(valid).toHaveLength(3000);
    expect(new Set(valid.map((row) => row.profile.taxId)).size).toBe(3000);
  });

  it('are the same for the same seed and differ for another', () => {
    const first = [...sampleCompanies({ count: 50, seed: 'a', places: context.places, currentYear: 2026 })];
    const again = [...sampleCompanies({ count: 50, seed: 'a', places: context.places, currentYear: 2026 })];
    const other = [...sampleCompanies({ count: 50, seed: 'b', places: context.places, currentYear: 2026 })];
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('look like the directory: located in their neighbourhood, plausible legal forms and registrations', () => {
    const { valid } = validateImport(sampleImportFile(context.places, 2000, 'shape', 2026), context);
    const profiles = valid.map((row) => row.profile);
    const share = (test: (p: (typeof profiles)[number]) => boolean) =>
      profiles.filter(test).length / profiles.length;
    expect(share((p) => p.legalFormCode.startsWith('COOP'))).toBeGreaterThan(0.35);
    expect(share((p) => p.legalFormCode === 'ASSOCIACIO')).toBeGreaterThan(0.15);
    expect(share((p) => p.districtCode !== null)).toBeGreaterThan(0.9);
    expect(share((p) => p.locationApproximate)).toBeGreaterThan(0.05);
    expect(share((p) => p.insertionCompany || p.specialEmploymentCentre)).toBeGreaterThan(0.02);
    expect(share((p) => p.cpvCodes.length > 0)).toBe(1);
    // Every district gets companies, and a location always falls in its own neighbourhood.
    expect(new Set(profiles.map((p) => p.districtCode)).size).toBe(11);
    for (const profile of profiles.filter((p) => p.latitude !== null && p.districtCode)) {
      expect(context.places.locate(profile.latitude ?? 0, profile.longitude ?? 0)?.code).toBe(
        profile.neighbourhoodCode,
      );
    }
  });

  it('round-trip through the CSV layout of the import', () => {
    const csv = sampleCsv(context.places, 200, 'csv', 2026);
    expect(csv.startsWith('\uFEFFtax_id;name;')).toBe(true);
    const { valid, rejected } = validateImport(parseCsv(csv), context);
    expect(rejected).toEqual([]);
    expect(valid).toHaveLength(200);
  });

  it('write place names the Catalan way', () => {
    expect(ofPlace('el Raval')).toBe('del Raval');
    expect(ofPlace('les Corts')).toBe('de les Corts');
    expect(ofPlace("l'Antiga Esquerra de l'Eixample")).toBe("de l'Antiga Esquerra de l'Eixample");
    expect(ofPlace('Horta')).toBe("d'Horta");
    expect(ofPlace('Sant Antoni')).toBe('de Sant Antoni');
  });
});
