import { addSampleCompanies, createAccount } from '@proximitat/api/testing';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  browserAvailable,
  CHECKED,
  LOCALES,
  type Locale,
  reasonTexts,
  signInAs,
  type Texts as Text,
  UI,
  usePlatform,
} from '../src/index.ts';

/**
 * What the company profile form and the editors' form say, in each interface language: the
 * messages of the directory's and moderation's reasons (packages/errors/src/reasons/directory.ts
 * and moderation.ts), written out here so that a changed or missing translation fails this test;
 * the common reasons' messages are CHECKED or come from the catalogue (`reasonTexts`).
 */
const M = {
  REQUIRED: CHECKED.REQUIRED,
  TOO_LONG: (max: number) => reasonTexts('TOO_LONG', { max }),
  OUT_OF_RANGE: (min: number, max: number) => reasonTexts('OUT_OF_RANGE', { min, max }),
  TOO_MANY_VALUES_50: reasonTexts('TOO_MANY_VALUES', { max: 50 }),
  NOT_AN_EMAIL: CHECKED.NOT_AN_EMAIL,
  NOT_A_URL: CHECKED.NOT_A_URL,
  DUPLICATE_VALUE: (value: string) => reasonTexts('DUPLICATE_VALUE', { value }),
  TAX_ID_MALFORMED: (value: string): Text => ({
    CA: `«${value}» no és un NIF espanyol: ha de tenir 9 lletres i xifres.`,
    ES: `«${value}» no es un NIF español: debe tener 9 letras y cifras.`,
    EN: `“${value}” is not a Spanish tax ID (NIF): it has 9 letters and digits.`,
  }),
  TAX_ID_UNKNOWN_LETTER: (value: string, letter: string): Text => ({
    CA: `${value} no és un NIF vàlid: cap mena d'entitat comença per ${letter}.`,
    ES: `${value} no es un NIF válido: ningún tipo de entidad empieza por ${letter}.`,
    EN: `${value} is not a valid tax ID: no kind of entity starts with ${letter}.`,
  }),
  TAX_ID_CHECK_CHARACTER: (value: string, expected: string): Text => ({
    CA: `El caràcter de control de ${value} no és correcte: hauria de ser ${expected}.`,
    ES: `El carácter de control de ${value} no es correcto: debería ser ${expected}.`,
    EN: `The check character of ${value} is wrong: it should be ${expected}.`,
  }),
  TAX_ID_CHECK_CHARACTER_EITHER: (value: string, digit: string, letter: string): Text => ({
    CA: `El caràcter de control de ${value} no és correcte: hauria de ser ${digit} o ${letter}.`,
    ES: `El carácter de control de ${value} no es correcto: debería ser ${digit} o ${letter}.`,
    EN: `The check character of ${value} is wrong: it should be ${digit} or ${letter}.`,
  }),
  TAX_ID_ENDS_IN_LETTER: (value: string, letter: string, expected: string): Text => ({
    CA: `${value} no és vàlid: el NIF de les entitats de tipus ${letter} acaba en lletra (aquí, ${expected}).`,
    ES: `${value} no es válido: el NIF de las entidades de tipo ${letter} termina en letra (aquí, ${expected}).`,
    EN: `${value} is not valid: the tax ID of entities of kind ${letter} ends in a letter (here, ${expected}).`,
  }),
  TAX_ID_ENDS_IN_DIGIT: (value: string, letter: string, expected: string): Text => ({
    CA: `${value} no és vàlid: el NIF de les entitats de tipus ${letter} acaba en xifra (aquí, ${expected}).`,
    ES: `${value} no es válido: el NIF de las entidades de tipo ${letter} termina en cifra (aquí, ${expected}).`,
    EN: `${value} is not valid: the tax ID of entities of kind ${letter} ends in a digit (here, ${expected}).`,
  }),
  TAX_ID_INVALID: (value: string): Text => ({
    CA: `${value} no és un NIF vàlid.`,
    ES: `${value} no es un NIF válido.`,
    EN: `${value} is not a valid tax ID (NIF).`,
  }),
  CPV_MALFORMED: (value: string): Text => ({
    CA: `«${value}» no és un codi CPV: 8 xifres, un guió i la xifra de control (45210000-2).`,
    ES: `«${value}» no es un código CPV: 8 cifras, un guion y la cifra de control (45210000-2).`,
    EN: `“${value}” is not a CPV code: 8 digits, a dash and a check digit (45210000-2).`,
  }),
  CPV_CHECK_DIGIT: (value: string, expected: string): Text => ({
    CA: `La xifra de control de ${value} no és correcta: el codi és ${expected}.`,
    ES: `La cifra de control de ${value} no es correcta: el código es ${expected}.`,
    EN: `The check digit of ${value} is wrong: the code is ${expected}.`,
  }),
  CPV_UNKNOWN: (value: string): Text => ({
    CA: `${value} no és al vocabulari CPV 2008.`,
    ES: `${value} no está en el vocabulario CPV 2008.`,
    EN: `${value} is not in the CPV 2008 vocabulary.`,
  }),
  UNKNOWN_LEGAL_FORM: (value: string): Text => ({
    CA: `«${value}» no és cap de les formes jurídiques del directori.`,
    ES: `«${value}» no es ninguna de las formas jurídicas del directorio.`,
    EN: `“${value}” is not one of the directory’s legal forms.`,
  }),
  SECTORS_REQUIRED: {
    CA: 'Tria com a mínim un sector.',
    ES: 'Elige al menos un sector.',
    EN: 'Choose at least one sector.',
  },
  UNKNOWN_SECTOR: (value: string): Text => ({
    CA: `«${value}» no és cap dels sectors del directori.`,
    ES: `«${value}» no es ninguno de los sectores del directorio.`,
    EN: `“${value}” is not one of the directory’s sectors.`,
  }),
  UNKNOWN_CERTIFICATION: (value: string): Text => ({
    CA: `«${value}» no és cap de les certificacions del directori.`,
    ES: `«${value}» no es ninguna de las certificaciones del directorio.`,
    EN: `“${value}” is not one of the directory’s certifications.`,
  }),
  UNKNOWN_SOCIAL_CLAUSE: (value: string): Text => ({
    CA: `«${value}» no és cap de les clàusules socials del catàleg.`,
    ES: `«${value}» no es ninguna de las cláusulas sociales del catálogo.`,
    EN: `“${value}” is not one of the catalogue’s social clauses.`,
  }),
  PHONE_MALFORMED: (value: string): Text => ({
    CA: `«${value}» no és un número de telèfon.`,
    ES: `«${value}» no es un número de teléfono.`,
    EN: `“${value}” is not a phone number.`,
  }),
  FOUNDED_YEAR_OUT_OF_RANGE: (min: number, max: number): Text => ({
    CA: `Ha de ser un any entre ${min} i ${max}.`,
    ES: `Debe ser un año entre ${min} y ${max}.`,
    EN: `It must be a year from ${min} to ${max}.`,
  }),
  POSTAL_CODE_MALFORMED: (value: string): Text => ({
    CA: `«${value}» no és un codi postal espanyol (5 xifres, com 08001).`,
    ES: `«${value}» no es un código postal español (5 cifras, como 08001).`,
    EN: `“${value}” is not a Spanish postal code (5 digits, such as 08001).`,
  }),
  COORDINATES_TOGETHER: {
    CA: 'La latitud i la longitud van juntes: dona-les totes dues.',
    ES: 'La latitud y la longitud van juntas: indica las dos.',
    EN: 'Latitude and longitude go together: give both.',
  },
  UNKNOWN_DISTRICT: (value: string): Text => ({
    CA: `«${value}» no és cap districte de Barcelona (de 01 a 10).`,
    ES: `«${value}» no es ningún distrito de Barcelona (de 01 a 10).`,
    EN: `“${value}” is not a district of Barcelona (01 to 10).`,
  }),
  UNKNOWN_NEIGHBOURHOOD: (value: string): Text => ({
    CA: `«${value}» no és cap barri de Barcelona (de 01 a 73).`,
    ES: `«${value}» no es ningún barrio de Barcelona (de 01 a 73).`,
    EN: `“${value}” is not a neighbourhood of Barcelona (01 to 73).`,
  }),
  NEIGHBOURHOOD_NOT_IN_DISTRICT: (
    neighbourhood: string,
    name: string,
    district: string,
    given: string,
  ): Text => ({
    CA: `El barri ${neighbourhood} (${name}) és al districte ${district}, no al ${given}.`,
    ES: `El barrio ${neighbourhood} (${name}) está en el distrito ${district}, no en el ${given}.`,
    EN: `Neighbourhood ${neighbourhood} (${name}) is in district ${district}, not ${given}.`,
  }),
  LOCATION_OUTSIDE_BARCELONA: (lat: string, lng: string): Text => ({
    CA: `La ubicació ${lat}, ${lng} és fora de Barcelona.`,
    ES: `La ubicación ${lat}, ${lng} está fuera de Barcelona.`,
    EN: `The location ${lat}, ${lng} is outside Barcelona.`,
  }),
  LOCATION_IN_BARCELONA: (name: string, city: string): Text => ({
    CA: `La ubicació és a Barcelona (${name}), no a ${city}.`,
    ES: `La ubicación está en Barcelona (${name}), no en ${city}.`,
    EN: `The location is in Barcelona (${name}), not in ${city}.`,
  }),
  LOCATION_NOT_IN_NEIGHBOURHOOD: (
    found: string,
    foundName: string,
    given: string,
    givenName: string,
  ): Text => ({
    CA: `La ubicació és al barri ${found} (${foundName}), no al ${given} (${givenName}).`,
    ES: `La ubicación está en el barrio ${found} (${foundName}), no en el ${given} (${givenName}).`,
    EN: `The location is in neighbourhood ${found} (${foundName}), not ${given} (${givenName}).`,
  }),
  LOCATION_NOT_IN_DISTRICT: (found: string, given: string): Text => ({
    CA: `La ubicació és al districte ${found}, no al ${given}.`,
    ES: `La ubicación está en el distrito ${found}, no en el ${given}.`,
    EN: `The location is in district ${found}, not ${given}.`,
  }),
  PLACES_ONLY_IN_BARCELONA: {
    CA: "Els districtes i els barris només s'apliquen a adreces de Barcelona.",
    ES: 'Los distritos y los barrios solo se aplican a direcciones de Barcelona.',
    EN: 'Districts and neighbourhoods apply to addresses in Barcelona only.',
  },
  TAX_ID_IN_DIRECTORY: (taxId: string): Text => ({
    CA: `Ja hi ha una empresa amb el NIF ${taxId} al directori: demana poder-la editar.`,
    ES: `Ya hay una empresa con el NIF ${taxId} en el directorio: pide poder editarla.`,
    EN: `A company with tax ID ${taxId} is already in the directory: ask to edit it instead.`,
  }),
  TAX_ID_ALREADY_YOURS: (taxId: string): Text => ({
    CA: `Ja edites la fitxa amb el NIF ${taxId}: proposa-hi canvis.`,
    ES: `Ya editas la ficha con el NIF ${taxId}: propón cambios en ella.`,
    EN: `You already edit the profile with tax ID ${taxId}: propose changes to it instead.`,
  }),
  TAX_ID_CANNOT_CHANGE: {
    CA: "El NIF d'una empresa no es pot canviar.",
    ES: 'El NIF de una empresa no se puede cambiar.',
    EN: 'The tax ID of a company cannot change.',
  },
  PROPOSAL_CHANGES_NOTHING: {
    CA: 'La proposta no canvia res de la fitxa.',
    ES: 'La propuesta no cambia nada de la ficha.',
    EN: 'The proposal changes nothing in the profile.',
  },
  LAST_COMPANY_EDITOR: {
    CA: 'Una empresa necessita com a mínim una persona editora: afegeix-ne una altra primer.',
    ES: 'Una empresa necesita al menos una persona editora: añade otra primero.',
    EN: 'A company needs at least one editor: add another one first.',
  },
} as const;

/** The dashboard's own texts the test finds (packages/web/src/lib/i18n); the form's alert is UI.formFix. */
const DASHBOARD = {
  newCompany: { CA: "Dona d'alta una empresa", ES: 'Dar de alta una empresa', EN: 'Add a company' },
  edit: {
    CA: 'Edita la fitxa i les persones editores',
    ES: 'Editar la ficha y las personas editoras',
    EN: 'Edit the profile and the editors',
  },
  invite: { CA: 'Convida', ES: 'Invitar', EN: 'Invite' },
  remove: { CA: 'Treu', ES: 'Quitar', EN: 'Remove' },
} as const satisfies Record<string, Text>;

/** The profile form's controls, by the input field whose errors each shows. */
const CONTROLS = {
  name: '[name="name"]',
  taxId: '[name="taxId"]',
  legalForm: 'select[name="legalForm"]',
  sectors: 'fieldset:has(.checkbox-grid input[type="checkbox"]:not([name]))',
  cpvCodes: '[name="cpvCodes"]',
  employees: '[name="employees"]',
  foundedYear: '[name="foundedYear"]',
  descriptionCA: 'textarea[name="descriptionCA"]',
  descriptionES: 'textarea[name="descriptionES"]',
  descriptionEN: 'textarea[name="descriptionEN"]',
  street: '[name="street"]',
  postalCode: '[name="postalCode"]',
  city: '[name="city"]',
  location: 'select[name="neighbourhoodCode"]',
  website: '[name="website"]',
  email: '[name="email"]',
  phone: '[name="phone"]',
  certifications: 'fieldset:has(input[name="certifications"])',
  socialClauses: 'fieldset:has(input[name="socialClauses"])',
} as const;

type Control = keyof typeof CONTROLS;

/** What a submission should show: the messages at each control, and the problems announced above the form. */
interface Expected {
  at: Partial<Record<Control, Text[]>>;
  /** Messages of problems no control shows, before "check the fields marked" when some control shows one. */
  alert?: Text[];
}

interface ProfileValues {
  name: string;
  taxId: string;
  legalForm: string;
  /** How many sectors to tick (the first ones). */
  sectors: number;
  cpvCodes: string;
  employees: string;
  foundedYear: string;
  descriptionCA: string;
  descriptionES: string;
  descriptionEN: string;
  street: string;
  postalCode: string;
  city: string;
  neighbourhoodCode: string;
  website: string;
  email: string;
  phone: string;
}

/** A valid CIF of a cooperative (F): its check character may be the digit 7 or the letter G. */
const NEW_TAX_ID = 'F08123457';

const VALID: ProfileValues = {
  name: 'Cuina Comunitària del Raval',
  taxId: NEW_TAX_ID,
  legalForm: 'COOP_TREBALL',
  sectors: 1,
  cpvCodes: '55520000-1',
  employees: '7',
  foundedYear: '2015',
  descriptionCA: 'Càtering ecològic per a escoles del barri.',
  descriptionES: '',
  descriptionEN: '',
  street: "Carrer de l'Hospital, 20",
  postalCode: '08001',
  city: 'Barcelona',
  neighbourhoodCode: '01',
  website: 'cuinacomunitaria.example',
  email: 'hola@cuinacomunitaria.example',
  phone: '93 123 45 67',
};

type Input = Record<string, unknown> & { address?: Record<string, unknown> | null };

/** A submission of the profile form: what to type, what to change in the request, what it should show. */
interface Case {
  name: string;
  values?: Partial<ProfileValues>;
  /**
   * Values the form cannot send (unknown codes, a location): set in the request on its way to the
   * API, as another client could send them.
   */
  patch?: (input: Input) => void;
  expected: (locale: Locale) => Expected;
}

const YEAR = new Date().getFullYear();
/** Twenty submissions and their checks take a while in a busy browser. */
const TIMEOUT = 180_000;
const SAGRADA_FAMILIA = { lat: 41.4036, lng: 2.1744 };
const HOSPITALET = { lat: 41.3596, lng: 2.0997 };
const ADDRESS = { street: 'Carrer de Mallorca, 401', postalCode: '08013', city: 'Barcelona' };

describe.runIf(browserAvailable())(
  'the company profile and editors’ forms’ errors in three languages, in Chromium',
  () => {
    /** A published company, edited by EDITOR alone. */
    let edited: { id: string; name: string; taxId: string };
    /** A published company with no editors: its tax ID is taken. */
    let listed: { taxId: string };
    /** A profile PROPOSER proposed, still under review. */
    let proposed: { taxId: string };

    const PROPOSER = { email: 'proposa@cooperativa.example', password: 'una contrasenya per proposar' };
    const EDITOR = { email: 'edita@cooperativa.example', password: 'una contrasenya per editar' };

    const platform = usePlatform({
      seed: async (api) => {
        await addSampleCompanies(api, 3, 'profile-errors');
        const [first, second, third] = await api.db.company.findMany({
          orderBy: { name: 'asc' },
          select: { id: true, name: true, taxId: true },
        });
        if (!first || !second || !third) throw new Error('expected three sample companies');
        const proposer = await createAccount(api, PROPOSER);
        const editor = await createAccount(api, EDITOR);
        // The edited company holds only what the form edits, so that sending it unchanged changes nothing.
        await api.db.company.update({
          where: { id: first.id },
          data: {
            legalName: null,
            street: null,
            postalCode: null,
            city: null,
            districtCode: null,
            neighbourhoodCode: null,
            latitude: null,
            longitude: null,
            locationApproximate: false,
          },
        });
        await api.db.companyMembership.create({ data: { companyId: first.id, accountId: editor.id } });
        await api.db.company.update({ where: { id: second.id }, data: { status: 'PENDING_REVIEW' } });
        await api.db.companyMembership.create({ data: { companyId: second.id, accountId: proposer.id } });
        edited = first;
        proposed = second;
        listed = third;
      },
    });

    /** A browser whose interface language is `locale`, signed in as `account`, on the dashboard. */
    async function signedInPage(locale: Locale, account: { email: string; password: string }) {
      const page = await platform.newPage({ locale, timeout: 10_000 });
      await signInAs(page, account);
      await page.goto('/tauler');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.toLowerCase());
      return { context: page.context(), page };
    }

    async function fill(form: Locator, values: ProfileValues) {
      for (const name of [
        'name',
        'taxId',
        'cpvCodes',
        'employees',
        'foundedYear',
        'street',
        'postalCode',
        'city',
        'website',
        'email',
        'phone',
      ] as const) {
        await form.locator(`input[name="${name}"]`).fill(values[name]);
      }
      for (const code of ['CA', 'ES', 'EN'] as const) {
        await form.locator(`textarea[name="description${code}"]`).fill(values[`description${code}`]);
      }
      await form.locator('select[name="legalForm"]').selectOption(values.legalForm);
      await form.locator('select[name="neighbourhoodCode"]').selectOption(values.neighbourhoodCode);
      const sectors = form.locator(CONTROLS.sectors).locator('input[type="checkbox"]');
      for (let index = 0; index < (await sectors.count()); index += 1) {
        await sectors.nth(index).setChecked(index < values.sectors);
      }
    }

    /** Sends the form (with the request changed by `patch`, if given) and waits for the API's answer. */
    async function send(page: Page, form: Locator, patch?: (input: Input) => void) {
      const mutation = /(create|update)CompanyProfile/;
      if (patch) {
        await page.route('**/graphql', async (route) => {
          const body = route.request().postDataJSON() as { query?: string; variables?: { input?: Input } };
          if (body.variables?.input && mutation.test(body.query ?? '')) {
            patch(body.variables.input);
            await route.continue({ postData: JSON.stringify(body) });
          } else await route.continue();
        });
      }
      const answered = page.waitForResponse(
        (response) =>
          response.url().endsWith('/graphql') && mutation.test(response.request().postData() ?? ''),
      );
      await form.locator('button[type="submit"]').click();
      await answered;
      if (patch) await page.unroute('**/graphql');
    }

    /**
     * Each control shows exactly the expected messages (none for the others), in one message element
     * the control names in aria-describedby (and aria-invalid on inputs and selects); the problems no
     * control shows are announced above the form.
     */
    async function expectShown(form: Locator, locale: Locale, expected: Expected) {
      const alertText = [
        ...(expected.alert ?? []).map((text) => text[locale]),
        ...(Object.keys(expected.at).length > 0 ? [UI.formFix[locale]] : []),
      ].join(' ');
      const shown = async () => {
        const problems: string[] = [];
        for (const [control, selector] of Object.entries(CONTROLS) as [Control, string][]) {
          const want = (expected.at[control] ?? []).map((text) => text[locale]).join(' ');
          const element = form.locator(selector).first();
          const ids = ((await element.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
          const messages: string[] = [];
          for (const id of ids) {
            const described = form.locator(`[id="${id}"]`);
            if ((await described.count()) > 0 && (await described.getAttribute('class')) === 'field-error') {
              messages.push(((await described.textContent()) ?? '').trim());
            }
          }
          const got = messages.join(' ');
          if (got !== want) problems.push(`${control}: shows «${got}», expected «${want}»`);
          const tag = await element.evaluate((node) => node.tagName);
          if (tag !== 'FIELDSET') {
            const invalid = (await element.getAttribute('aria-invalid')) === 'true';
            if (invalid !== (want !== '')) problems.push(`${control}: aria-invalid is ${invalid}`);
          }
        }
        const alert = form.getByRole('alert');
        const announced = (await alert.count()) > 0 ? ((await alert.textContent()) ?? '').trim() : '';
        if (announced !== alertText) problems.push(`alert: «${announced}», expected «${alertText}»`);
        return problems;
      };
      let problems = await shown();
      for (let attempt = 0; problems.length > 0 && attempt < 20; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        problems = await shown();
      }
      expect(problems).toEqual([]);
    }

    const CREATE_CASES: Case[] = [
      {
        name: 'everything required left empty',
        values: { name: '', taxId: '', legalForm: '', sectors: 0, postalCode: '', neighbourhoodCode: '' },
        expected: () => ({
          at: {
            name: [M.REQUIRED],
            taxId: [M.REQUIRED],
            legalForm: [M.REQUIRED],
            sectors: [M.SECTORS_REQUIRED],
            postalCode: [M.REQUIRED],
          },
        }),
      },
      {
        name: 'malformed values and numbers out of range',
        values: {
          name: 'N'.repeat(201),
          taxId: 'B8667046',
          cpvCodes: '4521000-2',
          employees: '-1',
          foundedYear: '1700',
          descriptionCA: 'x'.repeat(5001),
          street: 's'.repeat(301),
          postalCode: '8001',
          neighbourhoodCode: '',
          website: 'no és un web',
          email: 'hola@',
          phone: '12',
        },
        expected: () => ({
          at: {
            name: [M.TOO_LONG(200)],
            taxId: [M.TAX_ID_MALFORMED('B8667046')],
            cpvCodes: [M.CPV_MALFORMED('4521000-2')],
            employees: [M.OUT_OF_RANGE(0, 1_000_000)],
            foundedYear: [M.FOUNDED_YEAR_OUT_OF_RANGE(1800, YEAR)],
            descriptionCA: [M.TOO_LONG(5000)],
            street: [M.TOO_LONG(300)],
            postalCode: [M.POSTAL_CODE_MALFORMED('8001')],
            website: [M.NOT_A_URL],
            email: [M.NOT_AN_EMAIL],
            phone: [M.PHONE_MALFORMED('12')],
          },
        }),
      },
      {
        name: 'wrong check characters, limits above, a city outside Barcelona with a neighbourhood',
        values: {
          taxId: 'B86670461',
          cpvCodes: '45210000-3',
          employees: '1000001',
          foundedYear: String(YEAR + 1),
          descriptionES: 'y'.repeat(5001),
          descriptionEN: 'z'.repeat(5001),
          city: 'c'.repeat(101),
          website: `https://${'w'.repeat(500)}.cat`,
        },
        expected: () => ({
          at: {
            taxId: [M.TAX_ID_CHECK_CHARACTER('B86670461', '0')],
            cpvCodes: [M.CPV_CHECK_DIGIT('45210000-3', '45210000-2')],
            employees: [M.OUT_OF_RANGE(0, 1_000_000)],
            foundedYear: [M.FOUNDED_YEAR_OUT_OF_RANGE(1800, YEAR)],
            descriptionES: [M.TOO_LONG(5000)],
            descriptionEN: [M.TOO_LONG(5000)],
            city: [M.TOO_LONG(100)],
            location: [M.PLACES_ONLY_IN_BARCELONA],
            website: [M.TOO_LONG(500)],
          },
        }),
      },
      {
        name: 'a tax ID no kind of entity starts with, a CPV code not in the vocabulary',
        values: { taxId: 'I12345678', cpvCodes: '99999999-8', city: 'Badalona', neighbourhoodCode: '01' },
        expected: () => ({
          at: {
            taxId: [M.TAX_ID_UNKNOWN_LETTER('I12345678', 'I')],
            cpvCodes: [M.CPV_UNKNOWN('99999999-8')],
            location: [M.PLACES_ONLY_IN_BARCELONA],
          },
        }),
      },
      {
        name: 'a limited company’s tax ID ending in a letter',
        values: { taxId: 'B8667046J' },
        expected: () => ({ at: { taxId: [M.TAX_ID_ENDS_IN_DIGIT('B8667046J', 'B', '0')] } }),
      },
      {
        name: 'a public body’s tax ID ending in a digit',
        values: { taxId: 'Q28760312' },
        expected: () => ({ at: { taxId: [M.TAX_ID_ENDS_IN_LETTER('Q28760312', 'Q', 'B')] } }),
      },
      {
        name: 'a cooperative’s wrong check character (a digit or a letter would do)',
        values: { taxId: 'F08123450' },
        expected: () => ({ at: { taxId: [M.TAX_ID_CHECK_CHARACTER_EITHER('F08123450', '7', 'G')] } }),
      },
      {
        name: 'nine characters that are no tax ID',
        values: { taxId: 'ABCDEFGHI' },
        expected: () => ({ at: { taxId: [M.TAX_ID_INVALID('ABCDEFGHI')] } }),
      },
      {
        name: 'unknown codes of every list, a legal name too long, a description given twice',
        patch: (input) => {
          input.legalForm = 'FORMA_INVENTADA';
          input.legalName = 'L'.repeat(301);
          input.sectors = [...((input.sectors as string[]) ?? []), 'INVENTAT'];
          input.certifications = ['ISO9001'];
          input.socialClauses = ['QUOTA_LOCAL'];
          input.descriptions = [
            { locale: 'ES', text: 'Uno' },
            { locale: 'ES', text: 'Dos' },
          ];
          input.address = { ...ADDRESS, neighbourhoodCode: '99' };
        },
        expected: () => ({
          at: {
            legalForm: [M.UNKNOWN_LEGAL_FORM('FORMA_INVENTADA')],
            sectors: [M.UNKNOWN_SECTOR('INVENTAT')],
            certifications: [M.UNKNOWN_CERTIFICATION('ISO9001')],
            socialClauses: [M.UNKNOWN_SOCIAL_CLAUSE('QUOTA_LOCAL')],
            descriptionES: [M.DUPLICATE_VALUE('ES')],
            location: [M.UNKNOWN_NEIGHBOURHOOD('99')],
          },
          // The form does not edit the legal name: its problem is announced above the form.
          alert: [M.TOO_LONG(300)],
        }),
      },
      {
        name: 'a neighbourhood of another district, too many CPV codes',
        patch: (input) => {
          input.cpvCodes = Array.from({ length: 51 }, () => '90910000-9');
          input.address = { ...ADDRESS, postalCode: '08003', districtCode: '02', neighbourhoodCode: '03' };
        },
        expected: () => ({
          at: {
            cpvCodes: [M.TOO_MANY_VALUES_50],
            location: [M.NEIGHBOURHOOD_NOT_IN_DISTRICT('03', 'la Barceloneta', '01', '02')],
          },
        }),
      },
      {
        name: 'a latitude without its longitude',
        patch: (input) => {
          input.address = { ...ADDRESS, lat: SAGRADA_FAMILIA.lat };
        },
        expected: () => ({ at: { location: [M.COORDINATES_TOGETHER] } }),
      },
      {
        name: 'a longitude out of range',
        patch: (input) => {
          input.address = { ...ADDRESS, lat: 41.4, lng: 200 };
        },
        expected: () => ({
          at: {
            location: [M.LOCATION_OUTSIDE_BARCELONA('41.4', '200'), M.OUT_OF_RANGE(-180, 180)],
          },
        }),
      },
      {
        name: 'a latitude out of range',
        patch: (input) => {
          input.address = { ...ADDRESS, city: 'Girona', postalCode: '17001', lat: -91, lng: 2.8 };
        },
        expected: () => ({ at: { location: [M.OUT_OF_RANGE(-90, 90)] } }),
      },
      {
        name: 'a location outside Barcelona for an address in Barcelona',
        patch: (input) => {
          input.address = { ...ADDRESS, ...HOSPITALET };
        },
        expected: () => ({ at: { location: [M.LOCATION_OUTSIDE_BARCELONA('41.3596', '2.0997')] } }),
      },
      {
        name: 'a location in another neighbourhood',
        patch: (input) => {
          input.address = { ...ADDRESS, ...SAGRADA_FAMILIA, neighbourhoodCode: '03' };
        },
        expected: () => ({
          at: {
            location: [M.LOCATION_NOT_IN_NEIGHBOURHOOD('06', 'la Sagrada Família', '03', 'la Barceloneta')],
          },
        }),
      },
      {
        name: 'a location in another district',
        patch: (input) => {
          input.address = { ...ADDRESS, ...SAGRADA_FAMILIA, districtCode: '05' };
        },
        expected: () => ({ at: { location: [M.LOCATION_NOT_IN_DISTRICT('02', '05')] } }),
      },
      {
        name: 'a location in Barcelona for another town',
        patch: (input) => {
          input.address = { ...ADDRESS, ...SAGRADA_FAMILIA, city: 'Badalona' };
        },
        expected: () => ({ at: { city: [M.LOCATION_IN_BARCELONA('la Sagrada Família', 'Badalona')] } }),
      },
      {
        name: 'an address without its street and town, in an unknown district',
        patch: (input) => {
          input.address = { street: ' ', postalCode: '08001', city: '', districtCode: '11' };
        },
        expected: () => ({
          at: { street: [M.REQUIRED], city: [M.REQUIRED], location: [M.UNKNOWN_DISTRICT('11')] },
        }),
      },
    ];

    for (const locale of LOCALES) {
      it(
        `proposing a company: every refusal of the profile at its field, in ${locale}`,
        async () => {
          const { context, page } = await signedInPage(locale, PROPOSER);
          const { api } = platform;
          await page.getByRole('button', { name: DASHBOARD.newCompany[locale], exact: true }).click();
          const form = page.locator('section[aria-labelledby="new-company-title"] form.profile-form');
          await form.waitFor();
          const before = {
            companies: await api.db.company.count(),
            revisions: await api.db.companyRevision.count(),
          };

          for (const { name, values, patch, expected } of CREATE_CASES) {
            await fill(form, { ...VALID, ...values });
            await send(page, form, patch);
            try {
              await expectShown(form, locale, expected(locale));
            } catch (error) {
              throw new Error(`${name}: ${(error as Error).message}`);
            }
            if (locale === 'CA' && name === CREATE_CASES[1]?.name) {
              expect(await accessibilityViolations(page)).toEqual([]);
            }
          }

          // Tax IDs the directory already holds.
          await fill(form, { ...VALID, taxId: listed.taxId });
          await send(page, form);
          await expectShown(form, locale, { at: { taxId: [M.TAX_ID_IN_DIRECTORY(listed.taxId)] } });
          await fill(form, { ...VALID, taxId: proposed.taxId.toLowerCase() });
          await send(page, form);
          await expectShown(form, locale, { at: { taxId: [M.TAX_ID_ALREADY_YOURS(proposed.taxId)] } });
          if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);

          expect({
            companies: await api.db.company.count(),
            revisions: await api.db.companyRevision.count(),
          }).toEqual(before);
          await context.close();
        },
        TIMEOUT,
      );

      it(
        `editing a company and its editors: the refusals at their fields, in ${locale}`,
        async () => {
          const { context, page } = await signedInPage(locale, EDITOR);
          const { api } = platform;
          await page
            .getByRole('button', { name: `${DASHBOARD.edit[locale]} ${edited.name}`, exact: true })
            .click();
          const panel = page.locator('.company-panel');
          const form = panel.locator('form.profile-form');
          await form.locator('input[name="name"]').waitFor();
          const revisions = await api.db.companyRevision.count();

          // Sent as it is, the profile changes nothing: the problem is the whole proposal's.
          await send(page, form);
          await expectShown(form, locale, { at: {}, alert: [M.PROPOSAL_CHANGES_NOTHING] });

          await form.locator('input[name="taxId"]').fill(NEW_TAX_ID);
          await form.locator('input[name="email"]').fill('no-és-una-adreça');
          await form.locator('input[name="name"]').fill('');
          await send(page, form);
          await expectShown(form, locale, {
            at: { name: [M.REQUIRED], email: [M.NOT_AN_EMAIL] },
          });
          await form.locator('input[name="name"]').fill(edited.name);
          await form.locator('input[name="email"]').fill('');
          await send(page, form);
          await expectShown(form, locale, { at: { taxId: [M.TAX_ID_CANNOT_CHANGE] } });
          if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
          expect(await api.db.companyRevision.count()).toBe(revisions);

          // The invitation form: the address at its input.
          const invitation = panel.locator('form.inline-form');
          const address = invitation.locator('input[name="email"]');
          for (const [typed, message] of [
            ['', M.REQUIRED],
            ['   ', M.REQUIRED],
            ['no-és-una-adreça', M.NOT_AN_EMAIL],
            ['dues@arroves@cooperativa.example', M.NOT_AN_EMAIL],
          ] as const) {
            await address.fill(typed);
            await invitation.getByRole('button', { name: DASHBOARD.invite[locale], exact: true }).click();
            const shown = invitation.locator('.field-error');
            await expect
              .poll(async () => (await shown.count()) > 0 && (await shown.textContent()))
              .toBe(message[locale]);
            const id = await shown.getAttribute('id');
            expect(id).toBeTruthy();
            expect(await address.getAttribute('aria-describedby')).toBe(id);
            expect(await address.getAttribute('aria-invalid')).toBe('true');
          }
          if (locale === 'CA') expect(await accessibilityViolations(page)).toEqual([]);
          expect(await api.db.editorInvitation.count()).toBe(0);

          // The only editor cannot remove themselves: the refusal is announced.
          await panel
            .getByRole('button', { name: `${DASHBOARD.remove[locale]} ${EDITOR.email}`, exact: true })
            .click();
          const refused = panel.getByRole('alert').filter({ hasText: M.LAST_COMPANY_EDITOR[locale] });
          await refused.waitFor();
          expect((await refused.textContent())?.trim()).toBe(M.LAST_COMPANY_EDITOR[locale]);
          expect(await api.db.companyMembership.count({ where: { companyId: edited.id } })).toBe(1);
          await context.close();
        },
        TIMEOUT,
      );
    }
  },
);
