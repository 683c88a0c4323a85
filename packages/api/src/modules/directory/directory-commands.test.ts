import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, testServices } from '@proximitat/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScript } from '../../testing/run-script.ts';
import { makeCif } from './tax-id.ts';

// The commands as `pnpm directory:import` and `pnpm directory:generate` run them, against a test
// database and the test Meilisearch (given by URL, so they start no services of their own).
const IMPORT = 'packages/api/src/modules/directory/directory-import.command.ts';
const GENERATE = 'packages/api/src/sample-data/directory-generate.command.ts';

let database: TestDatabase;
let dir: string;

async function command(script: string, args: string[]) {
  const { meiliUrl, meiliKey } = testServices();
  return runScript(script, args, {
    INIT_CWD: dir,
    DATA_DIR: dir,
    DATABASE_URL: database.url,
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: meiliKey,
  });
}

// Each test has a database and a folder of its own: what one imports or writes, no other sees.
beforeEach(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'proximitat-import-'));
});
afterEach(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const HEADER = 'tax_id,name,legal_form,sectors,cpv_codes,city,postal_code,street,neighbourhood_code';
const GOOD = `${makeCif('F', 8200001)},Cuina Comunitària,COOP_TREBALL,RESTAURACIO,55520000-1,Barcelona,08001,"Carrer de l'Hospital, 2",01`;
const BAD = `${makeCif('G', 8200002)},Sense Sector,ASSOCIACIO,,,Barcelona,08001,"Carrer Nou, 1",99`;
/** A file of one good row and one bad one, in the test's folder. */
const writeBadFile = () => writeFile(join(dir, 'bad.csv'), `${HEADER}\n${GOOD}\n${BAD}\n`);

describe('pnpm directory:import', () => {
  it('exits non-zero, lists every problem by row and column, and writes nothing', async () => {
    await writeBadFile();
    const result = await command(IMPORT, ['bad.csv']);
    expect(result.code).toBe(1);
    // The problems are in Catalan unless --locale says otherwise.
    expect(result.stderr).toContain('fila 3, sectors: Tria com a mínim un sector.');
    expect(result.stderr).toContain(
      'fila 3, neighbourhood_code: «99» no és cap barri de Barcelona (de 01 a 73).',
    );
    expect(result.stderr).toContain('1 of 2 rows are invalid: nothing was imported');
    expect(await database.db.company.count()).toBe(0);
    const english = await command(IMPORT, ['bad.csv', '--locale', 'en']);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain('row 3, sectors: Choose at least one sector.');
    expect((await command(IMPORT, ['bad.csv', '--locale', 'fr'])).stderr).toContain(
      '--locale must be one of ca, es, en',
    );
    expect(await database.db.company.count()).toBe(0);
  });

  it('with --skip-invalid imports the rest and writes the rejected rows next to the file', async () => {
    await writeBadFile();
    const result = await command(IMPORT, [
      'bad.csv',
      '--skip-invalid',
      '--status',
      'pending_review',
      '--locale',
      'es',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /created 1, updated 0, unchanged 0, rejected 1 \(2 rows in [\d.]+ s, \d+ rows\/s\)/,
    );
    const rejected = await readFile(join(dir, 'bad.csv.rejected.csv'), 'utf8');
    expect(rejected).toContain(
      '\r\n3,sectors: Elige al menos un sector. | neighbourhood_code: «99» no es ningún barrio de Barcelona (de 01 a 73).,',
    );
    expect(await database.db.company.findFirst({ select: { status: true } })).toEqual({
      status: 'PENDING_REVIEW',
    });
  });

  it('says what is wrong with a file it cannot read', async () => {
    await writeBadFile();
    await writeFile(join(dir, 'columns.csv'), 'nif,nom\n');
    expect(await command(IMPORT, ['columns.csv'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('columns.csv: unknown columns "nif", "nom"'),
    });
    expect(await command(IMPORT, ['missing.csv'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no such file: missing.csv'),
    });
    expect(await command(IMPORT, ['bad.csv', '--status', 'SECRET'])).toMatchObject({ code: 1 });
  });
});

describe('pnpm directory:generate', () => {
  it('writes the same CSV for the same seed, and imports it through the import path', async () => {
    expect((await command(GENERATE, ['--count', '40', '--seed', 's1', '--out', 'a.csv'])).code).toBe(0);
    expect((await command(GENERATE, ['--count', '40', '--seed', 's1', '--out', 'b.csv'])).code).toBe(0);
    const [a, b] = await Promise.all([
      readFile(join(dir, 'a.csv'), 'utf8'),
      readFile(join(dir, 'b.csv'), 'utf8'),
    ]);
    expect(a).toBe(b);
    expect(a.split('\r\n').filter(Boolean)).toHaveLength(41);

    const imported = await command(IMPORT, ['a.csv']);
    expect(imported.stdout).toContain('created 40, updated 0, unchanged 0, rejected 0');
    const generated = await command(GENERATE, ['--count', '40', '--seed', 's1']);
    expect(generated.stdout).toContain('created 0, updated 0, unchanged 40');
    expect((await command(GENERATE, ['--count', 'many'])).code).toBe(1);
  });
});
