import { ErrorCode } from '../codes.ts';
import { reason } from '../define.ts';

/** An assessment's status as each language says it (a status this list lacks shows as sent). */
const STATUS = {
  ca: {
    SUBMITTED: 'pendent de verificació',
    VERIFIED: 'verificada',
    REJECTED: 'rebutjada',
    EXPIRED: 'caducada',
  },
  es: {
    SUBMITTED: 'pendiente de verificación',
    VERIFIED: 'verificada',
    REJECTED: 'rechazada',
    EXPIRED: 'caducada',
  },
  en: { SUBMITTED: 'awaiting verification', VERIFIED: 'verified', REJECTED: 'rejected', EXPIRED: 'expired' },
} as const;

const statusIn = (language: keyof typeof STATUS, status: string): string =>
  (STATUS[language] as Record<string, string>)[status] ?? status;

/**
 * Reasons of the esg module's failures (the self-assessment and its verification). `criterion`
 * is the criterion's code (ENV_ENERGY_WASTE): the server's message names it so; a client that has
 * the criterion's question in its language may show that instead.
 */
export const esgReasons = {
  ESG_EDITORS_ONLY: reason({
    code: ErrorCode.FORBIDDEN,
    description: "Only the company's editors may submit its ESG self-assessment.",
    params: [],
    ca: () => "Només les persones editores de l'empresa en poden enviar l'autoavaluació ASG.",
    es: () => 'Solo las personas editoras de la empresa pueden enviar su autoevaluación ASG.',
    en: () => "Only the company's editors can submit its ESG self-assessment.",
  }),
  ESG_CRITERION_UNANSWERED: reason<{ criterion: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The criterion `criterion` of the catalogue in force has no answer.',
    params: ['criterion'],
    ca: ({ criterion }) => `Respon el criteri «${criterion}».`,
    es: ({ criterion }) => `Responde al criterio «${criterion}».`,
    en: ({ criterion }) => `Answer the criterion “${criterion}”.`,
  }),
  ESG_CRITERION_ANSWERED_TWICE: reason<{ criterion: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The criterion `criterion` is answered more than once.',
    params: ['criterion'],
    ca: ({ criterion }) => `Has respost el criteri «${criterion}» més d'una vegada.`,
    es: ({ criterion }) => `Has respondido al criterio «${criterion}» más de una vez.`,
    en: ({ criterion }) => `The criterion “${criterion}” is answered more than once.`,
  }),
  ESG_CRITERION_UNKNOWN: reason<{ criterion: string }>({
    code: ErrorCode.VALIDATION,
    description:
      '`criterion` is not a criterion of the catalogue in force (it may have been retired since the questionnaire was loaded).',
    params: ['criterion'],
    ca: ({ criterion }) =>
      `«${criterion}» ja no és cap criteri de l'homologació ASG vigent: torna a carregar el qüestionari.`,
    es: ({ criterion }) =>
      `«${criterion}» ya no es ningún criterio de la homologación ASG vigente: vuelve a cargar el cuestionario.`,
    en: ({ criterion }) =>
      `“${criterion}” is not a criterion of the ESG homologation in force: reload the questionnaire.`,
  }),
  ESG_LEVEL_OUT_OF_RANGE: reason({
    code: ErrorCode.VALIDATION,
    description: 'A level is a whole number from 0 (not met) to 4 (fully met).',
    params: [],
    ca: () => 'Tria un nivell de 0 (no es compleix) a 4 (es compleix del tot).',
    es: () => 'Elige un nivel de 0 (no se cumple) a 4 (se cumple del todo).',
    en: () => 'Choose a level from 0 (not met) to 4 (fully met).',
  }),
  ESG_EVIDENCE_REQUIRED: reason<{ criterion: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The criterion `criterion` asks for a link to the evidence when its level is above 0.',
    params: ['criterion'],
    ca: ({ criterion }) => `El criteri «${criterion}» necessita un enllaç a l'evidència.`,
    es: ({ criterion }) => `El criterio «${criterion}» necesita un enlace a la evidencia.`,
    en: ({ criterion }) => `The criterion “${criterion}” needs a link to its evidence.`,
  }),
  ESG_REJECTION_REASON_REQUIRED: reason({
    code: ErrorCode.VALIDATION,
    description: "Rejecting an assessment needs a reason, which the company's editors read.",
    params: [],
    ca: () => "Per rebutjar-la, escriu el motiu: l'equip de l'empresa el llegirà.",
    es: () => 'Para rechazarla, escribe el motivo: el equipo de la empresa lo leerá.',
    en: () => "To reject it, write the reason: the company's team will read it.",
  }),
  ESG_ASSESSMENT_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'There is no ESG self-assessment with this id.',
    params: [],
    ca: () => 'No hi ha cap autoavaluació ASG amb aquest identificador.',
    es: () => 'No hay ninguna autoevaluación ASG con este identificador.',
    en: () => 'There is no ESG self-assessment with this id.',
  }),
  ESG_ASSESSMENT_ALREADY_REVIEWED: reason<{ status: string }>({
    code: ErrorCode.CONFLICT,
    description: 'The assessment was already reviewed (by someone else, perhaps): it is now `status`.',
    params: ['status'],
    ca: ({ status }) => `Aquesta autoavaluació ja s'ha revisat i està ${statusIn('ca', status)}.`,
    es: ({ status }) => `Esta autoevaluación ya se ha revisado y está ${statusIn('es', status)}.`,
    en: ({ status }) => `This self-assessment has already been reviewed: it is ${statusIn('en', status)}.`,
  }),
} as const;
