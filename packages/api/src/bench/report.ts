import { cpus, totalmem } from 'node:os';
import type { Figure, Goal } from './bench.ts';

export interface ScenarioReport {
  name: string;
  summary: string;
  file: string;
  scale: number;
  seconds: number;
  figures: Figure[];
  notes: string[];
  /** Failed requests under load: always expected to be 0. */
  errors: number;
  errorSamples: string[];
  /** Set when the scenario itself could not finish. */
  failure?: string;
}

export interface BenchReport {
  startedAt: string;
  command: string;
  quick: boolean;
  scales: number[];
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  scenarios: ScenarioReport[];
}

export function machine(): BenchReport['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

export interface Assessment {
  ratio: number | undefined;
  met: boolean | undefined;
  /** By how much a missed goal is missed, as text. */
  missedBy: string | undefined;
}

export function assess(figure: Figure): Assessment {
  const ratio =
    figure.baseline && figure.baseline.value !== 0 ? figure.value / figure.baseline.value : undefined;
  const goal = figure.goal;
  if (!goal) return { ratio, met: undefined, missedBy: undefined };
  const measured = goal.kind === 'at-most' ? figure.value : ratio;
  if (measured === undefined || !Number.isFinite(measured))
    return { ratio, met: false, missedBy: 'not measured' };
  const met = goal.kind === 'ratio-at-least' ? measured >= goal.value : measured <= goal.value;
  const missedBy = met
    ? undefined
    : `${Math.round(Math.abs(measured / goal.value - 1) * 100)} % ${goal.kind === 'ratio-at-least' ? 'short' : 'over'}`;
  return { ratio, met, missedBy };
}

const number = (value: number, digits: number) =>
  value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

export function formatValue(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return unit === 'count' ? number(value, 0) : `${number(value, digits)} ${unit}`;
}

export function formatGoal(goal: Goal | undefined, unit: Figure['unit']): string {
  if (!goal) return '';
  if (goal.kind === 'at-most') return `≤ ${formatValue(goal.value, unit)}`;
  return `${goal.kind === 'ratio-at-most' ? '≤' : '≥'} ${goal.value}x`;
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function table(rows: string[][]): string {
  const [head, ...body] = rows;
  if (!head) return '';
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** One value and its ratio to its baseline, as a table cell. */
function valueCell(figure: Figure | undefined): string {
  if (!figure) return '';
  const { ratio } = assess(figure);
  return ratio === undefined
    ? formatValue(figure.value, figure.unit)
    : `${formatValue(figure.value, figure.unit)} (${number(ratio, 2)}x)`;
}

function metCell(figure: Figure | undefined): string {
  if (!figure) return '';
  const { met, missedBy } = assess(figure);
  if (met === undefined) return '';
  return met ? 'yes' : `no (${missedBy})`;
}

export function renderMarkdown(report: BenchReport): string {
  const scaleLabel = (scale: number) => `${number(scale, 0)} companies`;
  const lines: string[] = [
    `# Benchmark report${report.quick ? ' (quick mode: the timings mean nothing)' : ''}`,
    '',
    `\`${report.command}\` on ${report.startedAt}: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, ${report.machine.platform}.`,
    'Each figure is shown with its ratio to the baseline measured in the same run on the same data.',
    '',
  ];
  const names = [...new Set(report.scenarios.map((scenario) => scenario.name))];
  for (const name of names) {
    const runs = report.scenarios.filter((scenario) => scenario.name === name);
    const [first] = runs;
    if (!first) continue;
    lines.push(`## ${name}`, '', `${first.summary} (\`${first.file}\`)`, '');
    const keys = [...new Set(runs.flatMap((run) => run.figures.map((figure) => figure.key)))];
    const figureAt = (run: ScenarioReport, key: string) => run.figures.find((figure) => figure.key === key);
    const rows: string[][] = [];
    if (runs.length === 1) {
      rows.push(['figure', 'value (ratio)', 'baseline', 'goal', 'met']);
      for (const key of keys) {
        const figure = figureAt(first, key);
        if (!figure) continue;
        rows.push([
          figure.label,
          valueCell(figure),
          figure.baseline
            ? `${figure.baseline.label}: ${formatValue(figure.baseline.value, figure.unit)}`
            : '',
          formatGoal(figure.goal, figure.unit),
          metCell(figure),
        ]);
      }
    } else {
      const last = runs.at(-1) as ScenarioReport;
      rows.push([
        'figure',
        ...runs.map((run) => scaleLabel(run.scale)),
        `growth ×${number(last.scale / first.scale, 0)} data`,
        'goal',
        'met (largest)',
      ]);
      for (const key of keys) {
        const figures = runs.map((run) => figureAt(run, key));
        const known = figures.find(Boolean) as Figure;
        const from = figureAt(first, key)?.value;
        const to = figureAt(last, key)?.value;
        rows.push([
          known.label,
          ...figures.map(valueCell),
          from && to ? `${number(to / from, 2)}x` : '',
          formatGoal(known.goal, known.unit),
          metCell(figureAt(last, key)),
        ]);
      }
    }
    lines.push(table(rows), '');
    for (const run of runs) {
      const at = runs.length > 1 ? ` (${scaleLabel(run.scale)})` : '';
      if (run.errors > 0)
        lines.push(`**${run.errors} failed requests${at}**, for example: ${run.errorSamples.join('; ')}`, '');
      if (run.failure) lines.push(`**The scenario failed${at}:** ${run.failure}`, '');
      for (const note of run.notes) lines.push(`- ${note}${at}`);
      if (run.notes.length > 0) lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
