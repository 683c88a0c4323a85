import { ErrorCode } from '../codes.ts';
import { reason } from '../define.ts';

/**
 * Reasons of the directory module's failures: a company profile's validation (the API's
 * CompanyProfileInput and each row of a directory import), Spanish tax IDs, CPV codes, and the
 * rules about who edits a company. `value` is the value as it was given (a tax ID in its compact,
 * upper-case form); neighbourhood and district codes are Barcelona's official ones.
 */
export const directoryReasons = {
  TAX_ID_MALFORMED: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The tax ID `value` is not 9 letters and digits.',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és un NIF espanyol: ha de tenir 9 lletres i xifres.`,
    es: ({ value }) => `«${value}» no es un NIF español: debe tener 9 letras y cifras.`,
    en: ({ value }) => `“${value}” is not a Spanish tax ID (NIF): it has 9 letters and digits.`,
  }),
  TAX_ID_UNKNOWN_LETTER: reason<{ value: string; letter: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The tax ID `value` starts with `letter`, which no kind of entity or person uses.',
    params: ['value', 'letter'],
    ca: ({ value, letter }) => `${value} no és un NIF vàlid: cap mena d'entitat comença per ${letter}.`,
    es: ({ value, letter }) => `${value} no es un NIF válido: ningún tipo de entidad empieza por ${letter}.`,
    en: ({ value, letter }) => `${value} is not a valid tax ID: no kind of entity starts with ${letter}.`,
  }),
  TAX_ID_CHECK_CHARACTER: reason<{ value: string; expected: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'The check character (the last one) of the tax ID `value` is wrong; it should be `expected`.',
    params: ['value', 'expected'],
    ca: ({ value, expected }) =>
      `El caràcter de control de ${value} no és correcte: hauria de ser ${expected}.`,
    es: ({ value, expected }) =>
      `El carácter de control de ${value} no es correcto: debería ser ${expected}.`,
    en: ({ value, expected }) => `The check character of ${value} is wrong: it should be ${expected}.`,
  }),
  TAX_ID_CHECK_CHARACTER_EITHER: reason<{ value: string; digit: string; letter: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'The check character of the tax ID `value` is wrong; entities of its kind may end in the digit `digit` or the letter `letter`.',
    params: ['value', 'digit', 'letter'],
    ca: ({ value, digit, letter }) =>
      `El caràcter de control de ${value} no és correcte: hauria de ser ${digit} o ${letter}.`,
    es: ({ value, digit, letter }) =>
      `El carácter de control de ${value} no es correcto: debería ser ${digit} o ${letter}.`,
    en: ({ value, digit, letter }) =>
      `The check character of ${value} is wrong: it should be ${digit} or ${letter}.`,
  }),
  TAX_ID_ENDS_IN_LETTER: reason<{ value: string; letter: string; expected: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'Entities of kind `letter` (public bodies, non-resident entities, ...) end their tax ID in a letter; `value` ends in a digit. Its check letter is `expected`.',
    params: ['value', 'letter', 'expected'],
    ca: ({ value, letter, expected }) =>
      `${value} no és vàlid: el NIF de les entitats de tipus ${letter} acaba en lletra (aquí, ${expected}).`,
    es: ({ value, letter, expected }) =>
      `${value} no es válido: el NIF de las entidades de tipo ${letter} termina en letra (aquí, ${expected}).`,
    en: ({ value, letter, expected }) =>
      `${value} is not valid: the tax ID of entities of kind ${letter} ends in a letter (here, ${expected}).`,
  }),
  TAX_ID_ENDS_IN_DIGIT: reason<{ value: string; letter: string; expected: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'Entities of kind `letter` (public and limited companies, ...) end their tax ID in a digit; `value` ends in a letter. Its check digit is `expected`.',
    params: ['value', 'letter', 'expected'],
    ca: ({ value, letter, expected }) =>
      `${value} no és vàlid: el NIF de les entitats de tipus ${letter} acaba en xifra (aquí, ${expected}).`,
    es: ({ value, letter, expected }) =>
      `${value} no es válido: el NIF de las entidades de tipo ${letter} termina en cifra (aquí, ${expected}).`,
    en: ({ value, letter, expected }) =>
      `${value} is not valid: the tax ID of entities of kind ${letter} ends in a digit (here, ${expected}).`,
  }),
  TAX_ID_INVALID: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The tax ID `value` is not a valid CIF, DNI or NIE (a case without a more specific reason).',
    params: ['value'],
    ca: ({ value }) => `${value} no és un NIF vàlid.`,
    es: ({ value }) => `${value} no es un NIF válido.`,
    en: ({ value }) => `${value} is not a valid tax ID (NIF).`,
  }),
  CPV_MALFORMED: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not written as a CPV code: 8 digits, a dash and a check digit.',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és un codi CPV: 8 xifres, un guió i la xifra de control (45210000-2).`,
    es: ({ value }) =>
      `«${value}» no es un código CPV: 8 cifras, un guion y la cifra de control (45210000-2).`,
    en: ({ value }) => `“${value}” is not a CPV code: 8 digits, a dash and a check digit (45210000-2).`,
  }),
  CPV_CHECK_DIGIT: reason<{ value: string; expected: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'The check digit of the CPV code `value` is wrong; the code with its right digit is `expected`.',
    params: ['value', 'expected'],
    ca: ({ value, expected }) => `La xifra de control de ${value} no és correcta: el codi és ${expected}.`,
    es: ({ value, expected }) => `La cifra de control de ${value} no es correcta: el código es ${expected}.`,
    en: ({ value, expected }) => `The check digit of ${value} is wrong: the code is ${expected}.`,
  }),
  CPV_UNKNOWN: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The CPV code `value` is well formed but not in the CPV 2008 vocabulary.',
    params: ['value'],
    ca: ({ value }) => `${value} no és al vocabulari CPV 2008.`,
    es: ({ value }) => `${value} no está en el vocabulario CPV 2008.`,
    en: ({ value }) => `${value} is not in the CPV 2008 vocabulary.`,
  }),
  UNKNOWN_LEGAL_FORM: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not a code of the legal forms (legalForms).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és cap de les formes jurídiques del directori.`,
    es: ({ value }) => `«${value}» no es ninguna de las formas jurídicas del directorio.`,
    en: ({ value }) => `“${value}” is not one of the directory’s legal forms.`,
  }),
  SECTORS_REQUIRED: reason({
    code: ErrorCode.VALIDATION,
    description: 'A company profile names no sector; it needs at least one.',
    params: [],
    ca: () => 'Tria com a mínim un sector.',
    es: () => 'Elige al menos un sector.',
    en: () => 'Choose at least one sector.',
  }),
  UNKNOWN_SECTOR: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not a code of the sectors (sectors).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és cap dels sectors del directori.`,
    es: ({ value }) => `«${value}» no es ninguno de los sectores del directorio.`,
    en: ({ value }) => `“${value}” is not one of the directory’s sectors.`,
  }),
  UNKNOWN_CERTIFICATION: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not a code of the certifications (certifications).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és cap de les certificacions del directori.`,
    es: ({ value }) => `«${value}» no es ninguna de las certificaciones del directorio.`,
    en: ({ value }) => `“${value}” is not one of the directory’s certifications.`,
  }),
  UNKNOWN_SOCIAL_CLAUSE: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not a code of the social clauses (socialClauses).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és cap de les clàusules socials del catàleg.`,
    es: ({ value }) => `«${value}» no es ninguna de las cláusulas sociales del catálogo.`,
    en: ({ value }) => `“${value}” is not one of the catalogue’s social clauses.`,
  }),
  PHONE_MALFORMED: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description:
      '`value` is not a phone number (9 to 20 digits, spaces, dots, dashes or brackets, an optional +).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és un número de telèfon.`,
    es: ({ value }) => `«${value}» no es un número de teléfono.`,
    en: ({ value }) => `“${value}” is not a phone number.`,
  }),
  FOUNDED_YEAR_OUT_OF_RANGE: reason<{ min: number; max: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The year a company was founded is not a year from `min` to `max` (the current year).',
    params: ['min', 'max'],
    // Years are written without a thousands separator in every language.
    ca: ({ min, max }) => `Ha de ser un any entre ${min} i ${max}.`,
    es: ({ min, max }) => `Debe ser un año entre ${min} y ${max}.`,
    en: ({ min, max }) => `It must be a year from ${min} to ${max}.`,
  }),
  POSTAL_CODE_MALFORMED: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not a Spanish postal code (5 digits, from 01000 to 52999).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és un codi postal espanyol (5 xifres, com 08001).`,
    es: ({ value }) => `«${value}» no es un código postal español (5 cifras, como 08001).`,
    en: ({ value }) => `“${value}” is not a Spanish postal code (5 digits, such as 08001).`,
  }),
  COORDINATES_TOGETHER: reason({
    code: ErrorCode.VALIDATION,
    description: 'Only one of latitude and longitude is given; the field is the missing one.',
    params: [],
    ca: () => 'La latitud i la longitud van juntes: dona-les totes dues.',
    es: () => 'La latitud y la longitud van juntas: indica las dos.',
    en: () => 'Latitude and longitude go together: give both.',
  }),
  UNKNOWN_DISTRICT: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not the code of a district of Barcelona (01 to 10).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és cap districte de Barcelona (de 01 a 10).`,
    es: ({ value }) => `«${value}» no es ningún distrito de Barcelona (de 01 a 10).`,
    en: ({ value }) => `“${value}” is not a district of Barcelona (01 to 10).`,
  }),
  UNKNOWN_NEIGHBOURHOOD: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: '`value` is not the code of a neighbourhood of Barcelona (01 to 73).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és cap barri de Barcelona (de 01 a 73).`,
    es: ({ value }) => `«${value}» no es ningún barrio de Barcelona (de 01 a 73).`,
    en: ({ value }) => `“${value}” is not a neighbourhood of Barcelona (01 to 73).`,
  }),
  NEIGHBOURHOOD_NOT_IN_DISTRICT: reason<{
    neighbourhood: string;
    name: string;
    district: string;
    given: string;
  }>({
    code: ErrorCode.VALIDATION,
    description:
      'The neighbourhood `neighbourhood` (`name`) lies in district `district`, not in the district `given` given with it.',
    params: ['neighbourhood', 'name', 'district', 'given'],
    ca: ({ neighbourhood, name, district, given }) =>
      `El barri ${neighbourhood} (${name}) és al districte ${district}, no al ${given}.`,
    es: ({ neighbourhood, name, district, given }) =>
      `El barrio ${neighbourhood} (${name}) está en el distrito ${district}, no en el ${given}.`,
    en: ({ neighbourhood, name, district, given }) =>
      `Neighbourhood ${neighbourhood} (${name}) is in district ${district}, not ${given}.`,
  }),
  LOCATION_OUTSIDE_BARCELONA: reason<{ lat: string; lng: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'The location `lat`, `lng` is outside Barcelona, but the address is in Barcelona or names a district or neighbourhood.',
    params: ['lat', 'lng'],
    ca: ({ lat, lng }) => `La ubicació ${lat}, ${lng} és fora de Barcelona.`,
    es: ({ lat, lng }) => `La ubicación ${lat}, ${lng} está fuera de Barcelona.`,
    en: ({ lat, lng }) => `The location ${lat}, ${lng} is outside Barcelona.`,
  }),
  LOCATION_IN_BARCELONA: reason<{ name: string; city: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'The location lies in Barcelona (in the neighbourhood `name`), but the city given is `city`.',
    params: ['name', 'city'],
    ca: ({ name, city }) => `La ubicació és a Barcelona (${name}), no a ${city}.`,
    es: ({ name, city }) => `La ubicación está en Barcelona (${name}), no en ${city}.`,
    en: ({ name, city }) => `The location is in Barcelona (${name}), not in ${city}.`,
  }),
  LOCATION_NOT_IN_NEIGHBOURHOOD: reason<{
    found: string;
    foundName: string;
    given: string;
    givenName: string;
  }>({
    code: ErrorCode.VALIDATION,
    description:
      'The location lies in the neighbourhood `found` (`foundName`), not in the neighbourhood `given` (`givenName`) given with it.',
    params: ['found', 'foundName', 'given', 'givenName'],
    ca: ({ found, foundName, given, givenName }) =>
      `La ubicació és al barri ${found} (${foundName}), no al ${given} (${givenName}).`,
    es: ({ found, foundName, given, givenName }) =>
      `La ubicación está en el barrio ${found} (${foundName}), no en el ${given} (${givenName}).`,
    en: ({ found, foundName, given, givenName }) =>
      `The location is in neighbourhood ${found} (${foundName}), not ${given} (${givenName}).`,
  }),
  LOCATION_NOT_IN_DISTRICT: reason<{ found: string; given: string }>({
    code: ErrorCode.VALIDATION,
    description: 'The location lies in the district `found`, not in the district `given` given with it.',
    params: ['found', 'given'],
    ca: ({ found, given }) => `La ubicació és al districte ${found}, no al ${given}.`,
    es: ({ found, given }) => `La ubicación está en el distrito ${found}, no en el ${given}.`,
    en: ({ found, given }) => `The location is in district ${found}, not ${given}.`,
  }),
  PLACES_ONLY_IN_BARCELONA: reason({
    code: ErrorCode.VALIDATION,
    description: 'A district or neighbourhood is given for an address outside Barcelona.',
    params: [],
    ca: () => "Els districtes i els barris només s'apliquen a adreces de Barcelona.",
    es: () => 'Los distritos y los barrios solo se aplican a direcciones de Barcelona.',
    en: () => 'Districts and neighbourhoods apply to addresses in Barcelona only.',
  }),
  COMPANY_NOT_FOUND: reason({
    code: ErrorCode.NOT_FOUND,
    description: 'No company has this id (or the caller may not see it).',
    params: [],
    ca: () => 'Aquesta empresa no existeix.',
    es: () => 'Esta empresa no existe.',
    en: () => 'There is no such company.',
  }),
  COMPANY_EDITORS_ONLY: reason({
    code: ErrorCode.FORBIDDEN,
    description: "Only the company's editors (or staff) may do this.",
    params: [],
    ca: () => "Només les persones editores d'aquesta empresa poden fer-ho.",
    es: () => 'Solo las personas editoras de esta empresa pueden hacerlo.',
    en: () => "Only this company's editors can do this.",
  }),
  IMPORT_NOT_A_NUMBER: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description: 'A cell of a directory import that holds a number (lat, lng) holds `value`.',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és un nombre.`,
    es: ({ value }) => `«${value}» no es un número.`,
    en: ({ value }) => `“${value}” is not a number.`,
  }),
  IMPORT_NOT_A_WHOLE_NUMBER: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'A cell of a directory import that holds a whole number (employees, founded_year) holds `value`.',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és un nombre enter.`,
    es: ({ value }) => `«${value}» no es un número entero.`,
    en: ({ value }) => `“${value}” is not a whole number.`,
  }),
  IMPORT_NOT_YES_OR_NO: reason<{ value: string }>({
    code: ErrorCode.VALIDATION,
    description:
      'A yes/no cell of a directory import holds `value` (true/false, sí/no, yes/no, 1/0 are read).',
    params: ['value'],
    ca: ({ value }) => `«${value}» no és ni sí ni no (true/false, sí/no, yes/no, 1/0).`,
    es: ({ value }) => `«${value}» no es ni sí ni no (true/false, sí/no, yes/no, 1/0).`,
    en: ({ value }) => `“${value}” is neither yes nor no (true/false, sí/no, yes/no, 1/0).`,
  }),
  IMPORT_TAX_ID_REPEATED: reason<{ taxId: string; row: number }>({
    code: ErrorCode.VALIDATION,
    description: 'The tax ID `taxId` is already on the row `row` of the same import file.',
    params: ['taxId', 'row'],
    ca: ({ taxId, row }) => `${taxId} ja és a la fila ${row}.`,
    es: ({ taxId, row }) => `${taxId} ya está en la fila ${row}.`,
    en: ({ taxId, row }) => `${taxId} is already on row ${row}.`,
  }),
  IMPORT_ROW_CELL_COUNT: reason<{ cells: number; columns: number }>({
    code: ErrorCode.VALIDATION,
    description: 'A CSV row of a directory import has `cells` cells where the header has `columns` columns.',
    params: ['cells', 'columns'],
    ca: ({ cells, columns }, f) =>
      `Té ${f.number(cells)} cel·les, però la capçalera té ${f.number(columns)} columnes.`,
    es: ({ cells, columns }, f) =>
      `Tiene ${f.number(cells)} celdas, pero la cabecera tiene ${f.number(columns)} columnas.`,
    en: ({ cells, columns }, f) =>
      `It has ${f.number(cells)} cells but the header has ${f.number(columns)} columns.`,
  }),
  IMPORT_ROW_NOT_AN_OBJECT: reason({
    code: ErrorCode.VALIDATION,
    description: 'An entry of a JSON directory import is not an object.',
    params: [],
    ca: () => 'No és un objecte JSON.',
    es: () => 'No es un objeto JSON.',
    en: () => 'It is not a JSON object.',
  }),
  IMPORT_ROW_UNKNOWN_FIELDS: reason<{ fields: string }>({
    code: ErrorCode.VALIDATION,
    description: 'An entry of a JSON directory import has fields that are not import columns: `fields`.',
    params: ['fields'],
    ca: ({ fields }) => `Té camps desconeguts: ${fields}.`,
    es: ({ fields }) => `Tiene campos desconocidos: ${fields}.`,
    en: ({ fields }) => `It has unknown fields: ${fields}.`,
  }),
} as const;
