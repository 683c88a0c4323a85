import type { Locale } from '@proximitat/db';
import { cpvLabel } from '../directory/cpv.ts';
import type { Reference } from '../reference/reference-cache.ts';
import type { CpvLevel, Reason } from './tender-matching.ts';

const CPV_LEVEL_TEXT: Record<CpvLevel, Record<Locale, string>> = {
  UNDER: { CA: 'dins del codi demanat', ES: 'dentro del código pedido', EN: 'within the code asked for' },
  BROADER: { CA: "ofereix tota l'àrea", ES: 'ofrece toda el área', EN: 'offers the whole area' },
  CATEGORY: { CA: 'mateixa categoria', ES: 'misma categoría', EN: 'same category' },
  CLASS: { CA: 'mateixa classe', ES: 'misma clase', EN: 'same class' },
  GROUP: { CA: 'mateix grup', ES: 'mismo grupo', EN: 'same group' },
  DIVISION: { CA: 'mateixa divisió', ES: 'misma división', EN: 'same division' },
};

/** Why a supplier matches, as a sentence in the reader's language. */
export function explainMatch(reason: Reason, locale: Locale, reference: Reference): string {
  const pick = (texts: Record<Locale, string>) => texts[locale];
  switch (reason.kind) {
    case 'CPV':
      return `CPV ${reason.offered} (${cpvLabel(reason.offered, locale)}): ${pick(CPV_LEVEL_TEXT[reason.level])} ${reason.asked}`;
    case 'TEXT':
      return pick({
        CA: `La descripció respon a la necessitat (${Math.round(reason.score * 100)} %)`,
        ES: `La descripción responde a la necesidad (${Math.round(reason.score * 100)} %)`,
        EN: `Its description answers the need (${Math.round(reason.score * 100)}%)`,
      });
    case 'DISTRICT': {
      const name = reference.districts.get(reason.districtCode)?.name ?? reason.districtCode;
      return pick({
        CA: `Al districte: ${name}`,
        ES: `En el distrito: ${name}`,
        EN: `In the district: ${name}`,
      });
    }
    case 'ESG':
      return pick({
        CA: `Homologació ASG verificada: ${reason.score}/100`,
        ES: `Homologación ASG verificada: ${reason.score}/100`,
        EN: `Verified ESG homologation: ${reason.score}/100`,
      });
    case 'RESERVED':
      return reason.insertionCompany
        ? pick({ CA: "Empresa d'inserció", ES: 'Empresa de inserción', EN: 'Insertion company' })
        : pick({
            CA: 'Centre especial de treball',
            ES: 'Centro especial de empleo',
            EN: 'Special employment centre',
          });
    case 'SOCIAL_CLAUSES': {
      const names = reason.codes
        .map((code) => {
          const clause = reference.socialClauses.get(code);
          if (!clause) return code;
          return locale === 'ES' ? clause.nameEs : locale === 'EN' ? clause.nameEn : clause.nameCa;
        })
        .join(', ');
      return pick({
        CA: `Declara que pot complir: ${names}`,
        ES: `Declara que puede cumplir: ${names}`,
        EN: `Declares it can fulfil: ${names}`,
      });
    }
    case 'CAPACITY':
      return pick({
        CA: `Atenció: ${reason.employees} persones per a aquest pressupost`,
        ES: `Atención: ${reason.employees} personas para este presupuesto`,
        EN: `Note: ${reason.employees} people for this budget`,
      });
  }
}
