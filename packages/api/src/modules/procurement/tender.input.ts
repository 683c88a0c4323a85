import { z } from 'zod';
import type { Reference } from '../reference/reference-cache.ts';
import {
  cents,
  cpvCodes,
  districtCodes,
  optionalText,
  requiredText,
  socialClauseCodes,
} from './contract-fields.ts';

export const TENDER_LIMITS = {
  title: 200,
  description: 5000,
  reference: 100,
  cpvCodes: 20,
  budget: 100_000_000_000,
  message: 2000,
  invitations: 50,
  /** The suppliers the text search contributes. */
  textHits: 200,
  /** The most matches a request returns. */
  matches: 100,
} as const;

/**
 * A need as an officer describes it (TenderInput), checked against the reference lists: the
 * output is what a Tender row holds (codes normalised, each once, sorted; the budget in cents).
 */
export function tenderInputSchema(reference: Reference) {
  return z
    .object({
      title: requiredText(TENDER_LIMITS.title),
      description: optionalText(TENDER_LIMITS.description),
      reference: optionalText(TENDER_LIMITS.reference),
      cpvCodes: cpvCodes(TENDER_LIMITS.cpvCodes),
      districts: districtCodes(reference),
      reserved: z
        .boolean()
        .nullish()
        .transform((reserved) => reserved ?? false),
      socialClauses: socialClauseCodes(reference),
      budget: z
        .number()
        .min(0)
        .max(TENDER_LIMITS.budget)
        .nullish()
        .transform((budget) => (budget === null || budget === undefined ? null : cents(budget))),
    })
    .transform(({ districts, ...tender }) => ({ ...tender, districtCodes: districts }));
}
export type TenderData = z.output<ReturnType<typeof tenderInputSchema>>;

/** The companies to invite (each once, 1 to TENDER_LIMITS.invitations) and the officer's message. */
export const InvitationInputSchema = z.object({
  companyIds: z
    .array(z.string())
    .transform((ids) => [...new Set(ids)])
    .pipe(
      z
        .array(z.string())
        .refine((ids) => ids.length > 0, { params: { reason: 'NO_SUPPLIER_CHOSEN' } })
        .max(TENDER_LIMITS.invitations),
    ),
  message: optionalText(TENDER_LIMITS.message),
});
export type InvitationData = z.output<typeof InvitationInputSchema>;

/** The officer's note on a supplier's answer. */
export const ResponseNoteSchema = optionalText(TENDER_LIMITS.message);
