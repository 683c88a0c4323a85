import { ErrorCode } from '../codes.ts';
import { reason } from '../define.ts';

/** Reasons of the plan module's failures (measures, indicators, district accountability). */
export const planReasons = {
  INVALID_PERIOD: reason({
    code: ErrorCode.VALIDATION,
    description: 'A period is a year ("2018") or a semester ("2018-S1").',
    params: [],
    ca: () => 'El període és un any («2018») o un semestre («2018-S1»).',
    es: () => 'El periodo es un año («2018») o un semestre («2018-S1»).',
    en: () => 'The period is a year (“2018”) or a semester (“2018-S1”).',
  }),
  DISTRICT_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'There is no district with this code.',
    params: [],
    ca: () => 'No hi ha cap districte amb aquest codi.',
    es: () => 'No hay ningún distrito con este código.',
    en: () => 'There is no district with this code.',
  }),
  DISTRICT_PLAN_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'The district has no economic development plan (PDE) in that year.',
    params: [],
    ca: () => 'El districte no té pla de desenvolupament econòmic (PDE) aquell any.',
    es: () => 'El distrito no tiene plan de desarrollo económico (PDE) ese año.',
    en: () => 'The district has no economic development plan (PDE) in that year.',
  }),
} as const;
