import { describe, expect, it } from 'vitest';
import { ESG_CRITERIA_V1 } from './esg-criteria.ts';
import { scoreAssessment } from './esg-score.ts';

describe('ESG scoring', () => {
  it('weights criteria within pillars and overall, as EsgAnswerInput defines', () => {
    const result = scoreAssessment([
      { pillar: 'ENVIRONMENTAL', weight: 3, level: 4 },
      { pillar: 'ENVIRONMENTAL', weight: 1, level: 0 },
      { pillar: 'SOCIAL', weight: 2, level: 2 },
    ]);
    // Environmental: (1 x 3 + 0 x 1) / 4 = 0.75; social: 0.5; overall: (3 + 0 + 1) / 6 = 0.667.
    expect(result).toEqual({
      score: 67,
      pillars: [
        { pillar: 'ENVIRONMENTAL', score: 75 },
        { pillar: 'SOCIAL', score: 50 },
      ],
    });
  });

  it('gives 0 and 100 at the ends of the scale for the whole catalogue', () => {
    const all = (level: number) =>
      ESG_CRITERIA_V1.map((c) => ({ pillar: c.pillar, weight: c.weight, level }));
    expect(scoreAssessment(all(0)).score).toBe(0);
    expect(scoreAssessment(all(4))).toEqual({
      score: 100,
      pillars: [
        { pillar: 'ENVIRONMENTAL', score: 100 },
        { pillar: 'SOCIAL', score: 100 },
        { pillar: 'GOVERNANCE', score: 100 },
      ],
    });
  });

  it('has a first catalogue with three weighted criteria per pillar and questions in three languages', () => {
    for (const pillar of ['ENVIRONMENTAL', 'SOCIAL', 'GOVERNANCE'] as const) {
      expect(ESG_CRITERIA_V1.filter((c) => c.pillar === pillar)).toHaveLength(3);
    }
    expect(new Set(ESG_CRITERIA_V1.map((c) => c.code)).size).toBe(ESG_CRITERIA_V1.length);
    expect(
      ESG_CRITERIA_V1.every((c) => c.question.ca && c.question.es && c.question.en && c.weight > 0),
    ).toBe(true);
  });
});
