import type { Locale } from '@proximitat/errors';

/** A company's three description columns, as stored. */
export interface CompanyDescriptions {
  descriptionCa: string | null;
  descriptionEs: string | null;
  descriptionEn: string | null;
}

/**
 * The description shown for a language and the language it is really in: the requested one when
 * written, else Catalan, then Spanish, then English; null when there is none at all.
 */
export function localizedDescription(
  company: CompanyDescriptions,
  locale: Locale | null | undefined,
): { locale: Locale; text: string } | null {
  const texts: Record<Locale, string | null> = {
    CA: company.descriptionCa,
    ES: company.descriptionEs,
    EN: company.descriptionEn,
  };
  const order: Locale[] = [locale ?? 'CA', 'CA', 'ES', 'EN'];
  for (const candidate of order) {
    const text = texts[candidate];
    if (text !== null) return { locale: candidate, text };
  }
  return null;
}
