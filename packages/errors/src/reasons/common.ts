import { ErrorCode } from '../codes.ts';
import { type MessageFormat, reason } from '../define.ts';

const WAIT_UNITS = {
  ca: { second: ['segon', 'segons'], minute: ['minut', 'minuts'] },
  es: { second: ['segundo', 'segundos'], minute: ['minuto', 'minutos'] },
  en: { second: ['second', 'seconds'], minute: ['minute', 'minutes'] },
} as const;

/** A wait as people say it: seconds under two minutes, whole minutes (rounded up) above. */
function wait(seconds: string, f: MessageFormat, language: keyof typeof WAIT_UNITS): string {
  const total = Math.max(1, Math.ceil(Number(seconds) || 1));
  const [amount, unit] =
    total < 120 ? [total, 'second' as const] : [Math.ceil(total / 60), 'minute' as const];
  return `${f.number(String(amount))} ${WAIT_UNITS[language][unit][amount === 1 ? 0 : 1]}`;
}

/** Reasons that any module may give: malformed input, limits, authorisation, availability. */
export const commonReasons = {
  REQUIRED: reason({
    code: ErrorCode.VALIDATION,
    description: 'The field is empty and must be filled in.',
    params: [],
    ca: () => 'Cal omplir aquest camp.',
    es: () => 'Este campo es obligatorio.',
    en: () => 'This field is required.',
  }),
  TOO_LONG: reason<{ max: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The text is longer than `max` characters.',
    params: ['max'],
    ca: ({ max }, f) => `Ha de tenir com a màxim ${f.number(max)} caràcters.`,
    es: ({ max }, f) => `Debe tener como máximo ${f.number(max)} caracteres.`,
    en: ({ max }, f) => `It must be at most ${f.number(max)} characters long.`,
  }),
  TOO_SHORT: reason<{ min: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The text is shorter than `min` characters.',
    params: ['min'],
    ca: ({ min }, f) => `Ha de tenir com a mínim ${f.number(min)} caràcters.`,
    es: ({ min }, f) => `Debe tener como mínimo ${f.number(min)} caracteres.`,
    en: ({ min }, f) => `It must be at least ${f.number(min)} characters long.`,
  }),
  OUT_OF_RANGE: reason<{ min: number; max: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The number is outside the range from `min` to `max`.',
    params: ['min', 'max'],
    ca: ({ min, max }, f) => `Ha de ser un nombre entre ${f.number(min)} i ${f.number(max)}.`,
    es: ({ min, max }, f) => `Debe ser un número entre ${f.number(min)} y ${f.number(max)}.`,
    en: ({ min, max }, f) => `It must be a number from ${f.number(min)} to ${f.number(max)}.`,
  }),
  AT_LEAST: reason<{ min: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The number is smaller than `min`.',
    params: ['min'],
    ca: ({ min }, f) => `Ha de ser com a mínim ${f.number(min)}.`,
    es: ({ min }, f) => `Debe ser como mínimo ${f.number(min)}.`,
    en: ({ min }, f) => `It must be at least ${f.number(min)}.`,
  }),
  AT_MOST: reason<{ max: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The number is larger than `max`.',
    params: ['max'],
    ca: ({ max }, f) => `Ha de ser com a màxim ${f.number(max)}.`,
    es: ({ max }, f) => `Debe ser como máximo ${f.number(max)}.`,
    en: ({ max }, f) => `It must be at most ${f.number(max)}.`,
  }),
  NOT_A_NUMBER: reason({
    code: ErrorCode.VALIDATION,
    description: 'The value is not a number.',
    params: [],
    ca: () => 'Ha de ser un nombre.',
    es: () => 'Debe ser un número.',
    en: () => 'It must be a number.',
  }),
  NOT_AN_EMAIL: reason({
    code: ErrorCode.VALIDATION,
    description: 'The value is not an email address.',
    params: [],
    ca: () => 'No és una adreça electrònica (nom@domini.cat).',
    es: () => 'No es una dirección de correo electrónico (nombre@dominio.es).',
    en: () => 'This is not an email address (name@example.org).',
  }),
  NOT_A_URL: reason({
    code: ErrorCode.VALIDATION,
    description: 'The value is not a web address starting with https:// or http://.',
    params: [],
    ca: () => 'No és una adreça web (https://…).',
    es: () => 'No es una dirección web (https://…).',
    en: () => 'This is not a web address (https://…).',
  }),
  INVALID_DATE: reason({
    code: ErrorCode.VALIDATION,
    description: 'The value is not a date.',
    params: [],
    ca: () => 'No és una data vàlida.',
    es: () => 'No es una fecha válida.',
    en: () => 'This is not a valid date.',
  }),
  INVALID_VALUE: reason({
    code: ErrorCode.VALIDATION,
    description: 'The value is malformed (a case without a more specific reason).',
    params: [],
    ca: () => 'El valor no és vàlid.',
    es: () => 'El valor no es válido.',
    en: () => 'The value is not valid.',
  }),
  UNKNOWN_VALUE: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The value `value` is not one of those the field accepts.',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és cap dels valors possibles.`,
    es: ({ value }) => `«${value}» no es ninguno de los valores posibles.`,
    en: ({ value }) => `“${value}” is not one of the possible values.`,
  }),
  DUPLICATE_VALUE: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The value `value` is given more than once.',
    params: ['value'],
    ca: ({ value }) => `«${value}» hi és més d'una vegada.`,
    es: ({ value }) => `«${value}» aparece más de una vez.`,
    en: ({ value }) => `“${value}” is given more than once.`,
  }),
  TOO_MANY_VALUES: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The list has more than `max` values.',
    params: ['max'],
    ca: ({ max }, f) => `Com a màxim ${f.number(max)} valors.`,
    es: ({ max }, f) => `Como máximo ${f.number(max)} valores.`,
    en: ({ max }, f) => `At most ${f.number(max)} values.`,
  }),
  TOO_FEW_VALUES: reason<{ min: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The list has fewer than `min` values.',
    params: ['min'],
    ca: ({ min }, f) => `Com a mínim ${f.number(min)} valors.`,
    es: ({ min }, f) => `Como mínimo ${f.number(min)} valores.`,
    en: ({ min }, f) => `At least ${f.number(min)} values.`,
  }),
  PAGE_TOO_LARGE: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'A page argument asks for more than `max` items at once.',
    params: ['max'],
    ca: ({ max }, f) => `Com a màxim ${f.number(max)} elements per pàgina.`,
    es: ({ max }, f) => `Como máximo ${f.number(max)} elementos por página.`,
    en: ({ max }, f) => `At most ${f.number(max)} items per page.`,
  }),
  QUERY_TOO_DEEP: reason<{ actual: number; max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The query nests fields `actual` levels deep; at most `max` are allowed.',
    params: ['actual', 'max'],
    ca: ({ actual, max }, f) =>
      `La consulta té ${f.number(actual)} nivells; se n'admeten com a màxim ${f.number(max)}.`,
    es: ({ actual, max }, f) =>
      `La consulta tiene ${f.number(actual)} niveles; se admiten como máximo ${f.number(max)}.`,
    en: ({ actual, max }, f) =>
      `The query is ${f.number(actual)} levels deep; at most ${f.number(max)} are allowed.`,
  }),
  QUERY_TOO_BROAD: reason<{ actual: number; max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The query selects `actual` fields; at most `max` are allowed.',
    params: ['actual', 'max'],
    ca: ({ actual, max }, f) =>
      `La consulta demana ${f.number(actual)} camps; se n'admeten com a màxim ${f.number(max)}.`,
    es: ({ actual, max }, f) =>
      `La consulta pide ${f.number(actual)} campos; se admiten como máximo ${f.number(max)}.`,
    en: ({ actual, max }, f) =>
      `The query selects ${f.number(actual)} fields; at most ${f.number(max)} are allowed.`,
  }),
  QUERY_TOO_COSTLY: reason<{ actual: number; max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The query would cost `actual` units; at most `max` are allowed.',
    params: ['actual', 'max'],
    ca: ({ actual, max }, f) =>
      `La consulta costaria ${f.number(actual)} unitats; se n'admeten com a màxim ${f.number(max)}.`,
    es: ({ actual, max }, f) =>
      `La consulta costaría ${f.number(actual)} unidades; se admiten como máximo ${f.number(max)}.`,
    en: ({ actual, max }, f) =>
      `The query would cost ${f.number(actual)} units; at most ${f.number(max)} are allowed.`,
  }),
  TOO_MANY_COSTLY_FIELDS: reason<{ field: string; max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The request asks for the costly field `field` more than `max` times.',
    params: ['field', 'max'],
    ca: ({ field, max }, f) => `Una petició pot demanar ${field} com a màxim ${f.number(max)} vegades.`,
    es: ({ field, max }, f) => `Una petición puede pedir ${field} como máximo ${f.number(max)} veces.`,
    en: ({ field, max }, f) => `One request may ask for ${field} at most ${f.number(max)} times.`,
  }),
  TOO_MANY_ALIASES: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The request uses more than `max` aliases.',
    params: ['max'],
    ca: ({ max }, f) => `Una petició pot tenir com a màxim ${f.number(max)} àlies.`,
    es: ({ max }, f) => `Una petición puede tener como máximo ${f.number(max)} alias.`,
    en: ({ max }, f) => `One request may have at most ${f.number(max)} aliases.`,
  }),
  TEXT_HAS_NUL: reason({
    code: ErrorCode.VALIDATION,
    description: 'A text holds the NUL character (U+0000), which cannot be stored.',
    params: [],
    ca: () => 'El text no pot contenir el caràcter NUL (U+0000).',
    es: () => 'El texto no puede contener el carácter NUL (U+0000).',
    en: () => 'Text may not contain the NUL character (U+0000).',
  }),
  RESPONSE_TOO_LARGE: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The answer would be larger than `max` bytes: ask for fewer or smaller fields.',
    params: ['max'],
    ca: ({ max }, f) => `La resposta superaria els ${f.number(max)} bytes: demana menys camps o més petits.`,
    es: ({ max }, f) =>
      `La respuesta superaría los ${f.number(max)} bytes: pide menos campos o más pequeños.`,
    en: ({ max }, f) =>
      `The answer would be larger than ${f.number(max)} bytes: ask for fewer or smaller fields.`,
  }),
  BODY_TOO_LARGE: reason<{ max: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The request body is larger than `max` bytes.',
    params: ['max'],
    ca: ({ max }, f) => `La petició supera els ${f.number(max)} bytes.`,
    es: ({ max }, f) => `La petición supera los ${f.number(max)} bytes.`,
    en: ({ max }, f) => `The request body is larger than ${f.number(max)} bytes.`,
  }),
  REQUEST_TIMEOUT: reason<{ ms: number }>({
    code: ErrorCode.LIMIT_EXCEEDED,
    description: 'The request took longer than `ms` milliseconds and was stopped.',
    params: ['ms'],
    ca: ({ ms }, f) => `La petició ha superat el límit de ${f.number(ms)} ms i s'ha aturat.`,
    es: ({ ms }, f) => `La petición ha tardado más de ${f.number(ms)} ms y se ha detenido.`,
    en: ({ ms }, f) => `The request took longer than ${f.number(ms)} ms and was stopped.`,
  }),
  INVALID_CURSOR: reason({
    code: ErrorCode.VALIDATION,
    description: 'The `after` cursor does not come from this list.',
    params: [],
    ca: () => 'La posició de la pàgina no és vàlida: torna a començar la cerca.',
    es: () => 'La posición de la página no es válida: vuelve a empezar la búsqueda.',
    en: () => 'The page position is not valid: start the search again.',
  }),
  SIGN_IN_REQUIRED: reason({
    code: ErrorCode.UNAUTHENTICATED,
    description: 'The request needs a signed-in account.',
    params: [],
    ca: () => 'Inicia la sessió per fer-ho.',
    es: () => 'Inicia sesión para hacerlo.',
    en: () => 'Sign in to do this.',
  }),
  NOT_ALLOWED: reason({
    code: ErrorCode.FORBIDDEN,
    description: 'The signed-in account may not do this.',
    params: [],
    ca: () => 'El teu compte no té permís per fer-ho.',
    es: () => 'Tu cuenta no tiene permiso para hacerlo.',
    en: () => 'Your account is not allowed to do this.',
  }),
  RATE_LIMITED: reason<{ retryAfterSeconds: number }>({
    code: ErrorCode.RATE_LIMITED,
    description: 'Too many attempts: the action may be tried again after `retryAfterSeconds` seconds.',
    params: ['retryAfterSeconds'],
    ca: ({ retryAfterSeconds }, f) =>
      `Massa intents. Torna-ho a provar d'aquí a ${wait(retryAfterSeconds, f, 'ca')}.`,
    es: ({ retryAfterSeconds }, f) =>
      `Demasiados intentos. Vuelve a probarlo dentro de ${wait(retryAfterSeconds, f, 'es')}.`,
    en: ({ retryAfterSeconds }, f) => `Too many attempts. Try again in ${wait(retryAfterSeconds, f, 'en')}.`,
  }),
  DATABASE_UNAVAILABLE: reason({
    code: ErrorCode.SERVICE_UNAVAILABLE,
    description: 'The database cannot be reached right now; nothing was changed.',
    params: [],
    ca: () => "La base de dades no està disponible: torna-ho a provar d'aquí a una estona.",
    es: () => 'La base de datos no está disponible: vuelve a probarlo en un momento.',
    en: () => 'The database is unavailable: try again in a moment.',
  }),
  SERVER_BUSY: reason({
    code: ErrorCode.SERVICE_UNAVAILABLE,
    description: 'The server is too busy to answer this now; retry shortly.',
    params: [],
    ca: () => "El servidor està saturat: torna-ho a provar d'aquí a una estona.",
    es: () => 'El servidor está saturado: vuelve a probarlo en un momento.',
    en: () => 'The server is busy: try again in a moment.',
  }),
} as const;
