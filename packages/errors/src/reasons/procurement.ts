import { ErrorCode } from '../codes.ts';
import { reason } from '../define.ts';

/** Reasons of the procurement module's failures (shortlists, tenders, awards). */
export const procurementReasons = {
  YEAR_SPAN_INVALID: reason<{ first: number; span: number }>({
    code: ErrorCode.VALIDATION,
    description:
      'The years asked for must run forwards, start in `first` or later and cover at most `span` years.',
    params: ['first', 'span'],
    ca: ({ first, span }) =>
      `Els anys han d'anar del primer a l'últim, des de ${first}, i ser com a màxim ${span}.`,
    es: ({ first, span }) =>
      `Los años deben ir del primero al último, desde ${first}, y ser como máximo ${span}.`,
    en: ({ first, span }) =>
      `The years must run from first to last, from ${first} on, and be at most ${span}.`,
  }),

  // Shortlists
  SHORTLIST_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description:
      'There is no such shortlist, or the caller may not see it (the answer is the same for both).',
    params: [],
    ca: () => 'Aquesta llista no existeix o no està compartida amb tu.',
    es: () => 'Esta lista no existe o no está compartida contigo.',
    en: () => 'This shortlist does not exist or is not shared with you.',
  }),
  SHORTLIST_OWNER_ONLY: reason({
    code: ErrorCode.FORBIDDEN,
    description: 'The shortlist is shared with the caller to read: only its owner changes it.',
    params: [],
    ca: () => 'Només la persona propietària de la llista la pot canviar.',
    es: () => 'Solo la persona propietaria de la lista puede cambiarla.',
    en: () => 'Only the owner of this shortlist can change it.',
  }),
  NOT_ON_SHORTLIST: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'The company named is not on the shortlist.',
    params: [],
    ca: () => 'Aquesta empresa no és a la llista.',
    es: () => 'Esta empresa no está en la lista.',
    en: () => 'This company is not on the shortlist.',
  }),
  SHORTLIST_FULL: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The shortlist holds `max` companies already, the most it may.',
    params: ['max'],
    ca: ({ max }, f) => `Una llista pot tenir com a màxim ${f.number(max)} empreses.`,
    es: ({ max }, f) => `Una lista puede tener como máximo ${f.number(max)} empresas.`,
    en: ({ max }, f) => `A shortlist holds at most ${f.number(max)} companies.`,
  }),
  SHARE_WITH_OWNER: reason({
    code: ErrorCode.VALIDATION,
    description: "The address is the owner's own: the owner has the shortlist already.",
    params: [],
    ca: () => 'Aquesta llista ja és teva: comparteix-la amb una altra adreça.',
    es: () => 'Esta lista ya es tuya: compártela con otra dirección.',
    en: () => 'You own this shortlist already: share it with another address.',
  }),
  SHORTLIST_SHARES_FULL: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The shortlist is shared with `max` addresses already, the most it may.',
    params: ['max'],
    ca: ({ max }, f) => `Una llista es pot compartir com a màxim amb ${f.number(max)} persones.`,
    es: ({ max }, f) => `Una lista se puede compartir como máximo con ${f.number(max)} personas.`,
    en: ({ max }, f) => `A shortlist is shared with at most ${f.number(max)} people.`,
  }),
  SHORTLIST_NOT_SHARED_WITH: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'The shortlist is not shared with this address (nothing to stop sharing).',
    params: [],
    ca: () => 'La llista no està compartida amb aquesta adreça.',
    es: () => 'La lista no está compartida con esta dirección.',
    en: () => 'The shortlist is not shared with this address.',
  }),
  SNAPSHOT_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'The shortlist has no dated snapshot with this id.',
    params: [],
    ca: () => 'Aquesta còpia datada de la llista no existeix.',
    es: () => 'Esta copia fechada de la lista no existe.',
    en: () => 'This dated snapshot of the shortlist does not exist.',
  }),
  SUPPLIER_NOT_IN_DIRECTORY: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'No published company of the directory has this id.',
    params: [],
    ca: () => 'Aquesta empresa no és al directori públic.',
    es: () => 'Esta empresa no está en el directorio público.',
    en: () => 'This company is not in the public directory.',
  }),

  // Tenders and invitations
  TENDER_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'There is no such tender, or the caller may not see it (the answer is the same for both).',
    params: [],
    ca: () => 'Aquesta licitació no existeix.',
    es: () => 'Esta licitación no existe.',
    en: () => 'This tender does not exist.',
  }),
  TENDER_OWNER_ONLY: reason({
    code: ErrorCode.FORBIDDEN,
    description: 'Staff read the tender; only the officer who described it changes it.',
    params: [],
    ca: () => 'Només qui ha creat la licitació la pot canviar.',
    es: () => 'Solo quien ha creado la licitación puede cambiarla.',
    en: () => 'Only the owner of this tender can change it.',
  }),
  NO_SUPPLIER_CHOSEN: reason({
    code: ErrorCode.VALIDATION,
    description: 'An invitation names no company.',
    params: [],
    ca: () => 'Tria com a mínim una empresa.',
    es: () => 'Elige como mínimo una empresa.',
    en: () => 'Choose at least one company.',
  }),
  SUPPLIER_WITHOUT_EMAIL: reason<{ company: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The company `company` has no email address to send the invitation to.',
    params: ['company'],
    ca: ({ company }) => `${company} no té adreça electrònica: no se la pot convidar.`,
    es: ({ company }) => `${company} no tiene dirección de correo electrónico: no se la puede invitar.`,
    en: ({ company }) => `${company} has no email address: it cannot be invited.`,
  }),
  SUPPLIER_ALREADY_INVITED: reason<{ company: string }>({
    code: ErrorCode.CONFLICT,
    description: 'The company `company` is invited to this tender already.',
    params: ['company'],
    ca: ({ company }) => `${company} ja està convidada a aquesta licitació.`,
    es: ({ company }) => `${company} ya está invitada a esta licitación.`,
    en: ({ company }) => `${company} is invited to this tender already.`,
  }),
  INVITATION_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'There is no such invitation.',
    params: [],
    ca: () => 'Aquesta invitació no existeix.',
    es: () => 'Esta invitación no existe.',
    en: () => 'This invitation does not exist.',
  }),

  // Contract awards
  AWARD_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'There is no such contract award.',
    params: [],
    ca: () => 'Aquesta adjudicació no existeix.',
    es: () => 'Esta adjudicación no existe.',
    en: () => 'This contract award does not exist.',
  }),
  AWARD_RECORDER_ONLY: reason({
    code: ErrorCode.FORBIDDEN,
    description: 'Only who recorded the award, or staff, may change or delete it.',
    params: [],
    ca: () => "Només qui l'ha registrada, o el personal tècnic, pot canviar aquesta adjudicació.",
    es: () => 'Solo quien la ha registrado, o el personal técnico, puede cambiar esta adjudicación.',
    en: () => 'Only who recorded this award, or staff, can change it.',
  }),
  NO_AWARDS_IN_PERIOD: reason({
    code: ErrorCode.NOT_FOUND,
    description:
      'No contract award is recorded for the period asked for (an OCDS package holds at least one).',
    params: [],
    ca: () => 'No hi ha cap adjudicació registrada en aquest període.',
    es: () => 'No hay ninguna adjudicación registrada en este periodo.',
    en: () => 'No contract award is recorded for this period.',
  }),
  AMOUNT_NOT_POSITIVE: reason({
    code: ErrorCode.VALIDATION,
    description: 'An amount in euros must be more than 0 (once rounded to cents).',
    params: [],
    ca: () => "L'import ha de ser més gran que zero.",
    es: () => 'El importe debe ser mayor que cero.',
    en: () => 'The amount must be more than zero.',
  }),
  // Numbers and dates typed as the interface language writes them (found in the client, before sending).
  NUMBER_FORMAT: reason<{ example: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'The number is not written as the interface language writes numbers, or could be read two ways ("50.000" in English for an amount in euros); `example` is one written as it does.',
    params: ['example'],
    ca: ({ example }) =>
      `No queda clar quin nombre és: escriu-lo amb punt per als milers i coma per als decimals, per exemple ${example}.`,
    es: ({ example }) =>
      `No queda claro qué número es: escríbelo con punto para los miles y coma para los decimales, por ejemplo ${example}.`,
    en: ({ example }) =>
      `It is not clear which number this is: write it with a comma for thousands and a point for decimals, for example ${example}.`,
  }),
  DATE_FORMAT: reason<{ example: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'The date is not written as the interface language writes dates (day, month and the full year, in its order); `example` is one written as it does.',
    params: ['example'],
    ca: ({ example }) => `Escriu la data amb el dia, el mes i l'any sencer, per exemple ${example}.`,
    es: ({ example }) => `Escribe la fecha con el día, el mes y el año completo, por ejemplo ${example}.`,
    en: ({ example }) => `Write the date as month, day and the full year, for example ${example}.`,
  }),
  AWARD_DATE_OUT_OF_RANGE: reason<{ first: number }>({
    code: ErrorCode.VALIDATION,
    description: 'An award date lies from 1 January of the year `first` to today.',
    params: ['first'],
    ca: ({ first }) => `Ha de ser una data des de l'any ${first} fins avui.`,
    es: ({ first }) => `Debe ser una fecha desde el año ${first} hasta hoy.`,
    en: ({ first }) => `It must be a date from ${first} to today.`,
  }),
} as const;
