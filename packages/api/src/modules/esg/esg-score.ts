import type { EsgPillar } from '@proximitat/db';

/**
 * The scoring of EsgAnswerInput: level 0 (not met) .. 4 (fully met); a criterion's score is
 * level/4; a pillar's score is the weighted mean of its criteria x 100; the overall score is the
 * weighted mean over all criteria x 100, rounded to an integer.
 */
export interface ScoredCriterion {
  pillar: EsgPillar;
  weight: number;
  level: number;
}

export interface EsgScore {
  score: number;
  pillars: { pillar: EsgPillar; score: number }[];
}

const PILLARS: EsgPillar[] = ['ENVIRONMENTAL', 'SOCIAL', 'GOVERNANCE'];

function weightedMean(items: ScoredCriterion[]): number {
  const weights = items.reduce((sum, item) => sum + item.weight, 0);
  if (weights === 0) return 0;
  return items.reduce((sum, item) => sum + (item.level / 4) * item.weight, 0) / weights;
}

export function scoreAssessment(items: ScoredCriterion[]): EsgScore {
  return {
    score: Math.round(weightedMean(items) * 100),
    pillars: PILLARS.filter((pillar) => items.some((item) => item.pillar === pillar)).map((pillar) => ({
      pillar,
      score: Math.round(weightedMean(items.filter((item) => item.pillar === pillar)) * 100),
    })),
  };
}
