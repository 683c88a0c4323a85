import { EsgPillar } from '@proximitat/db';
import { z } from 'zod';

/**
 * The JSON columns of EsgAssessment, parsed when read: what `submitAssessment` stores, checked
 * rather than cast (a row that does not match fails loudly instead of answering nonsense).
 */

/** `answers`: [{ criterion, level, evidenceUrl, comment }], as submitted and normalised. */
export const StoredAnswersSchema = z.array(
  z.object({
    criterion: z.string(),
    level: z.number().int().min(0).max(4),
    evidenceUrl: z
      .string()
      .nullish()
      .transform((value) => value ?? null),
    comment: z
      .string()
      .nullish()
      .transform((value) => value ?? null),
  }),
);
export type StoredAnswer = z.output<typeof StoredAnswersSchema>[number];

/** `pillarScores`: [{ pillar, score }], 0..100 for each pillar the criteria cover. */
export const PillarScoresSchema = z.array(
  z.object({ pillar: z.enum(EsgPillar), score: z.number().int().min(0).max(100) }),
);
export type PillarScore = z.output<typeof PillarScoresSchema>[number];

export const storedAnswers = (json: unknown): StoredAnswer[] => StoredAnswersSchema.parse(json);

export const pillarScores = (json: unknown): PillarScore[] => PillarScoresSchema.parse(json);
