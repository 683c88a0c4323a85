import { ErrorCode } from '../codes.ts';
import { reason } from '../define.ts';

/** Reasons of the search module's failures. */
export const searchReasons = {
  QUERY_TOO_LONG: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The search text is longer than `max` characters.',
    params: ['max'],
    ca: ({ max }, f) => `El text de la cerca pot tenir com a màxim ${f.number(max)} caràcters.`,
    es: ({ max }, f) => `El texto de la búsqueda puede tener como máximo ${f.number(max)} caracteres.`,
    en: ({ max }, f) => `The search text may be at most ${f.number(max)} characters long.`,
  }),
  RANGE_REVERSED: reason({
    code: ErrorCode.VALIDATION,
    description: 'The range’s minimum is greater than its maximum.',
    params: [],
    ca: () => 'El mínim és més gran que el màxim.',
    es: () => 'El mínimo es mayor que el máximo.',
    en: () => 'The minimum is greater than the maximum.',
  }),
  DISTANCE_NEEDS_NEAR: reason({
    code: ErrorCode.VALIDATION,
    description: 'Sorting by distance needs a point to measure from (`near`).',
    params: [],
    ca: () => 'Per ordenar per distància cal indicar un punt de referència.',
    es: () => 'Para ordenar por distancia hay que indicar un punto de referencia.',
    en: () => 'Sorting by distance needs a point to measure from.',
  }),
  SEARCH_BUSY: reason({
    code: ErrorCode.SERVICE_UNAVAILABLE,
    description: 'The search engine is unavailable and its fallback is at capacity; retry shortly.',
    params: [],
    ca: () => "El cercador està saturat: torna-ho a provar d'aquí a un moment.",
    es: () => 'El buscador está saturado: vuelve a probarlo en un momento.',
    en: () => 'Search is busy: try again in a moment.',
  }),
  SEARCH_TIMEOUT: reason({
    code: ErrorCode.SERVICE_UNAVAILABLE,
    description:
      'The search engine is unavailable and the fallback took too long for this search; retry shortly or narrow it.',
    params: [],
    ca: () => "La cerca ha trigat massa: torna-ho a provar d'aquí a un moment o afina-la.",
    es: () => 'La búsqueda ha tardado demasiado: vuelve a probarlo en un momento o afínala.',
    en: () => 'The search took too long: try again in a moment or narrow it.',
  }),
} as const;
