import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { openMigratedDb } from '@proximitat/db';
import { CommandError, createProgress, type Progress, repoRoot, runCommand } from '@proximitat/runtime';
import pg from 'pg';
import type { Bench, BenchContext } from './bench.ts';

async function findBenches(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const packages = join(repoRoot, 'packages');
  for (const entry of await readdir(packages, { recursive: true })) {
    const path = String(entry);
    if (path.includes('node_modules') || !path.endsWith('.bench.ts')) continue;
    found.set(basename(path, '.bench.ts'), join(packages, path));
  }
  return found;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

await runCommand('bench', async ({ services }) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rows: { type: 'string' } },
  });
  const benches = await findBenches();
  const [name] = positionals;
  const file = name ? benches.get(name) : undefined;
  if (!file) {
    throw new CommandError(
      `usage: pnpm bench <name> [--rows N]; benchmarks: ${[...benches.keys()].sort().join(', ') || 'none'}`,
    );
  }
  const rows = values.rows === undefined ? undefined : Number(values.rows);
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1))
    throw new CommandError('--rows must be a positive whole number');

  const adminUrl = withDatabase(services.databaseUrl, 'postgres');
  const created: string[] = [];
  const dropDatabase = async (database: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  // The current step's progress bar, created on its first report.
  const current: { progress?: Progress } = {};
  const context: BenchContext = {
    rows,
    meili: { url: services.meiliUrl, key: services.meiliKey },
    async freshDatabase() {
      const database = `bench_${randomBytes(5).toString('hex')}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } finally {
        await client.end();
      }
      created.push(database);
      const url = withDatabase(services.databaseUrl, database);
      const db = await openMigratedDb(url);
      return {
        url,
        db,
        async drop() {
          await db.$disconnect();
          await dropDatabase(database);
          created.splice(created.indexOf(database), 1);
        },
      };
    },
    async step(label, work) {
      process.stderr.write(`${label}…\n`);
      current.progress = undefined;
      const started = performance.now();
      const result = await work();
      (current.progress as Progress | undefined)?.done();
      current.progress = undefined;
      process.stderr.write(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      return result;
    },
    report: {
      progress(done, total) {
        current.progress ??= createProgress('  ', total);
        current.progress.tick(done);
      },
      result(lines) {
        const width = Math.max(...lines.map(([label]) => label.length));
        console.log(`\n${name} (${relative(repoRoot, file)})`);
        for (const [label, value] of lines) console.log(`  ${label.padEnd(width)}  ${value}`);
      },
    },
  };
  try {
    const module = (await import(file)) as { bench?: Bench };
    if (typeof module.bench !== 'function') throw new CommandError(`${file} exports no bench function`);
    await module.bench(context);
  } finally {
    await Promise.all(created.map(dropDatabase));
  }
  return 0;
});
