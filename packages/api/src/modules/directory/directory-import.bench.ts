import { randomUUID } from 'node:crypto';
import { seedReferenceData } from '@proximitat/db';
import pg from 'pg';
import type { Scenario } from '../../bench/bench.ts';
import { MB } from '../../bench/bench.ts';
import { sampleCsv } from '../../sample-data/sample-import.ts';
import { parseCsv } from './directory-file.ts';
import { importDirectory, validateImport } from './directory-import.service.ts';
import { loadPlaces } from './places.ts';
import { loadValidationContext } from './validation-context.ts';

/**
 * Imports the run's number of generated companies from CSV (parse, validate, upsert by tax ID) and
 * compares the rate with a baseline measured in the same run: a plain batched INSERT of the same,
 * already validated rows through pg, with no checks.
 */
async function run({ scale, freshDatabase, progress, step, figure }: Parameters<Scenario['run']>[0]) {
  const count = scale;
  const baselineDb = await freshDatabase();
  const importDb = await freshDatabase();
  await seedReferenceData(baselineDb.db);
  await seedReferenceData(importDb.db);

  const places = await loadPlaces(importDb.db);
  const csv = await step(`generating ${count} sample rows`, async () =>
    sampleCsv(places, count, 'bench', new Date().getFullYear()),
  );
  const context = await loadValidationContext(baselineDb.db);
  const { valid } = validateImport(parseCsv(csv), context);
  if (valid.length !== count) throw new Error(`only ${valid.length} of ${count} generated rows are valid`);
  const profiles = valid.map((entry) => entry.profile);

  const baselineSeconds = await step('baseline: batched INSERT through pg', async () => {
    const client = new pg.Client({ connectionString: baselineDb.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      const started = performance.now();
      for (let start = 0; start < profiles.length; start += 1000) {
        const batch = profiles.slice(start, start + 1000);
        const values: unknown[] = [];
        const tuples = batch.map((profile, index) => {
          const id = randomUUID();
          values.push(
            id,
            `${start + index}-${profile.taxId.toLowerCase()}`,
            profile.name,
            profile.taxId,
            profile.legalFormCode,
            profile.cpvCodes,
            profile.districtCode,
            profile.neighbourhoodCode,
            profile.latitude,
            profile.longitude,
            profile.descriptionCa,
          );
          const at = index * 11;
          return `(${Array.from({ length: 11 }, (_, i) => `$${at + i + 1}`).join(',')}, 'PUBLISHED', now())`;
        });
        await client.query(
          `INSERT INTO "Company" (id, slug, name, "taxId", "legalFormCode", "cpvCodes", "districtCode",
             "neighbourhoodCode", latitude, longitude, "descriptionCa", status, "updatedAt") VALUES ${tuples.join(',')}`,
          values,
        );
        const sectors = batch.flatMap((profile, index) =>
          profile.sectorCodes.map((code) => [values[index * 11] as string, code]),
        );
        await client.query(
          `INSERT INTO "CompanySector" ("companyId", "sectorCode") VALUES ${sectors
            .map((_, i) => `($${i * 2 + 1}, $${i * 2 + 2})`)
            .join(',')}`,
          sectors.flat(),
        );
      }
      await client.query('COMMIT');
      return (performance.now() - started) / 1000;
    } finally {
      await client.end();
    }
  });

  const heapBefore = process.memoryUsage().heapUsed;
  const measured = await step('directory:import of the CSV', async () => {
    const started = performance.now();
    const result = await importDirectory(importDb.db, parseCsv(csv), {
      onProgress: (done, total) => progress(done, total),
    });
    if (result.summary.created !== count) throw new Error(`created ${result.summary.created} of ${count}`);
    return (performance.now() - started) / 1000;
  });
  const heapAfter = process.memoryUsage().heapUsed;

  const again = await step('re-import of the same CSV (nothing changes)', async () => {
    const started = performance.now();
    const result = await importDirectory(importDb.db, parseCsv(csv));
    if (result.summary.unchanged !== count)
      throw new Error(`unchanged ${result.summary.unchanged} of ${count}`);
    return (performance.now() - started) / 1000;
  });

  const baseline = { label: 'batched INSERT through pg', value: count / baselineSeconds };
  figure({ key: 'rate', label: 'directory:import rate', value: count / measured, unit: 'rows/s', baseline });
  figure({
    key: 'again',
    label: 're-import, every row unchanged',
    value: count / again,
    unit: 'rows/s',
    baseline,
  });
  figure({
    key: 'heap',
    label: 'heap growth during the import',
    value: (heapAfter - heapBefore) / MB,
    unit: 'MB',
  });
  await Promise.all([baselineDb.drop(), importDb.drop()]);
}

export const scenarios: Scenario[] = [
  {
    name: 'directory-import',
    summary:
      'directory:import of generated companies from CSV (parse, validate, upsert, audit), against a plain batched INSERT of the same rows through pg',
    run,
  },
];
