import { ValueSource } from '@proximitat/db';
import { z } from 'zod';
import { PROFILE_FIELDS, type ProfileField } from './company-profile.ts';

/**
 * The JSON columns of Company, parsed when read: checked rather than cast (a row that does not
 * match fails loudly instead of answering nonsense).
 */

const PROFILE_FIELD_NAMES = Object.keys(PROFILE_FIELDS) as [ProfileField, ...ProfileField[]];

/** `fieldSources`: for each field of CompanyProfileInput that has a value, who set it. */
export const FieldSourcesSchema = z.partialRecord(z.enum(PROFILE_FIELD_NAMES), z.enum(ValueSource));

export type FieldSources = z.output<typeof FieldSourcesSchema>;

export const fieldSources = (json: unknown): FieldSources => FieldSourcesSchema.parse(json);
