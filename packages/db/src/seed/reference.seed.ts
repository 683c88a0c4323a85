import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { prismaDir } from '../migrate/migrations.ts';
import { readCsv } from './csv.ts';

const dataDir = join(prismaDir, 'data');

interface Feature {
  properties: { DISTRICTE: string; BARRI: string; NOM: string };
  geometry: Prisma.InputJsonValue;
}

async function boundaries(
  file: string,
  key: 'DISTRICTE' | 'BARRI',
): Promise<Map<string, Prisma.InputJsonValue>> {
  const collection = JSON.parse(await readFile(join(dataDir, file), 'utf8')) as { features: Feature[] };
  return new Map(collection.features.map((feature) => [feature.properties[key], feature.geometry]));
}

function required<T>(map: Map<string, T>, code: string, what: string): T {
  const value = map.get(code);
  if (value === undefined) throw new Error(`reference data: no ${what} boundary for code ${code}`);
  return value;
}

export interface ReferenceCounts {
  districts: number;
  neighbourhoods: number;
  sectors: number;
  legalForms: number;
  certifications: number;
  socialClauses: number;
}

/** Loads districts, neighbourhoods, sectors, legal forms, certifications and social clauses; running it again changes nothing. */
export async function seedReferenceData(db: Db): Promise<ReferenceCounts> {
  const [places, sectors, legalForms, certifications, socialClauses, districtShapes, neighbourhoodShapes] =
    await Promise.all([
      readCsv(join(dataDir, 'barcelona-neighbourhoods.csv')),
      readCsv(join(dataDir, 'sectors.csv')),
      readCsv(join(dataDir, 'legal-forms.csv')),
      readCsv(join(dataDir, 'certifications.csv')),
      readCsv(join(dataDir, 'social-clauses.csv')),
      boundaries('barcelona-districts.geojson', 'DISTRICTE'),
      boundaries('barcelona-neighbourhoods.geojson', 'BARRI'),
    ]);

  const districts = new Map<string, { name: string; population: number }>();
  for (const row of places) {
    const code = row.district_code ?? '';
    const district = districts.get(code) ?? { name: row.district_name ?? '', population: 0 };
    district.population += Number(row.population_2019);
    districts.set(code, district);
  }

  await db.$transaction(
    async (tx) => {
      for (const [code, district] of districts) {
        const data = { ...district, boundary: required(districtShapes, code, 'district') };
        await tx.district.upsert({ where: { code }, create: { code, ...data }, update: data });
      }
      for (const row of places) {
        const code = row.neighbourhood_code ?? '';
        const data = {
          name: row.neighbourhood_name ?? '',
          population: Number(row.population_2019),
          districtCode: row.district_code ?? '',
          boundary: required(neighbourhoodShapes, code, 'neighbourhood'),
        };
        await tx.neighbourhood.upsert({ where: { code }, create: { code, ...data }, update: data });
      }
      for (const [position, row] of sectors.entries()) {
        const code = row.code ?? '';
        const data = {
          nameCa: row.name_ca ?? '',
          nameEs: row.name_es ?? '',
          nameEn: row.name_en ?? '',
          position,
        };
        await tx.sector.upsert({ where: { code }, create: { code, ...data }, update: data });
      }
      for (const [position, row] of legalForms.entries()) {
        const code = row.code ?? '';
        const data = {
          nameCa: row.name_ca ?? '',
          nameEs: row.name_es ?? '',
          nameEn: row.name_en ?? '',
          family: row.family ?? '',
          iso20275Elf: row.iso20275_elf || null,
          position,
        };
        await tx.legalForm.upsert({ where: { code }, create: { code, ...data }, update: data });
      }
      for (const [position, row] of certifications.entries()) {
        const code = row.code ?? '';
        const data = {
          nameCa: row.name_ca ?? '',
          nameEs: row.name_es ?? '',
          nameEn: row.name_en ?? '',
          issuer: row.issuer ?? '',
          position,
        };
        await tx.certification.upsert({ where: { code }, create: { code, ...data }, update: data });
      }
      for (const [position, row] of socialClauses.entries()) {
        const code = row.code ?? '';
        const data = {
          nameCa: row.name_ca ?? '',
          nameEs: row.name_es ?? '',
          nameEn: row.name_en ?? '',
          descriptionCa: row.description_ca ?? '',
          descriptionEs: row.description_es ?? '',
          descriptionEn: row.description_en ?? '',
          legalBasis: row.legal_basis ?? '',
          position,
        };
        await tx.socialClause.upsert({ where: { code }, create: { code, ...data }, update: data });
      }
    },
    { timeout: 60_000 },
  );

  return {
    districts: districts.size,
    neighbourhoods: places.length,
    sectors: sectors.length,
    legalForms: legalForms.length,
    certifications: certifications.length,
    socialClauses: socialClauses.length,
  };
}
