import type { CompanyStatus, Db, ValueSource } from '@proximitat/db';
import { type Locale, messageOf, type UserError, userError } from '../../errors.ts';
import { CSV_BOM, csvRow } from '../common/csv.ts';
import { type CompanyProfile, type ValidationContext, validateCompanyProfile } from './company-profile.ts';
import { type UpsertCounts, upsertCompanies } from './company-write.ts';
import type { ImportFile } from './directory-file.ts';
import { columnOfField, type ImportRecord, readImportRecord } from './import-row.ts';
import { loadValidationContext } from './validation-context.ts';

export interface RejectedRow {
  row: number;
  record: ImportRecord;
  /** What is wrong, each with its column as the field (null: the row as a whole). */
  problems: UserError[];
}

export interface ValidatedImport {
  valid: { row: number; profile: CompanyProfile }[];
  rejected: RejectedRow[];
}

/** Validates every row before anything is written; a tax ID repeated in the file rejects the later rows. */
export function validateImport(file: ImportFile, context: ValidationContext): ValidatedImport {
  const valid: ValidatedImport['valid'] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOfTaxId = new Map<string, number>();
  for (const { row, record, problem } of file.rows) {
    if (problem) {
      rejected.push({ row, record, problems: [problem] });
      continue;
    }
    const reading = readImportRecord(record);
    const problems: UserError[] = [...reading.errors];
    const badColumns = new Set(problems.map((problem) => problem.field));
    const result = validateCompanyProfile(reading.draft, context);
    if (!result.ok) {
      for (const error of result.errors) {
        const column = columnOfField(error.field ?? '');
        if (!badColumns.has(column)) problems.push({ ...error, field: column });
      }
    } else {
      const first = firstRowOfTaxId.get(result.profile.taxId);
      if (first !== undefined) {
        problems.push(
          userError('IMPORT_TAX_ID_REPEATED', 'tax_id', { taxId: result.profile.taxId, row: first }),
        );
      } else firstRowOfTaxId.set(result.profile.taxId, row);
    }
    if (problems.length > 0 || !result.ok) rejected.push({ row, record, problems });
    else valid.push({ row, profile: result.profile });
  }
  return { valid, rejected };
}

const ROW = { CA: 'fila', ES: 'fila', EN: 'row' } as const satisfies Record<Locale, string>;

/** Each problem of the rejected rows on a line ("fila 3, tax_id: …"), in the language given. */
export function describeProblems(rejected: RejectedRow[], locale: Locale = 'CA'): string[] {
  return rejected.flatMap(({ row, problems }) =>
    problems.map((problem) => {
      const message = messageOf(locale, problem.reason, problem.params);
      return problem.field
        ? `${ROW[locale]} ${row}, ${problem.field}: ${message}`
        : `${ROW[locale]} ${row}: ${message}`;
    }),
  );
}

export interface ImportOptions {
  /** Import the valid rows and report the others, instead of writing nothing. */
  skipInvalid?: boolean;
  /** Status of the companies the import creates (default PUBLISHED). */
  status?: CompanyStatus;
  source?: ValueSource;
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  /** Called after validation, before anything is written. */
  onValidated?: (validated: ValidatedImport) => void;
}

export interface ImportSummary extends UpsertCounts {
  rows: number;
  rejected: number;
  /** False when invalid rows stopped the import: nothing was written. */
  written: boolean;
}

export interface ImportResult {
  summary: ImportSummary;
  rejected: RejectedRow[];
}

/**
 * Imports a directory file: every row is validated first; then, unless rows were rejected without
 * --skip-invalid, all valid rows are upserted by tax ID in batches inside one transaction, so a
 * failure half-way leaves the directory as it was.
 */
export async function importDirectory(
  db: Db,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const context = await loadValidationContext(db, now);
  const validated = validateImport(file, context);
  options.onValidated?.(validated);
  const summary: ImportSummary = {
    rows: file.rows.length,
    rejected: validated.rejected.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    written: false,
  };
  if (validated.rejected.length > 0 && !options.skipInvalid) return { summary, rejected: validated.rejected };

  const counts = await writeProfiles(
    db,
    validated.valid.map((entry) => entry.profile),
    { source: options.source ?? 'IMPORT', status: options.status ?? 'PUBLISHED', now },
    options.batchSize ?? 1000,
    options.onProgress,
  );
  return { summary: { ...summary, ...counts, written: true }, rejected: validated.rejected };
}

export async function writeProfiles(
  db: Db,
  profiles: CompanyProfile[],
  upsert: { source: ValueSource; status: CompanyStatus; now: Date },
  batchSize = 1000,
  onProgress?: (done: number, total: number) => void,
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < profiles.length; start += batchSize) {
        const batch = await upsertCompanies(tx, profiles.slice(start, start + batchSize), upsert);
        counts.created += batch.created;
        counts.updated += batch.updated;
        counts.unchanged += batch.unchanged;
        onProgress?.(Math.min(profiles.length, start + batchSize), profiles.length);
      }
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  return counts;
}

/**
 * The rejected rows with their problems (in the language given), in the input's own format, for
 * fixing and importing again.
 */
export function rejectedRowsFile(file: ImportFile, rejected: RejectedRow[], locale: Locale = 'CA'): string {
  const reason = (entry: RejectedRow) =>
    entry.problems
      .map((problem) => {
        const message = messageOf(locale, problem.reason, problem.params);
        return problem.field ? `${problem.field}: ${message}` : message;
      })
      .join(' | ');
  if (file.format === 'json') {
    return `${JSON.stringify(
      rejected.map((entry) => ({ row: entry.row, errors: reason(entry), ...entry.record })),
      null,
      2,
    )}\n`;
  }
  const header = ['row', 'errors', ...file.columns];
  const lines = rejected.map((entry) =>
    csvRow(
      [String(entry.row), reason(entry), ...file.columns.map((column) => String(entry.record[column] ?? ''))],
      file.delimiter,
      false,
    ),
  );
  return CSV_BOM + [csvRow(header, file.delimiter, false), ...lines].join('');
}
