import { readFileSync } from 'node:fs';
import type { ReferenceCodes, ValidationContext } from '../modules/directory/company-profile.ts';
import { buildPlaces, type Places } from '../modules/directory/places.ts';

/** The shipped reference data read straight from prisma/data, for tests of pure logic (no database). */
const dataDir = new URL('../../../../prisma/data/', import.meta.url);

function csv(name: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(new URL(name, dataDir), 'utf8').trim().split('\n');
  const columns = header.split(',');
  // The files quote only names with commas, which the columns used here never are.
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
}

let places: Places | undefined;

export function referencePlaces(): Places {
  if (places) return places;
  const collection = JSON.parse(
    readFileSync(new URL('barcelona-neighbourhoods.geojson', dataDir), 'utf8'),
  ) as {
    features: { properties: { BARRI: string; NOM: string; DISTRICTE: string }; geometry: unknown }[];
  };
  const districts = JSON.parse(readFileSync(new URL('barcelona-districts.geojson', dataDir), 'utf8')) as {
    features: { properties: { DISTRICTE: string; NOM: string } }[];
  };
  places = buildPlaces(
    districts.features.map((feature) => ({
      code: feature.properties.DISTRICTE,
      name: feature.properties.NOM,
    })),
    collection.features.map((feature) => ({
      code: feature.properties.BARRI,
      name: feature.properties.NOM,
      districtCode: feature.properties.DISTRICTE,
      population: 1000,
      boundary: feature.geometry,
    })),
  );
  return places;
}

export function referenceCodes(): ReferenceCodes {
  return {
    legalForms: new Set(csv('legal-forms.csv').map((row) => row.code ?? '')),
    sectors: new Set(csv('sectors.csv').map((row) => row.code ?? '')),
    certifications: new Set(csv('certifications.csv').map((row) => row.code ?? '')),
    socialClauses: new Set(csv('social-clauses.csv').map((row) => row.code ?? '')),
  };
}

export function referenceContext(currentYear = 2026): ValidationContext {
  return { codes: referenceCodes(), places: referencePlaces(), currentYear };
}
