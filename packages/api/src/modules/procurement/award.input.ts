import { z } from 'zod';
import { reasonIssue } from '../common/validation.ts';
import { validateTaxId } from '../directory/tax-id.ts';
import type { Reference } from '../reference/reference-cache.ts';
import {
  cents,
  cpvCode,
  districtCode,
  optionalText,
  requiredText,
  socialClauseCodes,
} from './contract-fields.ts';

/**
 * The OCDS method codelist: how the supplier was chosen. The GraphQL enum ProcurementMethod names
 * these values; ContractAward.procurementMethod stores them (a text column, read back with
 * ProcurementMethodSchema).
 */
export const ProcurementMethod = {
  OPEN: 'open',
  SELECTIVE: 'selective',
  LIMITED: 'limited',
  DIRECT: 'direct',
} as const;
export type ProcurementMethod = (typeof ProcurementMethod)[keyof typeof ProcurementMethod];
export const ProcurementMethodSchema = z.enum(ProcurementMethod);

export const AWARD_LIMITS = {
  title: 300,
  reference: 100,
  name: 300,
  amount: 100_000_000_000,
  firstYear: 2000,
} as const;

export const DEFAULT_BUYER = 'Ajuntament de Barcelona';

/** Who won the contract: a company of the directory, or a name and a valid tax ID (compact). */
export type AwardSupplier = { companyId: string } | { name: string; taxId: string };

/**
 * An awarded contract as an officer records it (ContractAwardInput), checked against the reference
 * lists and today's date. The supplier is a directory company (supplierCompanyId) or a name and a
 * tax ID; whether that company is published is for the service to check.
 */
export function awardInputSchema(reference: Reference, now: Date) {
  return z
    .object({
      title: requiredText(AWARD_LIMITS.title),
      reference: requiredText(AWARD_LIMITS.reference),
      buyerName: optionalText(AWARD_LIMITS.name).transform((name) => name ?? DEFAULT_BUYER),
      supplierCompanyId: z
        .union([z.string(), z.number()])
        .nullish()
        .transform((id) => (id === null || id === undefined || id === '' ? null : String(id))),
      supplierName: optionalText(AWARD_LIMITS.name),
      supplierTaxId: z.string().nullish(),
      amount: z
        .number()
        .transform(cents)
        .pipe(
          z
            .number()
            .refine((amount) => amount > 0, { params: { reason: 'AMOUNT_NOT_POSITIVE' } })
            .max(AWARD_LIMITS.amount),
        ),
      cpvCode,
      awardedOn: z
        .date()
        .refine(
          (date) => date.getUTCFullYear() >= AWARD_LIMITS.firstYear && date.getTime() <= now.getTime(),
          { params: { reason: 'AWARD_DATE_OUT_OF_RANGE', values: { first: AWARD_LIMITS.firstYear } } },
        ),
      reserved: z
        .boolean()
        .nullish()
        .transform((reserved) => reserved ?? false),
      socialClauses: socialClauseCodes(reference),
      district: z
        .string()
        .nullish()
        .transform((raw, ctx): string | null => {
          const code = raw?.trim() ? districtCode(raw) : null;
          if (code === null || reference.districts.has(code)) return code;
          ctx.addIssue(reasonIssue('UNKNOWN_VALUE', { value: code }));
          return z.NEVER;
        }),
      procurementMethod: ProcurementMethodSchema,
    })
    .superRefine(
      (award, ctx) => {
        // Without a directory company, the supplier is a name and a tax ID.
        if (award.supplierCompanyId) return;
        if (!award.supplierName) ctx.addIssue(reasonIssue('REQUIRED', {}, ['supplierName']));
        const tax = validateTaxId(award.supplierTaxId ?? '');
        if (!tax.valid) ctx.addIssue(reasonIssue(tax.reason, tax.params, ['supplierTaxId']));
      },
      // Said also when other fields are wrong, so that the form shows every mistake at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    )
    .transform(({ supplierCompanyId, supplierName, supplierTaxId, district, ...award }) => {
      const tax = validateTaxId(supplierTaxId ?? '');
      const supplier: AwardSupplier = supplierCompanyId
        ? { companyId: supplierCompanyId }
        : { name: supplierName ?? '', taxId: tax.valid ? tax.value : '' };
      return { ...award, districtCode: district, supplier };
    });
}
export type AwardData = z.output<ReturnType<typeof awardInputSchema>>;
