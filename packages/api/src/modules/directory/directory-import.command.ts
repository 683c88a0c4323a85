import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CompanyStatus, Locale, openMigratedDb } from '@proximitat/db';
import { CommandError, createProgress, runCommand } from '@proximitat/runtime';
import { ImportFileError, readImportFile } from './directory-file.ts';
import { describeProblems, importDirectory, rejectedRowsFile } from './directory-import.service.ts';

const USAGE =
  'usage: pnpm directory:import <file.csv|file.json> [--skip-invalid] [--rejected <file>] ' +
  '[--status PUBLISHED|PENDING_REVIEW|REJECTED|ARCHIVED] [--locale ca|es|en]';
const STATUSES: CompanyStatus[] = ['PUBLISHED', 'PENDING_REVIEW', 'REJECTED', 'ARCHIVED'];
const LOCALES = Object.values(Locale);
// pnpm runs the script inside packages/api; a relative path means the caller's directory.
const callerDir = process.env.INIT_CWD ?? process.cwd();

function options() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'skip-invalid': { type: 'boolean', default: false },
        rejected: { type: 'string' },
        status: { type: 'string', default: 'PUBLISHED' },
        // The language of the rejected rows' problems (on stderr and in the rejected rows file).
        locale: { type: 'string', default: 'ca' },
      },
    });
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${USAGE}`);
  }
}

await runCommand('directory:import', async ({ services }) => {
  const { values, positionals } = options();
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new CommandError(USAGE);
  const status = values.status.toUpperCase() as CompanyStatus;
  if (!STATUSES.includes(status)) throw new CommandError(`--status must be one of ${STATUSES.join(', ')}`);
  const locale = values.locale.toUpperCase() as Locale;
  if (!LOCALES.includes(locale)) {
    throw new CommandError(`--locale must be one of ${LOCALES.map((l) => l.toLowerCase()).join(', ')}`);
  }
  const path = resolve(callerDir, file);

  const started = Date.now();
  const parsed = await readImportFile(path).catch((error: unknown) => {
    if (error instanceof ImportFileError) throw new CommandError(`${file}: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CommandError(`no such file: ${file}`);
    throw error;
  });
  process.stderr.write(`${file}: ${parsed.rows.length} rows (${parsed.format.toUpperCase()}), validating…\n`);

  const db = await openMigratedDb(services.databaseUrl);
  try {
    let progress: ReturnType<typeof createProgress> | undefined;
    const result = await importDirectory(db, parsed, {
      skipInvalid: values['skip-invalid'],
      status,
      onValidated: ({ valid }) => {
        if (valid.length > 0) progress = createProgress('writing', valid.length);
      },
      onProgress: (done) => progress?.tick(done),
    });
    const { summary, rejected } = result;
    if (summary.written) progress?.done();

    const problems = describeProblems(rejected, locale);
    for (const problem of problems) console.error(problem);
    if (!summary.written) {
      console.error(
        `${rejected.length} of ${summary.rows} rows are invalid: nothing was imported. ` +
          'Fix them, or import the valid rows with --skip-invalid.',
      );
      return 1;
    }
    if (rejected.length > 0) {
      const rejectedPath = resolve(callerDir, values.rejected ?? `${file}.rejected.${parsed.format}`);
      await writeFile(rejectedPath, rejectedRowsFile(parsed, rejected, locale));
      console.error(`${rejected.length} rejected rows with their reasons: ${rejectedPath}`);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}, ` +
        `rejected ${summary.rejected} (${summary.rows} rows in ${seconds.toFixed(1)} s, ` +
        `${Math.round(summary.rows / Math.max(seconds, 0.001))} rows/s)`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
});
