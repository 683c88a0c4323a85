import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openMigratedDb } from '@proximitat/db';
import { CommandError, createProgress, type Progress, repoRoot, runCommand } from '@proximitat/runtime';
import pg from 'pg';
import type { BenchDatabase, Platform, Scenario, ScenarioContext } from './bench.ts';
import { benchFiles } from './bench-files.ts';
import { disposePlatform, preparePlatform } from './platform.ts';
import { runLoad } from './processes.ts';
import { type BenchReport, machine, renderMarkdown, type ScenarioReport } from './report.ts';

/** The order scenarios run in; any other found is run after these, by name. */
const ORDER = [
  'directory-import',
  'reindex',
  'search',
  'search-throughput',
  'company',
  'plan',
  'web',
  'scale-out',
  'soak',
  'limits',
  'hostile',
];

const USAGE =
  'usage: pnpm bench [scenario...] [--quick] [--scale N] [--rows N]\n' +
  '  --quick     small data and a few seconds a scenario, to prove the harness works (CI)\n' +
  '  --scale N   run at 100,000 companies and again at N, and show how each figure grows\n' +
  '  --rows N    run at N companies only (default 100,000)';

async function findScenarios(): Promise<Map<string, { scenario: Scenario; file: string }>> {
  const found = new Map<string, { scenario: Scenario; file: string }>();
  const packages = join(repoRoot, 'packages');
  for (const file of await benchFiles(packages)) {
    const module = (await import(file)) as { scenarios?: Scenario[] };
    if (!Array.isArray(module.scenarios)) throw new CommandError(`${file} exports no scenarios`);
    for (const scenario of module.scenarios) {
      if (found.has(scenario.name)) throw new CommandError(`two scenarios are called ${scenario.name}`);
      found.set(scenario.name, { scenario, file: relative(repoRoot, file) });
    }
  }
  return found;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function positiveInteger(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1)
    throw new CommandError(`${flag} must be a positive whole number`);
  return value;
}

await runCommand('bench', async ({ services }) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      rows: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const available = await findScenarios();
  if (values.help) {
    console.log(`${USAGE}\nscenarios: ${[...available.keys()].join(', ')}`);
    return 0;
  }
  const unknown = positionals.filter((name) => !available.has(name));
  if (unknown.length > 0)
    throw new CommandError(
      `no scenario called ${unknown.join(', ')}; scenarios: ${[...available.keys()].join(', ')}\n${USAGE}`,
    );
  const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  const names = (positionals.length > 0 ? positionals : [...available.keys()]).sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const quick = values.quick ?? false;
  const scale = positiveInteger(values.scale, '--scale');
  const rows = positiveInteger(values.rows, '--rows');
  const scales = quick
    ? [rows ?? 2_000]
    : rows
      ? [rows]
      : scale && scale !== 100_000
        ? [100_000, scale]
        : [100_000];
  const outDir = resolve(repoRoot, process.env.BENCH_OUT?.trim() || 'bench-results');

  const adminUrl = withDatabase(services.databaseUrl, 'postgres');
  const created = new Set<string>();
  const admin = async (sql: (client: pg.Client) => string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql(client));
    } finally {
      await client.end();
    }
  };
  const freshDatabase = async (): Promise<BenchDatabase> => {
    const database = `bench_${randomBytes(5).toString('hex')}`;
    await admin((client) => `CREATE DATABASE ${client.escapeIdentifier(database)}`);
    created.add(database);
    const url = withDatabase(services.databaseUrl, database);
    const db = await openMigratedDb(url);
    return {
      url,
      db,
      async drop() {
        await db.$disconnect();
        await admin((client) => `DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
        created.delete(database);
      },
    };
  };

  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(),
    quick,
    scales,
    machine: machine(),
    scenarios: [],
  };
  const meili = { url: services.meiliUrl, key: services.meiliKey };
  let platformDatabase: BenchDatabase | undefined;
  let platform: Platform | undefined;
  let failed = false;
  // A step's progress line is made at its first tick; its rate counts from the step's start.
  const current: { progress?: Progress; stepStarted: number } = { stepStarted: Date.now() };
  const step: ScenarioContext['step'] = async (label, work) => {
    process.stderr.write(`  ${label}…\n`);
    current.progress = undefined;
    current.stepStarted = Date.now();
    const started = performance.now();
    const result = await work();
    (current.progress as Progress | undefined)?.done();
    current.progress = undefined;
    process.stderr.write(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return result;
  };
  const progress = (done: number, total: number) => {
    current.progress ??= createProgress('   ', total, process.stderr, current.stepStarted);
    current.progress.tick(done);
  };

  try {
    for (const [scaleIndex, size] of scales.entries()) {
      let ready: Promise<Platform> | undefined;
      const preparePlatformOnce = () => {
        ready ??= (async () => {
          process.stderr.write(`preparing the platform with ${size.toLocaleString('en-GB')} companies\n`);
          platformDatabase ??= await freshDatabase();
          platform = await preparePlatform(platformDatabase, meili, size, { step, progress }, platform);
          return platform;
        })();
        return ready;
      };
      for (const [index, name] of names.entries()) {
        const { scenario, file } = available.get(name) as { scenario: Scenario; file: string };
        process.stderr.write(
          `[${scaleIndex * names.length + index + 1}/${scales.length * names.length}] ${name} at ${size.toLocaleString('en-GB')} companies\n`,
        );
        const result: ScenarioReport = {
          name,
          summary: scenario.summary,
          file,
          scale: size,
          seconds: 0,
          figures: [],
          notes: [],
          errors: 0,
          errorSamples: [],
        };
        const started = performance.now();
        const context: ScenarioContext = {
          quick,
          scale: size,
          platform: preparePlatformOnce,
          freshDatabase,
          meili,
          step,
          progress,
          figure: (figure) => result.figures.push(figure),
          note: (text) => result.notes.push(text),
          async load(options, target) {
            const outcome = await runLoad(
              {
                ...options,
                connections: options.connections ?? 8,
                durationMs: options.durationMs ?? (quick ? 2_000 : 15_000),
                warmupMs: options.warmupMs ?? (quick ? 500 : 3_000),
              },
              target,
            );
            result.errors += outcome.errors;
            result.errorSamples.push(...outcome.errorSamples.slice(0, 5 - result.errorSamples.length));
            return outcome;
          },
        };
        try {
          await scenario.run(context);
        } catch (error) {
          result.failure = (error as Error).stack ?? String(error);
          process.stderr.write(`  ${name} failed: ${result.failure}\n`);
        }
        result.seconds = (performance.now() - started) / 1000;
        if (result.failure || result.errors > 0) failed = true;
        report.scenarios.push(result);
      }
    }
  } finally {
    if (platform) await disposePlatform(platform).catch(() => undefined);
    await platformDatabase?.drop().catch(() => undefined);
    for (const database of created)
      await admin(
        (client) => `DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`,
      ).catch(() => undefined);
  }

  const markdown = renderMarkdown(report);
  await mkdir(outDir, { recursive: true });
  const stamp = report.startedAt.replaceAll(':', '-').replace(/\..*/, '');
  for (const name of [`bench-${stamp}`, 'latest']) {
    await writeFile(join(outDir, `${name}.md`), markdown);
    await writeFile(join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(markdown);
  process.stderr.write(`report written to ${join(outDir, 'latest.md')} (and .json)\n`);
  if (failed) process.stderr.write('some scenarios failed or had failed requests: see the report\n');
  return failed ? 1 : 0;
});
