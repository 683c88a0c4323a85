import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { cpvCode } from '../modules/directory/cpv.ts';
import type { ImportRecord } from '../modules/directory/import-row.ts';
import type { Place, Places } from '../modules/directory/places.ts';
import { slugify } from '../modules/directory/slug.ts';
import { makeCif } from '../modules/directory/tax-id.ts';

/**
 * Deterministic, realistic sample companies for development, demos and benchmarks: the same
 * count and seed always give the same rows. They are import rows, so they enter the directory
 * through exactly the path of `pnpm directory:import`.
 */

/** mulberry32 over a 32-bit hash of the seed: small, fast and reproducible everywhere. */
export function createRandom(seed: string) {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}

type Random = ReturnType<typeof createRandom>;

/** Legal forms of Barcelona's social and solidarity economy in rough proportion, with their CIF letter. */
const LEGAL_FORMS = [
  ['COOP_TREBALL', 30, 'F'],
  ['ASSOCIACIO', 24, 'G'],
  ['FUNDACIO', 8, 'G'],
  ['SOCIETAT_MERCANTIL', 7, 'B'],
  ['SOCIETAT_LABORAL', 5, 'B'],
  ['COOP_SERVEIS', 5, 'F'],
  ['COOP_CONSUM', 4, 'F'],
  ['COOP_INTEGRAL', 3, 'F'],
  ['COOP_HABITATGE', 3, 'F'],
  ['COOP_ENSENYAMENT', 2, 'F'],
  ['ALTRES', 3, 'J'],
  ['MUTUALITAT', 2, 'V'],
  ['COOP_SEGON_GRAU', 1, 'F'],
  ['COOP_AGRARIA', 1, 'F'],
  ['SAT', 1, 'V'],
  ['COOP_CREDIT', 1, 'F'],
] as const;

interface SectorProfile {
  weight: number;
  /** CPV codes (8 digits; the check digit comes from the vocabulary). */
  cpv: string[];
  /** Words for names, Catalan and Spanish. */
  words: string[];
  /** What they do, for descriptions: [ca, es, en]. */
  activities: [string, string, string][];
  certifications: string[];
}

const SECTORS: Record<string, SectorProfile> = {
  ALIMENTACIO: {
    weight: 9,
    cpv: ['15000000', '03221000', '15800000', '15300000'],
    words: ['Horta', 'Llavor', 'Rebost', 'Espiga', 'Cistella', 'Granero'],
    activities: [
      [
        "distribució d'aliments ecològics de proximitat",
        'distribución de alimentos ecológicos de proximidad',
        'distribution of local organic food',
      ],
      ['grup de consum agroecològic', 'grupo de consumo agroecológico', 'agroecological consumer group'],
      ['obrador de pa i pastisseria artesana', 'obrador de pan y pastelería artesana', 'artisan bakery'],
    ],
    certifications: ['CCPAE', 'COMERC_JUST'],
  },
  RESTAURACIO: {
    weight: 7,
    cpv: ['55520000', '55300000', '55320000', '55524000'],
    words: ['Cuina', 'Cassola', 'Fogons', 'Taula', 'Comedor', 'Sobretaula'],
    activities: [
      [
        'càtering ecològic per a escoles i equipaments',
        'cáterin ecológico para escuelas y equipamientos',
        'organic catering for schools and public facilities',
      ],
      [
        'menjador social i restaurant de barri',
        'comedor social y restaurante de barrio',
        'community canteen and neighbourhood restaurant',
      ],
    ],
    certifications: ['CCPAE'],
  },
  HABITATGE: {
    weight: 3,
    cpv: ['70000000', '70300000', '45211000'],
    words: ['Sostre', 'Llar', 'Cobert', 'Casal', 'Teulada'],
    activities: [
      [
        "habitatge cooperatiu en cessió d'ús",
        'vivienda cooperativa en cesión de uso',
        'housing co-operative with right of use',
      ],
      [
        "mediació i gestió d'habitatge social",
        'mediación y gestión de vivienda social',
        'social housing mediation and management',
      ],
    ],
    certifications: ['BALANC_SOCIAL'],
  },
  CONSTRUCCIO: {
    weight: 6,
    cpv: ['45000000', '45210000', '45453000', '45400000'],
    words: ['Bastida', 'Obra', 'Maó', 'Arquitectes', 'Reformes'],
    activities: [
      [
        "rehabilitació d'edificis amb criteris d'eficiència energètica",
        'rehabilitación de edificios con criterios de eficiencia energética',
        'energy-efficient building renovation',
      ],
      [
        'reformes i manteniment de pisos',
        'reformas y mantenimiento de pisos',
        'flat renovation and maintenance',
      ],
    ],
    certifications: ['ISO14001'],
  },
  ENERGIA: {
    weight: 3,
    cpv: ['09310000', '65300000', '45261215', '71314000'],
    words: ['Energia', 'Sol', 'Watt', 'Ecoserveis', 'Llum'],
    activities: [
      [
        "instal·lació d'autoconsum fotovoltaic",
        'instalación de autoconsumo fotovoltaico',
        'solar self-consumption installations',
      ],
      [
        "comercialització d'electricitat renovable",
        'comercialización de electricidad renovable',
        'renewable electricity supply',
      ],
      [
        'assessorament contra la pobresa energètica',
        'asesoramiento contra la pobreza energética',
        'advice against energy poverty',
      ],
    ],
    certifications: ['ISO14001', 'EMAS'],
  },
  FINANCES: {
    weight: 2,
    cpv: ['66000000', '66100000', '66500000'],
    words: ['Finances', 'Coop', 'Fiare', 'Estalvi'],
    activities: [
      [
        "finançament ètic per a entitats de l'economia social",
        'financiación ética para entidades de la economía social',
        'ethical finance for social economy organisations',
      ],
      [
        'assegurances ètiques i solidàries',
        'seguros éticos y solidarios',
        'ethical and solidarity insurance',
      ],
    ],
    certifications: ['BALANC_SOCIAL'],
  },
  TECNOLOGIA: {
    weight: 6,
    cpv: ['72000000', '72200000', '48000000', '72400000'],
    words: ['Codi', 'Xarxa', 'Bit', 'Digital', 'Software'],
    activities: [
      ['desenvolupament de programari lliure', 'desarrollo de software libre', 'free software development'],
      [
        'serveis de hosting i sobirania digital',
        'servicios de hosting y soberanía digital',
        'hosting and digital sovereignty services',
      ],
      [
        "reparació i reutilització d'ordinadors",
        'reparación y reutilización de ordenadores',
        'computer repair and reuse',
      ],
    ],
    certifications: ['BALANC_SOCIAL'],
  },
  COMUNICACIO: {
    weight: 5,
    cpv: ['79340000', '79800000', '79822500'],
    words: ['Tinta', 'Impremta', 'Comunicació', 'Disseny', 'Mirada'],
    activities: [
      [
        'comunicació i disseny gràfic per a entitats',
        'comunicación y diseño gráfico para entidades',
        'communication and graphic design for non-profits',
      ],
      ['impremta amb paper reciclat', 'imprenta con papel reciclado', 'printing on recycled paper'],
    ],
    certifications: ['ECOLABEL_UE'],
  },
  EDUCACIO: {
    weight: 7,
    cpv: ['80000000', '80500000', '80530000'],
    words: ['Escola', 'Aprenem', 'Formació', 'Brúixola', 'Escuela'],
    activities: [
      [
        'formació ocupacional per a joves',
        'formación ocupacional para jóvenes',
        'vocational training for young people',
      ],
      [
        "educació en el lleure i casals d'estiu",
        'educación en el ocio y casales de verano',
        'youth leisure education and summer camps',
      ],
    ],
    certifications: ['IGUALTAT'],
  },
  CURES: {
    weight: 9,
    cpv: ['85300000', '85310000', '85311000', '85312000'],
    words: ['Cures', 'Acompanya', 'Cuidem', 'Vincle', 'Cuidados'],
    activities: [
      [
        'atenció domiciliària a la gent gran',
        'atención domiciliaria a personas mayores',
        'home care for older people',
      ],
      [
        'suport a persones amb discapacitat',
        'apoyo a personas con discapacidad',
        'support for people with disabilities',
      ],
      [
        'escola bressol i criança compartida',
        'escuela infantil y crianza compartida',
        'nursery and shared childcare',
      ],
    ],
    certifications: ['IGUALTAT', 'BALANC_SOCIAL'],
  },
  SALUT: {
    weight: 3,
    cpv: ['85100000', '85140000', '85121000'],
    words: ['Salut', 'Teràpia', 'Equilibri', 'Salud'],
    activities: [
      [
        'fisioteràpia i salut comunitària',
        'fisioterapia y salud comunitaria',
        'physiotherapy and community health',
      ],
      ['atenció psicològica accessible', 'atención psicológica accesible', 'affordable psychological care'],
    ],
    certifications: ['IGUALTAT'],
  },
  CULTURA: {
    weight: 7,
    cpv: ['92000000', '92300000', '92500000'],
    words: ['Escena', 'Ateneu', 'Teatre', 'Ritme', 'Cultura'],
    activities: [
      [
        'producció teatral i arts escèniques',
        'producción teatral y artes escénicas',
        'theatre production and performing arts',
      ],
      [
        'gestió cultural i programació de barri',
        'gestión cultural y programación de barrio',
        'cultural management for neighbourhood venues',
      ],
    ],
    certifications: ['BALANC_SOCIAL'],
  },
  TEXTIL: {
    weight: 3,
    cpv: ['18000000', '18100000', '98393000'],
    words: ['Fil', 'Agulla', 'Teixit', 'Costura'],
    activities: [
      [
        'confecció tèxtil amb inserció laboral',
        'confección textil con inserción laboral',
        'garment making with work integration',
      ],
      [
        'recollida i reutilització de roba',
        'recogida y reutilización de ropa',
        'collection and reuse of clothing',
      ],
    ],
    certifications: ['COMERC_JUST'],
  },
  MOBILITAT: {
    weight: 4,
    cpv: ['60000000', '64120000', '34430000'],
    words: ['Roda', 'Pedal', 'Missatgers', 'Trajecte'],
    activities: [
      ['missatgeria en bicicleta', 'mensajería en bicicleta', 'bicycle courier services'],
      [
        "logística d'última milla sostenible",
        'logística de última milla sostenible',
        'sustainable last-mile logistics',
      ],
    ],
    certifications: ['ISO14001'],
  },
  RESIDUS: {
    weight: 4,
    cpv: ['90500000', '90510000', '90514000'],
    words: ['Recupera', 'Deixalla', 'Reutilitza', 'Reciclaje'],
    activities: [
      [
        'recollida selectiva i reciclatge',
        'recogida selectiva y reciclaje',
        'separate waste collection and recycling',
      ],
      [
        'reparació i venda de mobles de segona mà',
        'reparación y venta de muebles de segunda mano',
        'repair and resale of second-hand furniture',
      ],
    ],
    certifications: ['ISO14001', 'EMAS'],
  },
  NETEJA: {
    weight: 7,
    cpv: ['90910000', '90911200', '90919200', '50000000'],
    words: ['Neteja', 'Net', 'Brillant', 'Limpiezas'],
    activities: [
      [
        "neteja d'oficines i equipaments amb productes ecològics",
        'limpieza de oficinas y equipamientos con productos ecológicos',
        'office and facility cleaning with green products',
      ],
      [
        "manteniment integral d'edificis",
        'mantenimiento integral de edificios',
        'building maintenance services',
      ],
    ],
    certifications: ['ISO14001', 'ECOLABEL_UE'],
  },
  JARDINERIA: {
    weight: 4,
    cpv: ['77300000', '77310000', '77313000'],
    words: ['Jardí', 'Arrels', 'Verd', 'Alzina'],
    activities: [
      [
        'jardineria i manteniment de parcs',
        'jardinería y mantenimiento de parques',
        'gardening and park maintenance',
      ],
      [
        'horts urbans i educació ambiental',
        'huertos urbanos y educación ambiental',
        'urban gardens and environmental education',
      ],
    ],
    certifications: ['ISO14001'],
  },
  CONSULTORIA: {
    weight: 6,
    cpv: ['79400000', '79410000', '79200000', '79100000'],
    words: ['Assessoria', 'Consultors', 'Gestió', 'Suport'],
    activities: [
      [
        'assessorament jurídic i econòmic a cooperatives',
        'asesoramiento jurídico y económico a cooperativas',
        'legal and financial advice for co-operatives',
      ],
      ["avaluació d'impacte social", 'evaluación de impacto social', 'social impact assessment'],
    ],
    certifications: ['BALANC_SOCIAL', 'IGUALTAT'],
  },
  COMERC: {
    weight: 5,
    cpv: ['22100000', '30190000', '39000000'],
    words: ['Botiga', 'Mercat', 'Llibreria', 'Tienda'],
    activities: [
      ['llibreria de barri', 'librería de barrio', 'neighbourhood bookshop'],
      ['botiga de comerç just', 'tienda de comercio justo', 'fair trade shop'],
    ],
    certifications: ['COMERC_JUST', 'PAM_A_PAM'],
  },
  TURISME: {
    weight: 2,
    cpv: ['63510000', '79950000', '63516000'],
    words: ['Rutes', 'Viatges', 'Camins', 'Alberg'],
    activities: [
      [
        'turisme responsable i rutes de barri',
        'turismo responsable y rutas de barrio',
        'responsible tourism and neighbourhood walks',
      ],
      [
        "organització d'esdeveniments sostenibles",
        'organización de eventos sostenibles',
        'sustainable event organisation',
      ],
    ],
    certifications: ['BALANC_SOCIAL'],
  },
};

export const SAMPLE_SECTORS = SECTORS;

const NAME_WORDS = [
  'La Formiga',
  "L'Engranatge",
  'El Rusc',
  'La Sargantana',
  'Gresol',
  'Eixam',
  'Saó',
  "L'Esberla",
  'La Teranyina',
  'Rodamón',
  'La Fàbrica',
  'Arç',
  'El Brot',
  'La Xarxa',
  'Alba',
  'Tramuntana',
  'La Col·lectiva',
  'Cercle',
  'Mans',
  'Lluerna',
  'Nexe',
  'Espiral',
  'Ginesta',
  'El Safareig',
];

const STREETS: Record<string, string[]> = {
  '01': ["Carrer de l'Hospital", 'Carrer dels Tallers', 'Carrer de la Princesa', 'Carrer de Sant Pau'],
  '02': ["Carrer d'Aragó", 'Carrer del Consell de Cent', 'Carrer de Girona', 'Carrer de Provença'],
  '03': ['Carrer de Sants', 'Carrer de Blai', 'Passeig de la Zona Franca', 'Carrer de Vallespir'],
  '04': ['Travessera de les Corts', 'Carrer de Numància', 'Carrer de Can Bruixa'],
  '05': ['Via Augusta', 'Carrer Major de Sarrià', 'Carrer de Muntaner', 'Carrer de Ganduxer'],
  '06': ['Carrer de Verdi', 'Travessera de Gràcia', 'Carrer de Sant Salvador', "Carrer de l'Escorial"],
  '07': ['Carrer de Sant Quintí', 'Passeig de Maragall', 'Carrer de Cartagena', "Carrer d'Arnau d'Oms"],
  '08': ['Passeig de Fabra i Puig', 'Via Júlia', 'Carrer de Joan Riera', 'Carrer de Turó Blau'],
  '09': [
    'Carrer Gran de Sant Andreu',
    'Passeig de Santa Coloma',
    'Carrer de Palomar',
    'Carrer de Concepción Arenal',
  ],
  '10': ['Carrer de Pere IV', 'Rambla del Poblenou', 'Carrer de Pujades', 'Carrer de Bilbao'],
};

/** Postal codes that serve each district (several cross district lines; these are typical ones). */
const POSTAL_CODES: Record<string, string[]> = {
  '01': ['08001', '08002', '08003'],
  '02': ['08007', '08008', '08009', '08010', '08011', '08013', '08015', '08036', '08037'],
  '03': ['08004', '08014', '08028', '08038'],
  '04': ['08014', '08028', '08029', '08034'],
  '05': ['08017', '08021', '08022', '08034', '08006'],
  '06': ['08012', '08023', '08024', '08025'],
  '07': ['08024', '08032', '08035', '08041'],
  '08': ['08016', '08031', '08033', '08042'],
  '09': ['08027', '08030'],
  '10': ['08005', '08018', '08019', '08020'],
};

const OUTSIDE = [
  ["L'Hospitalet de Llobregat", '08901', 'Carrer de Barcelona'],
  ['Badalona', '08911', 'Carrer del Mar'],
  ['Sant Adrià de Besòs', '08930', 'Avinguda de la Platja'],
  ['Cornellà de Llobregat', '08940', 'Carrer de Sant Ildefons'],
  ['Terrassa', '08221', 'Rambla de Ègara'],
] as const;

const PROVINCE_PREFIXES = ['08', '58', '59', '60', '61', '62', '63', '64', '65', '66'];

const FORM_NAMES: Record<string, [string, string]> = {
  COOP_TREBALL: ['cooperativa de treball', 'cooperativa de trabajo'],
  COOP_CONSUM: ['cooperativa de consum', 'cooperativa de consumo'],
  COOP_HABITATGE: ["cooperativa d'habitatge", 'cooperativa de vivienda'],
  COOP_AGRARIA: ['cooperativa agrària', 'cooperativa agraria'],
  COOP_SERVEIS: ['cooperativa de serveis', 'cooperativa de servicios'],
  COOP_ENSENYAMENT: ["cooperativa d'ensenyament", 'cooperativa de enseñanza'],
  COOP_INTEGRAL: ['cooperativa integral', 'cooperativa integral'],
  COOP_SEGON_GRAU: ['cooperativa de segon grau', 'cooperativa de segundo grado'],
  COOP_CREDIT: ['cooperativa de crèdit', 'cooperativa de crédito'],
  SOCIETAT_LABORAL: ['societat laboral', 'sociedad laboral'],
  ASSOCIACIO: ['associació', 'asociación'],
  FUNDACIO: ['fundació', 'fundación'],
  MUTUALITAT: ['mutualitat', 'mutualidad'],
  SAT: ['societat agrària de transformació', 'sociedad agraria de transformación'],
  SOCIETAT_MERCANTIL: ['empresa social', 'empresa social'],
  ALTRES: ['entitat', 'entidad'],
};

/** "el Raval" -> "del Raval", "les Corts" -> "de les Corts", "Sant Antoni" -> "de Sant Antoni". */
export function ofPlace(name: string): string {
  if (/^el /i.test(name)) return `del ${name.slice(3)}`;
  if (/^els /i.test(name)) return `dels ${name.slice(4)}`;
  if (/^h?[aeiouàèéíòóú]/i.test(name) && !/^(i |o )/i.test(name)) return `d'${name}`;
  return `de ${name}`;
}

function companyName(
  random: Random,
  form: string,
  word: string,
  place: Place,
): { name: string; legalName: string } {
  const base = random.chance(0.5) ? `${random.pick(NAME_WORDS)} ${word}` : random.pick(NAME_WORDS);
  const name = random.chance(0.25) ? `${base} ${ofPlace(place.name)}` : base;
  if (form.startsWith('COOP')) return { name, legalName: `${name}, SCCL` };
  if (form === 'ASSOCIACIO') return { name: `Associació ${name}`, legalName: `Associació ${name}` };
  if (form === 'FUNDACIO') return { name: `Fundació ${name}`, legalName: `Fundació Privada ${name}` };
  if (form === 'SOCIETAT_LABORAL') return { name, legalName: `${name}, SLL` };
  if (form === 'SOCIETAT_MERCANTIL') return { name, legalName: `${name}, SL` };
  if (form === 'MUTUALITAT')
    return { name: `Mutualitat ${name}`, legalName: `Mutualitat de Previsió Social ${name}` };
  return { name, legalName: name };
}

function pointInside(random: Random, place: Place): { lat: number; lng: number } {
  const [west, south, east, north] = place.box;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    // Rounded to 6 decimals (about 10 cm) before the test: a point on a thin strip of the
    // boundary could otherwise round its way out of it.
    const lng = Math.round((west + random.next() * (east - west)) * 1e6) / 1e6;
    const lat = Math.round((south + random.next() * (north - south)) * 1e6) / 1e6;
    if (booleanPointInPolygon([lng, lat], place.geometry)) return { lat, lng };
  }
  return place.inside;
}

function cpvWithCheck(digits: string): string {
  const entry = cpvCode(digits);
  if (!entry) throw new Error(`sample data: CPV ${digits} is not in the vocabulary`);
  return entry.code;
}

export interface SampleOptions {
  count: number;
  seed: string;
  places: Places;
  /** Years of foundation go up to this one. */
  currentYear: number;
}

/** Generates `count` sample companies as import rows. */
export function* sampleCompanies({
  count,
  seed,
  places,
  currentYear,
}: SampleOptions): Generator<ImportRecord> {
  const random = createRandom(seed);
  const neighbourhoods = [...places.neighbourhoods.values()].map(
    (place) => [place, place.population] as const,
  );
  const sectors = Object.entries(SECTORS).map(([code, profile]) => [code, profile.weight] as const);
  const forms = LEGAL_FORMS.map(([code, weight, letter]) => [[code, letter] as const, weight] as const);
  const usedTaxIds = new Set<string>();

  for (let index = 0; index < count; index += 1) {
    const [form, letter] = random.weighted(forms);
    const sectorCode = random.weighted(sectors);
    const profile = SECTORS[sectorCode] as SectorProfile;
    const extraSectors = random.chance(0.3) ? [random.weighted(sectors)] : [];
    const sectorCodes = [...new Set([sectorCode, ...extraSectors])];
    const place = random.weighted(neighbourhoods);
    const { name, legalName } = companyName(random, form, random.pick(profile.words), place);

    let taxId = '';
    do {
      taxId = makeCif(
        letter,
        Number(`${random.pick(PROVINCE_PREFIXES)}${String(random.int(0, 99999)).padStart(5, '0')}`),
      );
    } while (usedTaxIds.has(taxId));
    usedTaxIds.add(taxId);

    const cpvCount = random.int(1, 3);
    const cpvCodes = [
      ...new Set(Array.from({ length: cpvCount }, () => cpvWithCheck(random.pick(profile.cpv)))),
    ];
    const [activityCa, activityEs, activityEn] = random.pick(profile.activities);
    const [formCa, formEs] = FORM_NAMES[form] ?? ['entitat', 'entidad'];
    const since = random.weighted([
      [random.int(1978, 1999), 2],
      [random.int(2000, 2014), 4],
      [random.int(2015, currentYear), 5],
    ] as const);
    // Most are small: a median of about five people, a few with hundreds.
    const employees = Math.max(0, Math.round(Math.exp(random.next() ** 2 * 5.8) - 1));
    const insertion =
      (form === 'SOCIETAT_MERCANTIL' || form.startsWith('COOP')) &&
      random.chance(['NETEJA', 'RESIDUS', 'JARDINERIA', 'TEXTIL'].includes(sectorCode) ? 0.3 : 0.03);
    const specialEmployment =
      !insertion && ['FUNDACIO', 'ASSOCIACIO', 'SOCIETAT_MERCANTIL'].includes(form) && random.chance(0.06);
    const certifications = [
      ...(random.chance(0.25) ? [random.pick(profile.certifications)] : []),
      ...(random.chance(0.2) ? ['BALANC_SOCIAL'] : []),
      ...(random.chance(0.12) ? ['PAM_A_PAM'] : []),
    ];
    const socialClauses = sampleSocialClauses(taxId, sectorCode, insertion, specialEmployment);
    const slug = slugify(name).slice(0, 30);
    const domain = `${slug}.${form.startsWith('COOP') ? 'coop' : random.pick(['cat', 'org', 'cat'])}`;

    const mode = random.weighted([
      ['exact', 85],
      ['neighbourhood', 10],
      ['outside', 3],
      ['none', 2],
    ] as const);
    const address: ImportRecord = {};
    if (mode === 'exact' || mode === 'neighbourhood') {
      address.street = `${random.pick(STREETS[place.districtCode] ?? ['Carrer Major'])}, ${random.int(1, 280)}`;
      address.postal_code = random.pick(POSTAL_CODES[place.districtCode] ?? ['08001']);
      address.city = 'Barcelona';
      if (mode === 'exact') {
        const point = pointInside(random, place);
        address.lat = String(point.lat);
        address.lng = String(point.lng);
      } else {
        address.neighbourhood_code = place.code;
      }
    } else if (mode === 'outside') {
      const [city, postalCode, street] = random.pick(OUTSIDE);
      address.street = `${street}, ${random.int(1, 150)}`;
      address.postal_code = postalCode;
      address.city = city;
    }
    const where = mode === 'exact' || mode === 'neighbourhood' ? place.name : null;

    yield {
      tax_id: taxId,
      name,
      legal_name: legalName,
      legal_form: form,
      sectors: sectorCodes.join(';'),
      cpv_codes: cpvCodes.join(';'),
      ...address,
      website: random.chance(0.8) ? `https://${domain}` : '',
      email: random.chance(0.9)
        ? `${random.pick(['info', 'hola', 'contacte', 'administracio'])}@${domain}`
        : '',
      phone: random.chance(0.85)
        ? `93 ${random.int(200, 499)} ${String(random.int(0, 99)).padStart(2, '0')} ${String(random.int(0, 99)).padStart(2, '0')}`
        : '',
      employees: String(employees),
      founded_year: String(since),
      description_ca: `${name} és una ${formCa}${where ? ` ${ofPlace(where)}` : ''} dedicada a: ${activityCa}.`,
      description_es: random.chance(0.7)
        ? `${name} es una ${formEs}${where ? ` ${where.startsWith('el ') ? `del ${where.slice(3)}` : `de ${where}`}` : ''} dedicada a: ${activityEs}.`
        : '',
      description_en: random.chance(0.4)
        ? `${name}: ${activityEn}${where ? `, ${where} (Barcelona)` : ''}.`
        : '',
      certifications: [...new Set(certifications)].join(';'),
      social_clauses: socialClauses.join(';'),
      insertion_company: insertion ? 'sí' : 'no',
      special_employment_centre: specialEmployment ? 'sí' : 'no',
    };
  }
}

/**
 * The social clauses a sample company declares, drawn from a hash of its tax ID rather than from the
 * generator's random stream, so that adding them left every other generated value as it was.
 */
function sampleSocialClauses(
  taxId: string,
  sectorCode: string,
  insertion: boolean,
  specialEmployment: boolean,
): string[] {
  let hash = 2166136261;
  for (const char of taxId) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const draw = (share: number) => {
    hash = Math.imul(hash ^ (hash >>> 15), 2246822507) >>> 0;
    return hash / 2 ** 32 < share;
  };
  const clauses: string[] = [];
  if (insertion || draw(0.15)) clauses.push('INSERCIO_LABORAL');
  if (specialEmployment || draw(0.08)) clauses.push('DISCAPACITAT');
  if (draw(0.45)) clauses.push('IGUALTAT_GENERE');
  if (draw(0.4)) clauses.push('CONDICIONS_LABORALS');
  if (draw(0.25)) clauses.push('CONCILIACIO');
  if (draw(['ALIMENTACIO', 'COMERC'].includes(sectorCode) ? 0.5 : 0.05)) clauses.push('COMERC_JUST');
  if (draw(['ENERGIA', 'RESIDUS', 'MOBILITAT', 'ALIMENTACIO'].includes(sectorCode) ? 0.7 : 0.2))
    clauses.push('CRITERIS_AMBIENTALS');
  if (draw(0.1)) clauses.push('SUBCONTRACTACIO_ESS');
  if (draw(0.08)) clauses.push('ACCESSIBILITAT');
  if (draw(0.1)) clauses.push('SEGURETAT_SALUT');
  return clauses;
}
