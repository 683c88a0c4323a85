import { resolve } from 'node:path';
import { openMigratedDb } from '@proximitat/db';
import { CommandError, runCommand } from '@proximitat/runtime';
import { PlanFormatError } from './plan-document.ts';
import { describePlan, readPlanFile } from './plan-file.ts';
import { importPlan } from './plan-import.service.ts';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const file = args.find((arg) => !arg.startsWith('--'));
// pnpm runs the script inside packages/api; a relative path means the caller's directory.
const callerDir = process.env.INIT_CWD ?? process.cwd();

async function load(path: string) {
  try {
    return await readPlanFile(path);
  } catch (error) {
    if (error instanceof PlanFormatError) throw new CommandError(`${path}: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CommandError(`no such file: ${path}`);
    throw error;
  }
}

await runCommand(
  'plan:import',
  async ({ services }) => {
    if (!file) throw new CommandError('usage: pnpm plan:import <file> [--dry-run]');
    const path = resolve(callerDir, file);
    const { parsed, facts, factsFile } = await load(path);
    for (const warning of parsed.warnings) console.warn(`warning: ${warning}`);
    if (dryRun) {
      console.log(describePlan(parsed));
      if (factsFile) console.log(`facts: ${factsFile}`);
      return 0;
    }
    const db = await openMigratedDb(services.databaseUrl);
    try {
      process.stderr.write(`importing the ${parsed.year} plan…\n`);
      const summary = await importPlan(db, parsed, facts);
      const { created, updated, unchanged, removed } = summary.changes;
      console.log(
        `${summary.year}: ${summary.axes} axes, ${summary.objectives} objectives, ${summary.measures} measures, ` +
          `${summary.actions} actions, ${summary.highlights} highlighted actions, ${summary.figures} figures\n` +
          `created ${created}, updated ${updated}, unchanged ${unchanged}, removed ${removed}` +
          (factsFile ? `; facts ${summary.factsChanged ? 'updated' : 'unchanged'}` : ''),
      );
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
  { needsServices: !dryRun },
);
