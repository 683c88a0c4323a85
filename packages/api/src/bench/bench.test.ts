import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@proximitat/runtime';
import { testServices } from '@proximitat/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScript } from '../testing/processes.ts';
import type { Scenario } from './bench.ts';
import { benchFiles } from './bench-files.ts';
import type { BenchReport } from './report.ts';

// `pnpm bench --quick` end to end, as CI runs it: every scenario runs against the real platform
// and writes its report. Quick mode proves the harness works; its timings are not looked at.
let out: string;
let report: BenchReport;
let markdown: string;
let output = '';
let exitCode: number | null = null;
let names: string[] = [];

async function scenarioNames(): Promise<string[]> {
  const found: string[] = [];
  for (const file of await benchFiles(join(repoRoot, 'packages'))) {
    const module = (await import(file)) as { scenarios: Scenario[] };
    found.push(...module.scenarios.map((scenario) => scenario.name));
  }
  return found.sort();
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'proximitat-bench-'));
  const { templateUrl, meiliUrl, meiliKey } = testServices();
  const started = startScript('packages/api/src/bench/bench.command.ts', ['--quick'], {
    DATABASE_URL: templateUrl,
    MEILI_URL: meiliUrl,
    MEILI_MASTER_KEY: meiliKey,
    BENCH_OUT: out,
    LOG_LEVEL: 'warn',
  });
  exitCode = await started.exited;
  output = started.output();
  report = JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')) as BenchReport;
  markdown = await readFile(join(out, 'latest.md'), 'utf8');
  // Found here, independently of the runner, by importing every benchmark file (slow when cold).
  names = await scenarioNames();
}, 600_000);
afterAll(async () => rm(out, { recursive: true, force: true }));

describe('pnpm bench --quick', () => {
  it('runs every scenario to the end, with no failed request', async () => {
    expect(exitCode, output.slice(-3000)).toBe(0);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(report.scenarios.map((scenario) => scenario.name).sort()).toEqual(names);
    for (const scenario of report.scenarios) {
      expect(scenario.failure, scenario.name).toBeUndefined();
      expect(scenario.errors, `${scenario.name}: ${scenario.errorSamples.join('; ')}`).toBe(0);
      expect(scenario.figures.length, scenario.name).toBeGreaterThan(0);
      for (const figure of scenario.figures)
        expect(Number.isFinite(figure.value), `${scenario.name} ${figure.key}`).toBe(true);
    }
  });

  it('measures every goal against a baseline of the same run or a stated budget', () => {
    const figures = report.scenarios.flatMap((scenario) => scenario.figures);
    for (const figure of figures.filter((f) => f.goal?.kind !== 'at-most')) {
      if (!figure.goal) continue;
      expect(figure.baseline, figure.key).toBeDefined();
      expect(figure.baseline?.value, figure.key).toBeGreaterThan(0);
    }
    expect(report.quick).toBe(true);
    expect(report.machine.cpus).toBeGreaterThan(0);
  });

  it('writes a Markdown report with a section per scenario', () => {
    for (const scenario of report.scenarios) expect(markdown).toContain(`## ${scenario.name}`);
    expect(markdown).toContain('quick mode');
    expect(markdown).toMatch(/\| p95 latency \| [\d.,]+ ms \([\d.]+x\) \| raw Meilisearch: [\d.,]+ ms \|/);
  });

  it('shows progress while it prepares and runs', () => {
    expect(output).toMatch(/preparing the platform with 2,000 companies/);
    expect(output).toMatch(/\[\d+\/\d+\] search at 2,000 companies/);
    expect(output).toMatch(/full reindex of 2000 companies: [\d.]+ s/);
  });
});
