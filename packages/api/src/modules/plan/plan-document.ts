/**
 * Reads a work plan document in the layout of Barcelona Activa's 2018 plan (plain text, Catalan):
 * front page, index, introduction (mission, axes summary), then per axis its objectives
 * ("Objectiu 1.2"), their measures ("A. ...") with the actions listed under each, and the
 * objective's highlighted actions ("Accions destacades:"). Pure: no database.
 */

export interface ParsedAction {
  title: string;
  /** 1 for a bulleted sub-item of the action before it. */
  depth: number;
  line: number;
}

export interface ParsedMeasure {
  code: string;
  letter: string;
  title: string;
  actions: ParsedAction[];
  line: number;
}

export interface ParsedObjective {
  code: string;
  title: string;
  measures: ParsedMeasure[];
  highlights: string[];
  line: number;
}

export interface ParsedAxis {
  code: string;
  title: string;
  purpose: string | null;
  objectives: ParsedObjective[];
  line: number;
}

export interface ParsedPlan {
  year: number;
  title: string;
  author: string;
  mission: string;
  axes: ParsedAxis[];
  /** Where the index or the introduction's summary disagree with the body (the body wins). */
  warnings: string[];
}

export class PlanFormatError extends Error {
  override name = 'PlanFormatError';
  constructor(
    readonly line: number,
    readonly expected: string,
    found: string,
  ) {
    super(
      `line ${line}: expected ${expected}, found ${found ? `"${found.slice(0, 80)}"` : 'the end of the document'}`,
    );
  }
}

interface Line {
  number: number;
  text: string;
  /** The line started with a "-" bullet. */
  bulleted: boolean;
}

const AXIS_HEADING = /^\d{2}\.\s+Eix de treball\s+(\d+)\s*:\s*(.+)$/i;
const OBJECTIVE = /^Objectiu\s+(\d+)\.(\d+)\s*(.*)$/;
const MEASURE = /^([A-Z])\.\s+(.+)$/;
const PLAN_TITLE = /^Pla de treball\s+(\d{4})$/i;
const INTRO_HEADING = /^\d{2}\.\s+Introducci[óo]$/i;
const MISSION_HEADING = /^\d{2}\.\d\s+MISSI[ÓO]$/i;
const SUMMARY_HEADING = /^\d{2}\.\d\s+EIXOS DE TREBALL$/i;
const SUMMARY_AXIS = /^(\d+)\.\s+(.+)$/;
const SUMMARY_OBJECTIVE = /^(\d+\.\d+)\.\s+(.+)$/;
const INDEX_ENTRY = /^(\d{2}(?:\.\d)?)\.?\s+(.+?)\t+\d+$/;
const INDEX_AXIS = /EIX DE TREBALL\s+(\d+)\s*:\s*(.+)$/i;

/** Markdown emphasis left by the document's conversion is formatting, not text. */
function stripEmphasis(text: string): string {
  return text
    .replaceAll('**', '')
    .replace(/\*([^*\s][^*]*?)\*/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const number = index + 1;
      // "Objectiu 2.3**Títol**Mesures:**" holds three logical lines.
      const pieces = /^\s*Objectiu\s/.test(raw) && raw.includes('**') ? raw.split('**') : [raw];
      for (const piece of pieces) {
        const trimmed = piece.trim();
        const bulleted = /^-(\s|$)/.test(trimmed);
        const text = stripEmphasis(bulleted ? trimmed.replace(/^-\s*/, '') : trimmed);
        if (text) lines.push({ number, text, bulleted });
      }
    });
  return lines;
}

const STOP_WORDS = new Set(
  'a al als amb de del dels el els en es i la les l per pel pels per a un una o que d la com dels del seu seva'.split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
  );
}

function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.min(left.size, right.size);
}

export function parsePlanDocument(text: string): ParsedPlan {
  const lines = readLines(text);
  let cursor = 0;
  const peek = () => lines[cursor];
  const fail = (expected: string): never => {
    const line = lines[cursor] ?? lines[lines.length - 1];
    throw new PlanFormatError(
      cursor < lines.length ? (line?.number ?? 1) : (line?.number ?? 0) + 1,
      expected,
      cursor < lines.length ? (line?.text ?? '') : '',
    );
  };

  // Front page: the author, then "Pla de treball <year>".
  const front: string[] = [];
  let year: number | undefined;
  let title = '';
  while (cursor < lines.length && peek()?.text !== 'Índex' && !INTRO_HEADING.test(peek()?.text ?? '')) {
    const current = peek() as Line;
    const match = PLAN_TITLE.exec(current.text);
    if (match) {
      year = Number(match[1]);
      title = current.text;
    } else if (year === undefined) {
      front.push(current.text);
    }
    cursor++;
  }
  if (year === undefined) {
    cursor = 0;
    fail('a line "Pla de treball <year>" on the front page');
  }
  const author = front[0] ?? '';

  // Index: "02. EIX DE TREBALL 1: TITLE<TAB>4".
  const indexAxes = new Map<string, { title: string; line: number }>();
  if (peek()?.text === 'Índex') {
    cursor++;
    while (cursor < lines.length && !INTRO_HEADING.test(peek()?.text ?? '')) {
      const entry = INDEX_ENTRY.exec((peek() as Line).text);
      const axis = entry ? INDEX_AXIS.exec(entry[2] ?? '') : null;
      if (axis)
        indexAxes.set(axis[1] ?? '', { title: (axis[2] ?? '').trim(), line: (peek() as Line).number });
      cursor++;
    }
  }
  if (!INTRO_HEADING.test(peek()?.text ?? '')) fail('the introduction heading "01. Introducció"');
  cursor++;

  // Introduction: the mission, and a summary of axes and objectives.
  let mission = '';
  const summaryObjectives: { code: string; title: string; line: number }[] = [];
  while (cursor < lines.length && !AXIS_HEADING.test(peek()?.text ?? '')) {
    const current = peek() as Line;
    if (MISSION_HEADING.test(current.text)) {
      cursor++;
      const paragraphs: string[] = [];
      while (
        cursor < lines.length &&
        !SUMMARY_HEADING.test(peek()?.text ?? '') &&
        !AXIS_HEADING.test(peek()?.text ?? '')
      ) {
        paragraphs.push((peek() as Line).text);
        cursor++;
      }
      mission = paragraphs.join('\n');
      continue;
    }
    const objective = SUMMARY_OBJECTIVE.exec(current.text);
    if (objective)
      summaryObjectives.push({ code: objective[1] ?? '', title: objective[2] ?? '', line: current.number });
    else if (!SUMMARY_AXIS.test(current.text) && !SUMMARY_HEADING.test(current.text)) {
      // Prose in the introduction is not part of the structure.
    }
    cursor++;
  }
  if (!mission) fail('the mission ("01.1 MISSIÓ" and its text) in the introduction');
  if (cursor >= lines.length) fail('an axis heading such as "02. Eix de treball 1: ..."');

  // Body.
  const axes: ParsedAxis[] = [];
  let axis: ParsedAxis | undefined;
  let objective: ParsedObjective | undefined;
  let measure: ParsedMeasure | undefined;
  let mode: 'purpose' | 'objective-title' | 'objective' | 'measures' | 'highlights' = 'purpose';

  const closeObjective = () => {
    if (objective && objective.measures.length === 0) {
      throw new PlanFormatError(
        objective.line,
        `at least one measure ("A. ...") in objective ${objective.code}`,
        `"Objectiu ${objective.code}" without measures`,
      );
    }
  };

  for (; cursor < lines.length; cursor++) {
    const current = lines[cursor] as Line;
    const { text } = current;

    const axisHeading = AXIS_HEADING.exec(text);
    if (axisHeading && !current.bulleted) {
      closeObjective();
      const code = axisHeading[1] ?? '';
      if (axes.some((existing) => existing.code === code)) fail(`a new axis, not axis ${code} again`);
      axis = {
        code,
        title: (axisHeading[2] ?? '').trim(),
        purpose: null,
        objectives: [],
        line: current.number,
      };
      axes.push(axis);
      objective = undefined;
      measure = undefined;
      mode = 'purpose';
      continue;
    }
    if (!axis) fail('an axis heading');
    const currentAxis = axis as ParsedAxis;

    const objectiveLine = OBJECTIVE.exec(text);
    if (objectiveLine && !current.bulleted) {
      closeObjective();
      const [axisCode, number, rest] = [
        objectiveLine[1] ?? '',
        objectiveLine[2] ?? '',
        (objectiveLine[3] ?? '').trim(),
      ];
      if (axisCode !== currentAxis.code)
        fail(`an objective of axis ${currentAxis.code} ("Objectiu ${currentAxis.code}.n")`);
      const code = `${axisCode}.${number}`;
      if (currentAxis.objectives.some((existing) => existing.code === code))
        fail(`a new objective, not ${code} again`);
      objective = { code, title: rest, measures: [], highlights: [], line: current.number };
      currentAxis.objectives.push(objective);
      measure = undefined;
      mode = rest ? 'objective' : 'objective-title';
      continue;
    }

    if (mode === 'purpose') {
      if (currentAxis.purpose === null) currentAxis.purpose = text;
      else currentAxis.purpose = `${currentAxis.purpose}\n${text}`;
      continue;
    }
    const currentObjective = objective as ParsedObjective;
    if (mode === 'objective-title') {
      currentObjective.title = text;
      mode = 'objective';
      continue;
    }
    if (/^Mesures\s*:$/i.test(text)) {
      mode = 'measures';
      measure = undefined;
      continue;
    }
    if (/^Accions destacades\s*:$/i.test(text)) {
      mode = 'highlights';
      measure = undefined;
      continue;
    }
    if (mode === 'highlights') {
      currentObjective.highlights.push(text);
      continue;
    }
    const measureLine = MEASURE.exec(text);
    if (measureLine) {
      if (mode !== 'measures')
        fail(`"Mesures:" before the first measure of objective ${currentObjective.code}`);
      const letter = measureLine[1] ?? '';
      if (currentObjective.measures.some((existing) => existing.letter === letter)) {
        fail(`a new measure letter in objective ${currentObjective.code}, not ${letter} again`);
      }
      measure = {
        code: `${currentObjective.code}.${letter}`,
        letter,
        title: (measureLine[2] ?? '').trim(),
        actions: [],
        line: current.number,
      };
      currentObjective.measures.push(measure);
      continue;
    }
    if (mode !== 'measures') fail(`"Mesures:" in objective ${currentObjective.code}`);
    if (!measure) fail(`a measure ("A. ...") after "Mesures:" in objective ${currentObjective.code}`);
    (measure as ParsedMeasure).actions.push({
      title: text,
      depth: current.bulleted ? 1 : 0,
      line: current.number,
    });
  }
  closeObjective();
  if (axes.length === 0) fail('an axis heading such as "02. Eix de treball 1: ..."');
  for (const parsedAxis of axes) {
    if (parsedAxis.objectives.length === 0) {
      throw new PlanFormatError(
        parsedAxis.line,
        `at least one objective in axis ${parsedAxis.code}`,
        `axis ${parsedAxis.code} without objectives`,
      );
    }
  }

  return {
    year: year as number,
    title,
    author,
    mission,
    axes,
    warnings: compareWithIndex(axes, indexAxes, summaryObjectives),
  };
}

function compareWithIndex(
  axes: ParsedAxis[],
  indexAxes: Map<string, { title: string; line: number }>,
  summary: { code: string; title: string; line: number }[],
): string[] {
  const warnings: string[] = [];
  for (const [code, entry] of indexAxes) {
    const body = axes.find((axis) => axis.code === code);
    if (!body)
      warnings.push(
        `line ${entry.line}: the index lists axis ${code} "${entry.title}", which the body does not have`,
      );
    else if (body.title.toLocaleUpperCase('ca') !== entry.title.toLocaleUpperCase('ca')) {
      warnings.push(
        `line ${entry.line}: the index titles axis ${code} "${entry.title}", the body "${body.title}"; the body's is used`,
      );
    }
  }
  const objectives = axes.flatMap((axis) => axis.objectives);
  const matched = new Set<string>();
  for (const entry of summary) {
    let best: ParsedObjective | undefined;
    let bestScore = 0;
    for (const candidate of objectives) {
      const score = similarity(entry.title, candidate.title);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best && bestScore >= 0.5) matched.add(best.code);
    if (!best || bestScore < 0.5) {
      warnings.push(
        `line ${entry.line}: the index lists objective ${entry.code} "${entry.title}", which matches no objective of the body`,
      );
    } else if (best.code !== entry.code) {
      warnings.push(
        `line ${entry.line}: the index numbers "${entry.title}" as ${entry.code}, the body as ${best.code} (line ${best.line}); the body's numbering is used`,
      );
    }
  }
  if (summary.length > 0) {
    for (const objective of objectives) {
      if (!matched.has(objective.code)) {
        warnings.push(
          `line ${objective.line}: objective ${objective.code} is in the body but not in the index`,
        );
      }
    }
  }
  return warnings;
}
