import type { Db, EsgPillar } from '@proximitat/db';

/**
 * The first version of the ESG (ASG: ambientals, socials i de bon govern) homologation catalogue:
 * three criteria per pillar, weighted, with the question in Catalan, Spanish and English.
 */
export const ESG_CRITERIA_VERSION = 1;

export interface EsgCriterionSeed {
  code: string;
  pillar: EsgPillar;
  weight: number;
  evidenceRequired: boolean;
  question: { ca: string; es: string; en: string };
}

export const ESG_CRITERIA_V1: EsgCriterionSeed[] = [
  {
    code: 'ENV_MANAGEMENT',
    pillar: 'ENVIRONMENTAL',
    weight: 3,
    evidenceRequired: true,
    question: {
      ca: "L'entitat té un sistema de gestió ambiental (ISO 14001, EMAS o equivalent) o un pla ambiental amb objectius mesurables?",
      es: '¿La entidad tiene un sistema de gestión ambiental (ISO 14001, EMAS o equivalente) o un plan ambiental con objetivos medibles?',
      en: 'Does the organisation have an environmental management system (ISO 14001, EMAS or equivalent) or an environmental plan with measurable targets?',
    },
  },
  {
    code: 'ENV_ENERGY_WASTE',
    pillar: 'ENVIRONMENTAL',
    weight: 2,
    evidenceRequired: false,
    question: {
      ca: "Mesura i redueix el consum d'energia i els residus, amb energia renovable i recollida selectiva?",
      es: '¿Mide y reduce el consumo de energía y los residuos, con energía renovable y recogida selectiva?',
      en: 'Does it measure and reduce energy use and waste, using renewable energy and separate collection?',
    },
  },
  {
    code: 'ENV_SUPPLIERS',
    pillar: 'ENVIRONMENTAL',
    weight: 2,
    evidenceRequired: false,
    question: {
      ca: "Prioritza proveïdors locals, de comerç just i de l'economia social i solidària?",
      es: '¿Prioriza proveedores locales, de comercio justo y de la economía social y solidaria?',
      en: 'Does it favour local, fair-trade and social-economy suppliers?',
    },
  },
  {
    code: 'SOC_QUALITY_EMPLOYMENT',
    pillar: 'SOCIAL',
    weight: 3,
    evidenceRequired: true,
    question: {
      ca: 'Ofereix ocupació de qualitat: contractes indefinits, salaris per sobre del conveni i conciliació?',
      es: '¿Ofrece empleo de calidad: contratos indefinidos, salarios por encima del convenio y conciliación?',
      en: 'Does it offer quality employment: permanent contracts, pay above the collective agreement, work-life balance?',
    },
  },
  {
    code: 'SOC_EQUALITY',
    pillar: 'SOCIAL',
    weight: 2,
    evidenceRequired: true,
    question: {
      ca: "Té un pla d'igualtat i aplica la perspectiva de gènere en la retribució i els càrrecs de responsabilitat?",
      es: '¿Tiene un plan de igualdad y aplica la perspectiva de género en la retribución y los cargos de responsabilidad?',
      en: 'Does it have an equality plan and apply a gender perspective to pay and positions of responsibility?',
    },
  },
  {
    code: 'SOC_INCLUSION',
    pillar: 'SOCIAL',
    weight: 2,
    evidenceRequired: false,
    question: {
      ca: "Contracta persones en risc d'exclusió o amb discapacitat, amb acompanyament?",
      es: '¿Contrata a personas en riesgo de exclusión o con discapacidad, con acompañamiento?',
      en: 'Does it employ people at risk of exclusion or with disabilities, with support?',
    },
  },
  {
    code: 'GOV_DEMOCRATIC',
    pillar: 'GOVERNANCE',
    weight: 3,
    evidenceRequired: false,
    question: {
      ca: 'Les decisions es prenen de manera democràtica i participada per les persones sòcies o treballadores?',
      es: '¿Las decisiones se toman de manera democrática y participada por las personas socias o trabajadoras?',
      en: 'Are decisions taken democratically, with members or workers taking part?',
    },
  },
  {
    code: 'GOV_TRANSPARENCY',
    pillar: 'GOVERNANCE',
    weight: 2,
    evidenceRequired: true,
    question: {
      ca: 'Publica els comptes, el balanç social i la informació de governança?',
      es: '¿Publica las cuentas, el balance social y la información de gobernanza?',
      en: 'Does it publish its accounts, social balance and governance information?',
    },
  },
  {
    code: 'GOV_PAY_RATIO',
    pillar: 'GOVERNANCE',
    weight: 2,
    evidenceRequired: false,
    question: {
      ca: 'La diferència entre el salari més alt i el més baix és de com a màxim 1 a 5?',
      es: '¿La diferencia entre el salario más alto y el más bajo es como máximo de 1 a 5?',
      en: 'Is the ratio between the highest and the lowest pay at most 5 to 1?',
    },
  },
];

/** Loads the catalogue; running it again changes nothing. Criteria of other versions are retired. */
export async function seedEsgCriteria(db: Db): Promise<number> {
  await db.$transaction(async (tx) => {
    for (const [position, criterion] of ESG_CRITERIA_V1.entries()) {
      const data = {
        version: ESG_CRITERIA_VERSION,
        pillar: criterion.pillar,
        weight: criterion.weight,
        questionCa: criterion.question.ca,
        questionEs: criterion.question.es,
        questionEn: criterion.question.en,
        evidenceRequired: criterion.evidenceRequired,
        position,
        active: true,
      };
      await tx.esgCriterion.upsert({
        where: { code: criterion.code },
        create: { code: criterion.code, ...data },
        update: data,
      });
    }
    await tx.esgCriterion.updateMany({
      where: { version: { not: ESG_CRITERIA_VERSION } },
      data: { active: false },
    });
  });
  return ESG_CRITERIA_V1.length;
}
