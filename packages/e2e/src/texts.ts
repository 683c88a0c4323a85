import { type Locale, paramList, type Reason, type ReasonParams, reasonMessage } from '@proximitat/errors';

export type { Locale } from '@proximitat/errors';

/** A text in each interface language. */
export type Texts = Record<Locale, string>;

export const LOCALES = ['CA', 'ES', 'EN'] as const satisfies readonly Locale[];

/**
 * The message of `reason` with `params` in each language, from the catalogue (packages/errors):
 * what a form should show for that refusal. The tests also write some messages out in full
 * (`CHECKED`), so that the catalogue's own text is checked too.
 */
export function reasonTexts<R extends Reason>(
  reason: R,
  ...[params]: keyof ReasonParams<R> extends never ? [] : [ReasonParams<R>]
): Texts {
  const list = paramList(params);
  return {
    CA: reasonMessage('CA', reason, list),
    ES: reasonMessage('ES', reason, list),
    EN: reasonMessage('EN', reason, list),
  };
}

/**
 * Reasons' messages written out, as each language should read: the browser tests expect these
 * literally, so a changed or missing translation in the catalogue fails them (numbers as each
 * language writes them: "2.000", "2000", "2,000").
 */
export const CHECKED = {
  REQUIRED: {
    CA: 'Cal omplir aquest camp.',
    ES: 'Este campo es obligatorio.',
    EN: 'This field is required.',
  },
  NOT_AN_EMAIL: {
    CA: 'No és una adreça electrònica (nom@domini.cat).',
    ES: 'No es una dirección de correo electrónico (nombre@dominio.es).',
    EN: 'This is not an email address (name@example.org).',
  },
  NOT_A_URL: {
    CA: 'No és una adreça web (https://…).',
    ES: 'No es una dirección web (https://…).',
    EN: 'This is not a web address (https://…).',
  },
  TOO_LONG_2000: {
    CA: 'Ha de tenir com a màxim 2.000 caràcters.',
    ES: 'Debe tener como máximo 2000 caracteres.',
    EN: 'It must be at most 2,000 characters long.',
  },
} as const satisfies Record<string, Texts>;

/**
 * The interface's own texts the tests find or expect (packages/web/src/lib/i18n), written out so
 * that a changed or missing translation fails them.
 */
export const UI = {
  /** The language menu's label. */
  language: { CA: 'Idioma', ES: 'Idioma', EN: 'Language' },
  signOut: { CA: 'Tanca la sessió', ES: 'Cierra la sesión', EN: 'Sign out' },
  /** The site menu's disclosure button (narrow screens). */
  menu: { CA: 'Menú', ES: 'Menú', EN: 'Menu' },
  navigation: { CA: 'Navegació principal', ES: 'Navegación principal', EN: 'Main navigation' },
  districts: { CA: 'Districtes', ES: 'Distritos', EN: 'Districts' },
  signIn: { CA: 'Inicia la sessió', ES: 'Inicia sesión', EN: 'Sign in' },
  signInRequired: {
    CA: 'Inicia la sessió per veure aquesta pàgina.',
    ES: 'Inicia sesión para ver esta página.',
    EN: 'Sign in to see this page.',
  },
  forbidden: {
    CA: 'El teu compte no té permís per veure aquesta pàgina.',
    ES: 'Tu cuenta no tiene permiso para ver esta página.',
    EN: 'Your account is not allowed to see this page.',
  },
  /** Announced above a form whose fields show errors. */
  formFix: {
    CA: 'Revisa els camps marcats.',
    ES: 'Revisa los campos marcados.',
    EN: 'Please check the fields marked.',
  },
} as const satisfies Record<string, Texts>;
