import { describe, expect, it } from 'vitest';
import { extractFigures, targetedDistricts } from './plan-figures.ts';

const DISTRICTS = [
  ['01', 'Ciutat Vella'],
  ['02', 'Eixample'],
  ['03', 'Sants-Montjuïc'],
  ['04', 'Les Corts'],
  ['05', 'Sarrià-Sant Gervasi'],
  ['06', 'Gràcia'],
  ['07', 'Horta-Guinardó'],
  ['08', 'Nou Barris'],
  ['09', 'Sant Andreu'],
  ['10', 'Sant Martí'],
].map(([code, name]) => ({ code: code as string, name: name as string }));
const PDE = ['01', '03', '07', '08', '09', '10'];

describe('figures the plan states', () => {
  it('reads budgets in millions of euros with a decimal comma', () => {
    expect(extractFigures("La convocatòria estarà dotada d'1,6 M d'euros.")).toEqual([
      { kind: 'BUDGET_EUR', value: 1_600_000, sourceText: "1,6 M d'euros" },
    ]);
  });

  it('reads people hired, projects, shops, districts and services, in order', () => {
    expect(
      extractFigures("Barri d'Oficis, amb 105 persones contractades i 3,5 M de pressupost.").map((f) => [
        f.kind,
        f.value,
      ]),
    ).toEqual([
      ['PEOPLE_HIRED', 105],
      ['BUDGET_EUR', 3_500_000],
    ]);
    expect(extractFigures('Seguiment dels 99 projectes aprovats')[0]).toMatchObject({
      kind: 'PROJECTS',
      value: 99,
    });
    expect(
      extractFigures('assessorament per a 120 comerços als sis districtes').map((f) => [f.kind, f.value]),
    ).toEqual([
      ['SHOPS', 120],
      ['DISTRICTS', 6],
    ]);
    expect(extractFigures("Dos Punts d'Atenció a l'Activitat Econòmica")[0]).toMatchObject({
      kind: 'SERVICES',
      value: 2,
    });
  });

  it('finds nothing in a sentence without figures', () => {
    expect(extractFigures('Elaboració del mapa d’accions BASA al territori.')).toEqual([]);
  });
});

describe('districts a measure targets', () => {
  it('recognises district names however they are written', () => {
    expect(
      targetedDistricts("Conveni per l'ESS al districte de Sarrià Sant Gervasi", DISTRICTS, PDE),
    ).toEqual(['05']);
    expect(
      targetedDistricts("Sants-Montjuïc: taula d'empreses. Nou Barris: obertura", DISTRICTS, PDE),
    ).toEqual(['03', '08']);
    expect(targetedDistricts('Zona Nord de 9Barris', DISTRICTS, PDE)).toEqual(['08']);
  });

  it('reads "10 districtes" as all of them and the PDE phrases as the PDE districts', () => {
    expect(
      targetedDistricts("Facilitar l'extensió del Barcelona Treball als 10 Districtes.", DISTRICTS, PDE),
    ).toHaveLength(10);
    expect(targetedDistricts('als sis districtes per sota de la renda mitjana', DISTRICTS, PDE)).toEqual(PDE);
  });

  it('does not take a neighbourhood or a street for a district', () => {
    expect(targetedDistricts("Elaboració del mapa de l'ecosistema", DISTRICTS, PDE)).toEqual([]);
    expect(targetedDistricts('Gracian style', DISTRICTS, PDE)).toEqual([]);
  });
});
