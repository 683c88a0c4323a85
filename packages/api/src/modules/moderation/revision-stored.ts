import { z } from 'zod';
import { CompanyProfileSchema } from '../directory/company-profile.ts';

/**
 * The JSON columns of CompanyRevision, parsed when read: checked rather than cast (a row that does
 * not match fails loudly instead of answering or publishing nonsense).
 */

/** `proposed`: the whole profile proposed (those proposed before social clauses existed have none). */
export const StoredProposalSchema = CompanyProfileSchema.extend({
  socialClauses: z.array(z.string()).default([]),
});

/** `changes`: field by field, what the revision changes, as text for reviewers. */
export const StoredChangesSchema = z.array(
  z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
);

export type FieldChange = z.output<typeof StoredChangesSchema>[number];

export const storedProposal = (json: unknown) => StoredProposalSchema.parse(json);

export const storedChanges = (json: unknown): FieldChange[] => StoredChangesSchema.parse(json);
