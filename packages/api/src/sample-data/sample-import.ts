import type { Db } from '@proximitat/db';
import { CSV_BOM, csvRow } from '../modules/common/csv.ts';
import type { ImportFile } from '../modules/directory/directory-file.ts';
import {
  type ImportOptions,
  type ImportResult,
  importDirectory,
} from '../modules/directory/directory-import.service.ts';
import { IMPORT_COLUMNS } from '../modules/directory/import-row.ts';
import type { Places } from '../modules/directory/places.ts';
import { sampleCompanies } from './sample-companies.ts';

export const DEFAULT_SAMPLE_SEED = 'proximitat';

/** Sample companies as an import file, ready for importDirectory (the same path as a CSV import). */
export function sampleImportFile(
  places: Places,
  count: number,
  seed: string,
  currentYear: number,
): ImportFile {
  const rows = [...sampleCompanies({ count, seed, places, currentYear })].map((record, index) => ({
    row: index + 2,
    record,
  }));
  return { format: 'csv', delimiter: ';', columns: [...IMPORT_COLUMNS], rows };
}

/** The same rows as a CSV file in the import's own layout (semicolons, UTF-8 with BOM). */
export function sampleCsv(places: Places, count: number, seed: string, currentYear: number): string {
  const parts = [CSV_BOM, csvRow([...IMPORT_COLUMNS], ';', false)];
  for (const record of sampleCompanies({ count, seed, places, currentYear })) {
    parts.push(
      csvRow(
        IMPORT_COLUMNS.map((column) => String(record[column] ?? '')),
        ';',
        false,
      ),
    );
  }
  return parts.join('');
}

export async function importSampleCompanies(
  db: Db,
  places: Places,
  count: number,
  seed: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  return importDirectory(db, sampleImportFile(places, count, seed, now.getFullYear()), { ...options, now });
}
