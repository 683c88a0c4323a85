/**
 * Tender matching: which suppliers of the directory suit a need, how well, and why. Pure: the
 * candidates come from the database and the search engine (tender.service.ts).
 *
 * Eligibility is strict: a reserved contract needs an empresa d'inserció or a centre especial de
 * treball; every social clause of the contract must be declared; and the company must do what is
 * asked (a CPV code in the same division, or a match for the text). The score (0..100) then adds:
 *
 * | what                                   | points |
 * | -------------------------------------- | ------ |
 * | CPV: a code under the one asked        | 40     |
 * | CPV: declares the whole area asked     | 30     |
 * | CPV: same category / class / group / division (5 / 4 / 3 / 2 digits) | 32 / 26 / 20 / 12 |
 * | text: the search engine's ranking score against the best hit's (0.5..1) | up to 25 |
 * | works in one of the districts asked    | 15     |
 * | verified ESG homologation in force     | up to 15 (score / 100 x 15) |
 * | budget over four times a rough yearly capacity (50,000 EUR a person) | -10 |
 *
 * out of 95, scaled to 100 and rounded.
 */

export interface Need {
  cpvCodes: string[];
  districtCodes: string[];
  reserved: boolean;
  socialClauses: string[];
  budget: number | null;
  hasText: boolean;
}

export interface Candidate {
  id: string;
  name: string;
  cpvCodes: string[];
  districtCode: string | null;
  insertionCompany: boolean;
  specialEmploymentCentre: boolean;
  socialClauses: string[];
  employees: number | null;
  /** The verified ESG score in force, if any. */
  esgScore: number | null;
  /** The search engine's ranking score for the need's text (0..1), when it found the company. */
  textScore: number | null;
}

export type CpvLevel = 'UNDER' | 'BROADER' | 'CATEGORY' | 'CLASS' | 'GROUP' | 'DIVISION';

export type Reason =
  | { kind: 'CPV'; level: CpvLevel; asked: string; offered: string }
  | { kind: 'TEXT'; score: number }
  | { kind: 'DISTRICT'; districtCode: string }
  | { kind: 'ESG'; score: number }
  | { kind: 'RESERVED'; insertionCompany: boolean; specialEmploymentCentre: boolean }
  | { kind: 'SOCIAL_CLAUSES'; codes: string[] }
  | { kind: 'CAPACITY'; employees: number };

export interface Match {
  candidate: Candidate;
  score: number;
  reasons: Reason[];
}

const CPV_POINTS: Record<CpvLevel, number> = {
  UNDER: 40,
  BROADER: 30,
  CATEGORY: 32,
  CLASS: 26,
  GROUP: 20,
  DIVISION: 12,
};
const MAX_POINTS = 95;
export const CAPACITY_PER_PERSON = 50_000;

/** The digits that mean something: "45000000" covers everything under "45". */
export function significant(code: string): string {
  const digits = code.slice(0, 8);
  const trimmed = digits.replace(/0+$/, '');
  return trimmed.length < 2 ? digits.slice(0, 2) : trimmed;
}

/** How a company's CPV code relates to one asked for; null when not even the division agrees. */
export function cpvLevel(asked: string, offered: string): CpvLevel | null {
  const a = asked.slice(0, 8);
  const o = offered.slice(0, 8);
  if (o.startsWith(significant(a))) return 'UNDER';
  if (a.startsWith(significant(o))) return 'BROADER';
  let common = 0;
  while (common < 8 && a[common] === o[common]) common += 1;
  if (common >= 5) return 'CATEGORY';
  if (common === 4) return 'CLASS';
  if (common === 3) return 'GROUP';
  if (common === 2) return 'DIVISION';
  return null;
}

function bestCpv(need: Need, candidate: Candidate): Reason | null {
  let best: { level: CpvLevel; asked: string; offered: string } | null = null;
  for (const asked of need.cpvCodes) {
    for (const offered of candidate.cpvCodes) {
      const level = cpvLevel(asked, offered);
      if (level && (!best || CPV_POINTS[level] > CPV_POINTS[best.level])) best = { level, asked, offered };
    }
  }
  return best ? { kind: 'CPV', ...best } : null;
}

/** The match of one candidate, or null when it is not eligible. */
export function matchCandidate(need: Need, candidate: Candidate): Match | null {
  const reserved = candidate.insertionCompany || candidate.specialEmploymentCentre;
  if (need.reserved && !reserved) return null;
  if (!need.socialClauses.every((code) => candidate.socialClauses.includes(code))) return null;
  const cpv = bestCpv(need, candidate);
  const text = candidate.textScore !== null && need.hasText ? candidate.textScore : null;
  if (!cpv && text === null) return null;

  const reasons: Reason[] = [];
  let points = 0;
  if (cpv?.kind === 'CPV') {
    points += CPV_POINTS[cpv.level];
    reasons.push(cpv);
  }
  if (text !== null) {
    points += 25 * Math.min(1, Math.max(0, text));
    reasons.push({ kind: 'TEXT', score: Math.round(text * 100) / 100 });
  }
  if (candidate.districtCode && need.districtCodes.includes(candidate.districtCode)) {
    points += 15;
    reasons.push({ kind: 'DISTRICT', districtCode: candidate.districtCode });
  }
  if (candidate.esgScore !== null) {
    points += (15 * candidate.esgScore) / 100;
    reasons.push({ kind: 'ESG', score: candidate.esgScore });
  }
  if (need.reserved) {
    reasons.push({
      kind: 'RESERVED',
      insertionCompany: candidate.insertionCompany,
      specialEmploymentCentre: candidate.specialEmploymentCentre,
    });
  }
  if (need.socialClauses.length > 0) reasons.push({ kind: 'SOCIAL_CLAUSES', codes: need.socialClauses });
  if (
    need.budget !== null &&
    candidate.employees !== null &&
    need.budget > 4 * Math.max(1, candidate.employees) * CAPACITY_PER_PERSON
  ) {
    points -= 10;
    reasons.push({ kind: 'CAPACITY', employees: candidate.employees });
  }
  return {
    candidate,
    score: Math.max(0, Math.min(100, Math.round((points / MAX_POINTS) * 100))),
    reasons,
  };
}

/** Eligible candidates, best first (ties by name). */
export function rankCandidates(need: Need, candidates: Candidate[]): Match[] {
  return candidates
    .map((candidate) => matchCandidate(need, candidate))
    .filter((match): match is Match => match !== null)
    .sort((a, b) => b.score - a.score || a.candidate.name.localeCompare(b.candidate.name, 'ca'));
}
