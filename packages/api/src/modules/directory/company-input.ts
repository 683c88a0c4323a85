import { CompanyStatus } from '@proximitat/db';
import { z } from 'zod';

/**
 * The directory queries' arguments as the resolvers parse them (parseInput) before calling a
 * service: the checks that need no database.
 */

/** The most values a filter list of `companies` takes. */
export const MAX_FILTER_VALUES = 100;

const codes = z.array(z.string()).max(MAX_FILTER_VALUES).nullish();

/** CompanyListFilter: lists are "any of". */
export const CompanyListFilterSchema = z
  .object({
    statuses: z.array(z.enum(CompanyStatus)).max(MAX_FILTER_VALUES).nullish(),
    districts: codes,
    neighbourhoods: codes,
    sectors: codes,
    legalForms: codes,
    reservedContractEligible: z.boolean().nullish(),
    /** Part of the name or the tax ID; at most 200 characters count. */
    nameOrTaxId: z
      .string()
      .nullish()
      .transform((value) => value?.trim().slice(0, 200) || null),
  })
  .nullish();

export type CompanyListFilter = z.output<typeof CompanyListFilterSchema>;

export const COMPANY_LIST_ORDERS = ['NAME', 'NEWEST', 'RECENTLY_UPDATED'] as const;

export type CompanyListOrder = (typeof COMPANY_LIST_ORDERS)[number];
