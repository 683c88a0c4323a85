import { z } from 'zod';
import { normaliseEmail } from '../account/password.ts';
import { isEmailAddress } from '../common/ids.ts';
import { optionalText, requiredText } from './contract-fields.ts';

/** What one shortlist holds and says at most. */
export const SHORTLIST_LIMITS = {
  name: 200,
  tenderReference: 100,
  description: 2000,
  note: 2000,
  entries: 1000,
  shares: 50,
} as const;

/** A shortlist's name and what it is for (ShortlistInput). */
export const ShortlistInputSchema = z.object({
  name: requiredText(SHORTLIST_LIMITS.name),
  tenderReference: optionalText(SHORTLIST_LIMITS.tenderReference),
  description: optionalText(SHORTLIST_LIMITS.description),
});
export type ShortlistData = z.output<typeof ShortlistInputSchema>;

/**
 * An officer's note on a company of a list, trimmed: undefined when none is given (adding a
 * company already on the list keeps its note), null when it is empty (the note is cleared).
 */
export const NoteSchema = z
  .string()
  .trim()
  .max(SHORTLIST_LIMITS.note)
  .nullish()
  .transform((note) => (note === null || note === undefined ? undefined : note || null));
export type NoteData = z.output<typeof NoteSchema>;

/** The address a list is shared with, as account addresses are stored (trimmed, lower case). */
export const ShareEmailSchema = z
  .string()
  .transform(normaliseEmail)
  .refine(isEmailAddress, { params: { reason: 'NOT_AN_EMAIL' } });
