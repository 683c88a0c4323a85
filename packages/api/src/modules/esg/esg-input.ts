import { z } from 'zod';
import { reviewSchema } from '../common/review-input.ts';
import { reasonIssue } from '../common/validation.ts';
import { normaliseWebsite } from '../directory/company-profile.ts';

/**
 * The esg module's inputs as the resolvers parse them (parseInput) before calling a service: the
 * checks that need no database. Which criteria are in force, answered once each and with the
 * evidence they ask for, the service checks against the catalogue.
 */

/** The longest comment an answer may carry. */
export const MAX_COMMENT_LENGTH = 2000;

/** One answer as sent: level 0 (not met) .. 4 (fully met), an evidence link, a comment. */
export const EsgAnswerSchema = z.object({
  criterion: z.string(),
  level: z.number().refine((level) => Number.isInteger(level) && level >= 0 && level <= 4, {
    params: { reason: 'ESG_LEVEL_OUT_OF_RANGE' },
  }),
  /** Trimmed and normalised as a web address (https:// added when missing); null when blank. */
  evidenceUrl: z
    .string()
    .trim()
    .nullish()
    .transform((value, ctx) => {
      if (!value) return null;
      const url = normaliseWebsite(value);
      if (!url) {
        ctx.addIssue(reasonIssue('NOT_A_URL'));
        return z.NEVER;
      }
      return url;
    }),
  /** Trimmed; null when blank. */
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT_LENGTH)
    .nullish()
    .transform((value) => value || null),
});

export const EsgAnswersSchema = z.array(EsgAnswerSchema);

export type EsgAnswer = z.output<typeof EsgAnswerSchema>;

/** Staff's decision on an assessment: a rejection says why (the editors read it). */
export const EsgReviewSchema = reviewSchema({ rejectionReasonRequired: 'ESG_REJECTION_REASON_REQUIRED' });

export type EsgReview = z.output<typeof EsgReviewSchema>;
