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
} as const;
