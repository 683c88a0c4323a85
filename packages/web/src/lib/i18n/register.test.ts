import { describe, expect, it } from 'vitest';
import { ca, type MessageKey } from './messages.ca.ts';
import { es } from './messages.es.ts';

/**
 * One register across the interface: Catalan addresses the reader as "tu" ("Revisa", "Torna-ho a
 * provar", "el teu compte"), Spanish as "tú" ("Revisa", "Vuelve a intentarlo", "tu cuenta"). New copy
 * follows them; these checks fail on a "vós" or "usted" form.
 */

const WORD = /[\p{L}·]+/gu;

// Words ending like a "vós" verb (-eu, -iu) that are not one: nouns, adjectives, tu forms.
const NOT_VOS = new Set([
  'seu',
  'teu',
  'meu',
  'deu',
  'correu',
  'preu',
  'peu',
  'veu',
  'lleu',
  'creu',
  'déu',
  'museu',
  'ateneu',
  'europeu',
  'jueu',
  'trofeu',
  'treu',
  'escriu',
  'descriu',
  'inscriu',
  'subscriu',
  'viu',
  'riu',
  'motiu',
  'arxiu',
  'estiu',
  'esportiu',
  'caliu',
  'nadiu',
  'incentiu',
  'dispositiu',
]);
const ADJECTIVE_IU = /(atiu|ctiu|itiu|utiu|ssiu|nsiu|lsiu|esiu|osiu|usiu|stiu)$/;

/** The "vós" forms in a Catalan text: second-person plural verbs, pronouns and possessives. */
export function vosForms(text: string): string[] {
  const found: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    const lower = word.toLowerCase();
    if (/^(vós|vostr[eao]s?|us|heu|sou|esteu)$/.test(lower)) found.push(word);
    else if (/(eu|iu)$/.test(lower) && !NOT_VOS.has(lower) && !ADJECTIVE_IU.test(lower)) found.push(word);
  }
  // "Torneu-vos", "Afegiu-hi", "d'us": clitics after a vós verb are caught with the verb; "-vos" alone
  for (const [clitic] of text.matchAll(/-vos\b|'us\b/g)) found.push(clitic);
  return found;
}

// Formal Spanish: "usted" and its imperatives; the plural "vosotros" forms too.
const USTED =
  /(?<!\p{L})(usted(es)?|vuestr[oa]s?|os|revise|vuelva|pruebe|escriba|añada|guarde|descargue|cree|responda|describa|compruebe|introduzca|elija|indique|consulte|inicie|acepte|pulse|haga|seleccione|espere|inténtelo|envíe|confirme|cambie|mire|descárguelas?|\p{L}+(áis|éis))(?!\p{L})/iu;

describe('register', () => {
  it('the vós detector finds what it is for and leaves tu forms alone', () => {
    expect(vosForms('Reviseu les respostes. Torneu-ho a provar. És la vostra llista, amb vós.')).toEqual([
      'Reviseu',
      'Torneu',
      'vostra',
      'vós',
    ]);
    expect(vosForms('Us hi convida. Afegiu-hi empreses; la compartiu; heu declinat.')).toEqual([
      'Us',
      'Afegiu',
      'compartiu',
      'heu',
    ]);
    expect(
      vosForms("Revisa el teu correu, torna-ho a provar, escriu el motiu. Descriu l'objectiu col·lectiu."),
    ).toEqual([]);
    expect(USTED.test('Revise las respuestas')).toBe(true);
    expect(USTED.test('Si la aprobáis')).toBe(true);
    expect(USTED.test('Revisa las respuestas y vuelve a intentarlo')).toBe(false);
    expect(USTED.test('verificada por dos años')).toBe(false);
    expect(USTED.test('Os hemos enviado')).toBe(true);
  });

  it('every Catalan message addresses the reader as tu', () => {
    const vos = (Object.keys(ca) as MessageKey[])
      .map((key) => [key, vosForms(ca[key])] as const)
      .filter(([, forms]) => forms.length > 0)
      .map(([key, forms]) => `${key}: ${forms.join(', ')}`);
    expect(vos).toEqual([]);
  });

  it('every Spanish message addresses the reader as tú', () => {
    const usted = (Object.keys(es) as MessageKey[])
      .filter((key) => USTED.test(es[key]))
      .map((key) => `${key}: ${es[key]}`);
    expect(usted).toEqual([]);
  });
});
