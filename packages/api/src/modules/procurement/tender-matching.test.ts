import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  cpvLevel,
  matchCandidate,
  type Need,
  rankCandidates,
  significant,
} from './tender-matching.ts';

const need = (overrides: Partial<Need> = {}): Need => ({
  cpvCodes: ['90910000-9'],
  districtCodes: [],
  reserved: false,
  socialClauses: [],
  budget: null,
  hasText: true,
  ...overrides,
});

const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  id: 'c',
  name: 'Neta',
  cpvCodes: ['90910000-9'],
  districtCode: '03',
  insertionCompany: false,
  specialEmploymentCentre: false,
  socialClauses: [],
  employees: 10,
  esgScore: null,
  textScore: null,
  ...overrides,
});

describe('CPV levels', () => {
  it('reads the hierarchy from the digits', () => {
    expect(significant('45000000-7')).toBe('45');
    expect(significant('90910000-9')).toBe('9091');
    expect(cpvLevel('90910000-9', '90911200-8')).toBe('UNDER');
    expect(cpvLevel('90000000-7', '90910000-9')).toBe('UNDER');
    expect(cpvLevel('90911200-8', '90900000-6')).toBe('BROADER');
    expect(cpvLevel('90911200-8', '90911300-9')).toBe('CATEGORY');
    expect(cpvLevel('90911000-6', '90919000-2')).toBe('CLASS');
    expect(cpvLevel('90911000-6', '90920000-2')).toBe('GROUP');
    expect(cpvLevel('90911000-6', '90500000-2')).toBe('DIVISION');
    expect(cpvLevel('90911000-6', '45000000-7')).toBeNull();
  });
});

describe('tender matching', () => {
  it('scores an exact CPV match alone at 40 of 95 points', () => {
    const match = matchCandidate(need(), candidate());
    expect(match?.score).toBe(Math.round((40 / 95) * 100));
    expect(match?.reasons).toEqual([
      { kind: 'CPV', level: 'UNDER', asked: '90910000-9', offered: '90910000-9' },
    ]);
  });

  it('gives every criterion its points, up to 100', () => {
    const best = matchCandidate(need({ districtCodes: ['03'] }), candidate({ esgScore: 100, textScore: 1 }));
    expect(best?.score).toBe(100);
    expect(best?.reasons.map((reason) => reason.kind)).toEqual(['CPV', 'TEXT', 'DISTRICT', 'ESG']);
    const half = matchCandidate(need(), candidate({ esgScore: 50, textScore: 0.5 }));
    expect(half?.score).toBe(Math.round(((40 + 12.5 + 7.5) / 95) * 100));
  });

  it('leaves out whoever is not eligible', () => {
    expect(matchCandidate(need(), candidate({ cpvCodes: ['45000000-7'] }))).toBeNull();
    expect(matchCandidate(need({ reserved: true }), candidate())).toBeNull();
    expect(
      matchCandidate(need({ reserved: true }), candidate({ specialEmploymentCentre: true }))?.reasons,
    ).toContainEqual({ kind: 'RESERVED', insertionCompany: false, specialEmploymentCentre: true });
    const clauses = need({ socialClauses: ['IGUALTAT_GENERE', 'COMERC_JUST'] });
    expect(matchCandidate(clauses, candidate({ socialClauses: ['IGUALTAT_GENERE'] }))).toBeNull();
    expect(
      matchCandidate(
        clauses,
        candidate({ socialClauses: ['COMERC_JUST', 'IGUALTAT_GENERE', 'CONCILIACIO'] }),
      ),
    ).not.toBeNull();
  });

  it('accepts a text match without a CPV code, and not the other way round without either', () => {
    expect(matchCandidate(need(), candidate({ cpvCodes: [], textScore: 0.8 }))?.score).toBe(
      Math.round((20 / 95) * 100),
    );
    expect(matchCandidate(need({ hasText: false }), candidate({ cpvCodes: [], textScore: 0.8 }))).toBeNull();
  });

  it('warns about a budget far beyond a small team', () => {
    const small = matchCandidate(need({ budget: 1_000_000 }), candidate({ employees: 2 }));
    expect(small?.reasons).toContainEqual({ kind: 'CAPACITY', employees: 2 });
    expect(small?.score).toBe(Math.round((30 / 95) * 100));
    expect(matchCandidate(need({ budget: 300_000 }), candidate({ employees: 2 }))?.score).toBe(
      Math.round((40 / 95) * 100),
    );
  });

  it('ranks best first, then by name', () => {
    const ranked = rankCandidates(need({ districtCodes: ['01'] }), [
      candidate({ id: 'b', name: 'Brillant' }),
      candidate({ id: 'a', name: 'Àgora' }),
      candidate({ id: 'd', name: 'Districte', districtCode: '01' }),
      candidate({ id: 'x', name: 'Obres', cpvCodes: ['45000000-7'] }),
    ]);
    expect(ranked.map((match) => match.candidate.id)).toEqual(['d', 'a', 'b']);
  });
});
