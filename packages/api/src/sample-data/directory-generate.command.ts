import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openMigratedDb } from '@proximitat/db';
import { CommandError, createProgress, runCommand } from '@proximitat/runtime';
import { describeProblems } from '../modules/directory/directory-import.service.ts';
import { loadPlaces } from '../modules/directory/places.ts';
import { DEFAULT_SAMPLE_SEED, importSampleCompanies, sampleCsv } from './sample-import.ts';

const USAGE = 'usage: pnpm directory:generate --count N [--seed S] [--out file.csv]';
const callerDir = process.env.INIT_CWD ?? process.cwd();

function options() {
  try {
    return parseArgs({
      options: {
        count: { type: 'string' },
        seed: { type: 'string', default: DEFAULT_SAMPLE_SEED },
        out: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${USAGE}`);
  }
}

await runCommand('directory:generate', async ({ services }) => {
  const values = options();
  const count = Number(values.count);
  if (!values.count || !Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new CommandError(`--count must be a whole number from 1 to 1000000\n${USAGE}`);
  }
  const db = await openMigratedDb(services.databaseUrl);
  try {
    const places = await loadPlaces(db);
    if (values.out) {
      const path = resolve(callerDir, values.out);
      await writeFile(path, sampleCsv(places, count, values.seed, new Date().getFullYear()));
      console.log(`wrote ${count} sample companies (seed "${values.seed}") to ${path}`);
      return 0;
    }
    process.stderr.write(`generating ${count} sample companies (seed "${values.seed}")…\n`);
    const progress = createProgress('writing', count);
    const { summary, rejected } = await importSampleCompanies(db, places, count, values.seed, {
      onProgress: (done) => progress.tick(done),
    });
    if (!summary.written) {
      // The generator must only produce valid rows; say exactly which are not.
      for (const problem of describeProblems(rejected)) console.error(problem);
      throw new CommandError(`${rejected.length} generated rows are invalid: nothing was written`);
    }
    progress.done();
    console.log(`created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged}`);
    return 0;
  } finally {
    await db.$disconnect();
  }
});
