import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '@proximitat/runtime';
import { type ParsedPlan, parsePlanDocument } from './plan-document.ts';
import { type PlanFacts, parsePlanFacts } from './plan-facts.ts';

/** The 2018 plan, kept in the project and seeded at start-up. */
export const SEED_PLAN_FILE = join(repoRoot, 'prisma/data/plans/pla-de-treball-2018.txt');

export interface PlanFile {
  parsed: ParsedPlan;
  /** From `<name>.facts.json` beside the document, when there is one. */
  facts: PlanFacts | undefined;
  factsFile: string | undefined;
}

export async function readPlanFile(path: string): Promise<PlanFile> {
  const parsed = parsePlanDocument(await readFile(path, 'utf8'));
  const factsFile = `${path.replace(/\.txt$/i, '')}.facts.json`;
  if (!existsSync(factsFile)) return { parsed, facts: undefined, factsFile: undefined };
  const facts = parsePlanFacts(await readFile(factsFile, 'utf8'), factsFile);
  if (facts.year !== parsed.year) {
    throw new Error(`${factsFile} is for ${facts.year}, the document for ${parsed.year}`);
  }
  return { parsed, facts, factsFile };
}

/** The recognised tree, as `plan:import --dry-run` prints it. */
export function describePlan(parsed: ParsedPlan): string {
  const lines = [`${parsed.title} (${parsed.year}) — ${parsed.author}`];
  for (const axis of parsed.axes) {
    lines.push(`Eix ${axis.code}. ${axis.title}`);
    for (const objective of axis.objectives) {
      lines.push(`  Objectiu ${objective.code}. ${objective.title}`);
      for (const measure of objective.measures) {
        lines.push(`    ${measure.code} ${measure.title}`);
        for (const action of measure.actions)
          lines.push(`      ${'  '.repeat(action.depth)}· ${action.title}`);
      }
      for (const highlight of objective.highlights) lines.push(`    ★ ${highlight}`);
    }
  }
  const objectives = parsed.axes.flatMap((axis) => axis.objectives);
  const measures = objectives.flatMap((objective) => objective.measures);
  lines.push(
    '',
    `axes: ${parsed.axes.length}, objectives: ${objectives.length}, measures: ${measures.length}, ` +
      `actions: ${measures.reduce((sum, measure) => sum + measure.actions.length, 0)}, ` +
      `highlighted actions: ${objectives.reduce((sum, objective) => sum + objective.highlights.length, 0)}`,
  );
  return lines.join('\n');
}
