import { z } from 'zod';
import { normaliseEmail } from '../account/password.ts';
import { isEmailAddress } from '../common/ids.ts';
import { reviewSchema } from '../common/review-input.ts';
import { reasonIssue } from '../common/validation.ts';

/**
 * The moderation module's arguments as the resolvers parse them (parseInput) before calling a
 * service: the checks that need no database. A company profile's own shape is CompanyDraftSchema
 * (directory/company-profile.ts); its rules, which need the reference data, are checked by the
 * services with validateCompanyProfile.
 */

/** The longest text of a claim or of a rejection's reason. */
export const MAX_MESSAGE_LENGTH = 2000;

/** A claim: who the claimant is and why they may edit the company, for staff to read. */
export const ClaimSchema = z.object({
  companyId: z.string(),
  message: z
    .string()
    .trim()
    .max(MAX_MESSAGE_LENGTH)
    .refine((message) => message !== '', { params: { reason: 'CLAIM_MESSAGE_REQUIRED' } }),
});

export type ClaimInput = z.output<typeof ClaimSchema>;

/** Staff's decision on a proposal: a rejection says why (the editors read it). */
export const ReviewSchema = reviewSchema({
  rejectionReasonRequired: 'REJECTION_REASON_REQUIRED',
  maxReasonLength: MAX_MESSAGE_LENGTH,
});

export type ReviewInput = z.output<typeof ReviewSchema>;

/** An address invited to edit a company: as typed (trimmed) and as compared (its key). */
export const InvitedEmailSchema = z
  .string()
  .trim()
  .min(1)
  .transform((typed, ctx) => {
    const key = normaliseEmail(typed);
    if (!isEmailAddress(key)) {
      ctx.addIssue(reasonIssue('NOT_AN_EMAIL'));
      return z.NEVER;
    }
    return { typed, key };
  });

export type InvitedEmail = z.output<typeof InvitedEmailSchema>;
