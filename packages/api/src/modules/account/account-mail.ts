import type { Locale } from '@proximitat/db';
import type { Mail } from '../mail/mail.ts';

/** The mails accounts receive, in their language. */
const TEXTS = {
  verify: {
    CA: [
      'Confirma la teva adreça a Proximitat',
      "Hola,\n\nConfirma la teva adreça electrònica amb aquest enllaç (vàlid 48 hores):\n{link}\n\nSi no t'has registrat a Proximitat, no cal que facis res.",
    ],
    ES: [
      'Confirma tu dirección en Proximitat',
      'Hola,\n\nConfirma tu dirección de correo con este enlace (válido 48 horas):\n{link}\n\nSi no te has registrado en Proximitat, no hace falta que hagas nada.',
    ],
    EN: [
      'Confirm your address on Proximitat',
      'Hello,\n\nConfirm your email address with this link (valid for 48 hours):\n{link}\n\nIf you did not sign up to Proximitat, there is nothing to do.',
    ],
  },
  registered: {
    CA: [
      'Algú ha intentat crear un compte amb la teva adreça a Proximitat',
      "Hola,\n\nAlgú ha intentat crear un compte a Proximitat amb aquesta adreça, però ja en té un.\n\nSi eres tu, entra amb la teva contrasenya o tria'n una de nova amb aquest enllaç (vàlid 1 hora, un sol ús):\n{link}\n\nSi no eres tu, no cal que facis res: el teu compte no canvia.",
    ],
    ES: [
      'Alguien ha intentado crear una cuenta con tu dirección en Proximitat',
      'Hola,\n\nAlguien ha intentado crear una cuenta en Proximitat con esta dirección, pero ya tiene una.\n\nSi eres tú, entra con tu contraseña o elige una nueva con este enlace (válido 1 hora, un solo uso):\n{link}\n\nSi no eres tú, no hace falta que hagas nada: tu cuenta no cambia.',
    ],
    EN: [
      'Someone tried to create an account with your address on Proximitat',
      'Hello,\n\nSomeone tried to create a Proximitat account with this address, which already has one.\n\nIf it was you, sign in with your password or choose a new one with this link (valid for 1 hour, single use):\n{link}\n\nIf it was not you, there is nothing to do: your account stays as it is.',
    ],
  },
  reset: {
    CA: [
      'Canvia la contrasenya de Proximitat',
      'Hola,\n\nPer triar una contrasenya nova, obre aquest enllaç (vàlid 1 hora, un sol ús):\n{link}\n\nSi no ho has demanat tu, no cal que facis res: la contrasenya no canvia.',
    ],
    ES: [
      'Cambia la contraseña de Proximitat',
      'Hola,\n\nPara elegir una contraseña nueva, abre este enlace (válido 1 hora, un solo uso):\n{link}\n\nSi no lo has pedido tú, no hace falta que hagas nada: la contraseña no cambia.',
    ],
    EN: [
      'Change your Proximitat password',
      'Hello,\n\nTo choose a new password, open this link (valid for 1 hour, single use):\n{link}\n\nIf you did not ask for it, there is nothing to do: your password stays as it is.',
    ],
  },
} as const;

export function accountMail(kind: keyof typeof TEXTS, to: string, locale: Locale, link: string): Mail {
  const [subject, body] = TEXTS[kind][locale];
  return { to, subject, text: body.replace('{link}', link) };
}
