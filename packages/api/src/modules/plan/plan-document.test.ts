import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanFormatError, parsePlanDocument } from './plan-document.ts';
import { SEED_PLAN_FILE } from './plan-file.ts';

const seed = readFileSync(SEED_PLAN_FILE, 'utf8');
const plan = parsePlanDocument(seed);
const objectives = plan.axes.flatMap((axis) => axis.objectives);
const measures = objectives.flatMap((objective) => objective.measures);
const measure = (code: string) => measures.find((candidate) => candidate.code === code);

describe('the 2018 plan document', () => {
  it('is the plan of 2018, by the proximity development directorate, with its mission', () => {
    expect(plan.year).toBe(2018);
    expect(plan.title).toBe('Pla de treball 2018');
    expect(plan.author).toBe('Direcció Executiva de Desenvolupament Socioeconòmic de Proximitat');
    expect(plan.mission).toMatch(
      /^Promoure l'activitat econòmica en clau de proximitat i de reequilibri territorial/,
    );
  });

  it('has 4 axes, 12 objectives, 53 measures and 12 highlighted actions', () => {
    expect(plan.axes.map((axis) => axis.code)).toEqual(['1', '2', '3', '4']);
    expect(objectives.map((objective) => objective.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '3.1',
      '4.1',
    ]);
    expect(measures).toHaveLength(53);
    expect(objectives.reduce((sum, objective) => sum + objective.highlights.length, 0)).toBe(12);
    expect(objectives.find((objective) => objective.code === '2.3')?.highlights).toHaveLength(6);
  });

  it('keeps the text exactly: accents, l·l, apostrophes, quotes', () => {
    expect(plan.axes[1]?.title).toBe('Innovació socioeconòmica');
    expect(measure('2.6.A')?.title).toBe(
      "Elaboració d'un espai web i un directori online d'empreses d'economia social de la ciutat com a instrument de coneixement i difusió en el marc de la contractació pública responsable.",
    );
    expect(measure('1.2.C')?.actions.map((action) => action.title)).toContain(
      "Sant Andreu. Vil·la Besòs: disseny i posada en marxa d'un nou magatzem entitats culturals Sant Andreu.",
    );
    expect(measure('3.1.C')?.title).toBe(
      'Donar major projecció al Premi “Barcelona a l’empresa innovadora en mesures de conciliació del temps”.',
    );
  });

  it('reads codes, letters and the actions under each measure, sub-items included', () => {
    expect(measure('1.3.A')?.title).toMatch(/^Impulsar la 2a edició de la convocatòria/);
    expect(measure('2.6.B')?.actions.map((action) => action.title)).toEqual([
      'Aplicació de les clàusules socials.',
      "Creació d'un sistema d'homologació que fomenti criteris d'ASG (ambientals, socials i bon govern).",
      "Generació d'altres eines de contractació públiques en col·laboració amb l'àmbit de l'ESS .",
    ]);
    const localsBuits = measure('1.1.C')?.actions ?? [];
    expect(localsBuits[0]).toMatchObject({ title: 'Dinamització de locals buits:', depth: 0 });
    expect(localsBuits[1]).toMatchObject({ title: 'Baixos de protecció oficial', depth: 1 });
    expect(objectives.find((objective) => objective.code === '2.3')?.title).toBe(
      "Impuls i enfortiment de l'Economia Social i Solidària al territori",
    );
  });

  it('follows the body where the index numbers objectives differently, and says so', () => {
    expect(objectives.find((objective) => objective.code === '2.5')?.title).toMatch(
      /^Creació del centre municipal/,
    );
    expect(plan.warnings).toContain(
      'line 47: the index numbers "Contractació pública socialment responsable en el marc de les empreses d\'economia social" as 2.5, the body as 2.6 (line 299); the body\'s numbering is used',
    );
  });
});

describe('a malformed document', () => {
  const lines = seed.split('\n');
  const withLine = (index: number, replacement: string) =>
    [...lines.slice(0, index), replacement, ...lines.slice(index + 1)].join('\n');
  const lineOf = (text: string) => lines.findIndex((line) => line.trim() === text);

  const failure = (text: string): PlanFormatError => {
    try {
      parsePlanDocument(text);
    } catch (error) {
      if (error instanceof PlanFormatError) return error;
      throw error;
    }
    throw new Error('the document was accepted');
  };

  it('without a year is rejected at the front page', () => {
    const error = failure(seed.replace('Pla de treball 2018', 'Pla de treball'));
    expect(error.line).toBe(lines.findIndex((line) => line.trim() !== '') + 1);
    expect(error.expected).toBe('a line "Pla de treball <year>" on the front page');
  });

  it('with an objective under the wrong axis is rejected at that line', () => {
    const index = lineOf('Objectiu 1.3');
    const error = failure(withLine(index, 'Objectiu 2.9'));
    expect(error.line).toBe(index + 1);
    expect(error.message).toBe(
      `line ${index + 1}: expected an objective of axis 1 ("Objectiu 1.n"), found "Objectiu 2.9"`,
    );
  });

  it('with a measure letter twice in an objective is rejected at the second', () => {
    const index = lines.findIndex((line) => line.startsWith("B. Impuls d'accions regulars"));
    const error = failure(withLine(index, 'A. Una altra mesura.'));
    expect(error.line).toBe(index + 1);
    expect(error.expected).toBe('a new measure letter in objective 1.1, not A again');
  });

  it('with actions before any measure is rejected', () => {
    const index = lines.indexOf('Mesures:', lineOf('Objectiu 1.1'));
    const broken = [...lines.slice(0, index + 1), 'Una acció sense mesura.', ...lines.slice(index + 1)].join(
      '\n',
    );
    const error = failure(broken);
    expect(error.line).toBe(index + 2);
    expect(error.expected).toBe('a measure ("A. ...") after "Mesures:" in objective 1.1');
  });

  it('that ends before any axis is rejected', () => {
    const cut = lines
      .slice(0, lineOf('02. Eix de treball 1: Desenvolupament econòmic de proximitat'))
      .join('\n');
    expect(failure(cut).expected).toBe('an axis heading such as "02. Eix de treball 1: ..."');
  });
});
