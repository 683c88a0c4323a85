import type { Reason } from '@proximitat/errors';
import { z } from 'zod';
import { reasonIssue } from './validation.ts';

/**
 * Staff's decision on something that waits in a staff queue (a profile revision, an ESG
 * assessment): approve, or reject saying why (the editors read it). The reason is trimmed; null
 * when blank. `rejectionReasonRequired` is the module's reason for a rejection without one;
 * `maxReasonLength`, when given, bounds the reason (TOO_LONG).
 */
export function reviewSchema(options: { rejectionReasonRequired: Reason; maxReasonLength?: number }) {
  const text = z.string().trim();
  return z
    .object({
      id: z.string(),
      decision: z.enum(['APPROVE', 'REJECT']),
      reason: (options.maxReasonLength === undefined ? text : text.max(options.maxReasonLength))
        .nullish()
        .transform((value) => value || null),
    })
    .superRefine((review, ctx) => {
      if (review.decision === 'REJECT' && !review.reason) {
        ctx.addIssue(reasonIssue(options.rejectionReasonRequired, {}, ['reason']));
      }
    });
}
