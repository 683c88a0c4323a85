import { ErrorCode } from '../codes.ts';
import { reason } from '../define.ts';

/** Reasons of the account module's failures: signing in, choosing a password, links, roles. */
export const accountReasons = {
  INVALID_CREDENTIALS: reason({
    code: ErrorCode.UNAUTHENTICATED,
    description:
      'Sign-in refused: the email or the password is wrong (the same answer whether or not the address has an account).',
    params: [],
    ca: () => "L'adreça o la contrasenya no són correctes.",
    es: () => 'El correo o la contraseña no son correctos.',
    en: () => 'The email or the password is not right.',
  }),
  PASSWORD_TOO_COMMON: reason({
    code: ErrorCode.VALIDATION,
    description: 'The new password is one of the most common passwords (the first ones anybody tries).',
    params: [],
    ca: () => "És una de les contrasenyes més habituals: tria'n una altra.",
    es: () => 'Es una de las contraseñas más habituales: elige otra.',
    en: () => 'This is one of the most common passwords: choose another.',
  }),
  PASSWORD_TOO_REPETITIVE: reason<{ min: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The new password has fewer than `min` different characters.',
    params: ['min'],
    ca: ({ min }, f) => `Ha de tenir com a mínim ${f.number(min)} caràcters diferents.`,
    es: ({ min }, f) => `Debe tener como mínimo ${f.number(min)} caracteres distintos.`,
    en: ({ min }, f) => `It must have at least ${f.number(min)} different characters.`,
  }),
  PASSWORD_CONTAINS_EMAIL: reason({
    code: ErrorCode.VALIDATION,
    description: "The new password contains the account's email address (the part before the @).",
    params: [],
    ca: () => 'No pot contenir la teva adreça electrònica.',
    es: () => 'No puede contener tu dirección de correo electrónico.',
    en: () => 'It must not contain your email address.',
  }),
  ACCOUNT_LINK_INVALID: reason({
    code: ErrorCode.VALIDATION,
    description:
      'The token of a mailed link (email confirmation, password reset) is unknown, already used or expired.',
    params: [],
    ca: () => "Aquest enllaç ja no és vàlid: pot haver caducat o ja s'ha fet servir.",
    es: () => 'Este enlace ya no es válido: puede haber caducado o ya se ha usado.',
    en: () => 'This link is no longer valid: it may have expired or been used already.',
  }),
  ACCOUNT_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'No account has this id.',
    params: [],
    ca: () => 'No hi ha cap compte amb aquest identificador.',
    es: () => 'No hay ninguna cuenta con este identificador.',
    en: () => 'There is no account with this id.',
  }),
  OWN_ADMIN_ROLE: reason({
    code: ErrorCode.VALIDATION,
    description: 'An administrator tried to give their own account a role other than ADMIN.',
    params: [],
    ca: () => "No pots treure't el teu propi rol d'administrador.",
    es: () => 'No puedes quitarte tu propio rol de administrador.',
    en: () => 'You cannot take away your own administrator role.',
  }),
  ACCOUNT_EMAIL_UNVERIFIED: reason({
    code: ErrorCode.CONFLICT,
    description: 'A role above USER was asked for an account that has not confirmed its email address.',
    params: [],
    ca: () =>
      "Aquest compte encara no ha confirmat la seva adreça: els rols per sobre d'USER necessiten una adreça confirmada.",
    es: () =>
      'Esta cuenta aún no ha confirmado su dirección: los roles por encima de USER necesitan una dirección confirmada.',
    en: () => 'This account has not confirmed its email address yet: roles above USER need a confirmed one.',
  }),
} as const;
