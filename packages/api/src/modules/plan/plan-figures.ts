import type { FigureKind } from '@proximitat/db';

export interface ExtractedFigure {
  kind: FigureKind;
  value: number;
  /** The words the figure was read from. */
  sourceText: string;
}

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  una: 1,
  dos: 2,
  dues: 2,
  tres: 3,
  quatre: 4,
  cinc: 5,
  sis: 6,
  set: 7,
  vuit: 8,
  nou: 9,
  deu: 10,
};

const NUMBER = String.raw`(\d+(?:[.,]\d+)?|un|una|dos|dues|tres|quatre|cinc|sis|set|vuit|nou|deu)`;

/** Catalan numerals as the plan writes them: "1,6", "120", "sis". */
function readNumber(raw: string): number {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  if (word !== undefined) return word;
  return Number(raw.replace(/\./g, '').replace(',', '.'));
}

const PATTERNS: { kind: FigureKind; pattern: RegExp; scale?: number }[] = [
  {
    kind: 'BUDGET_EUR',
    pattern: new RegExp(String.raw`${NUMBER}\s*M\s*(?:d'euros|d’euros|de pressupost|€)`, 'giu'),
    scale: 1_000_000,
  },
  { kind: 'PEOPLE_HIRED', pattern: new RegExp(String.raw`\b${NUMBER}\s+persones\s+contractades`, 'giu') },
  { kind: 'PROJECTS', pattern: new RegExp(String.raw`\b${NUMBER}\s+projectes`, 'giu') },
  { kind: 'SHOPS', pattern: new RegExp(String.raw`\b${NUMBER}\s+comerços`, 'giu') },
  { kind: 'DISTRICTS', pattern: new RegExp(String.raw`\b${NUMBER}\s+districtes`, 'giu') },
  { kind: 'SERVICES', pattern: new RegExp(String.raw`\b${NUMBER}\s+(?:nous\s+serveis|punts\s+d)`, 'giu') },
];

/** The figures a sentence of the plan states, in the order they appear. */
export function extractFigures(text: string): ExtractedFigure[] {
  const found: (ExtractedFigure & { index: number })[] = [];
  for (const { kind, pattern, scale } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const value = readNumber(match[1] ?? '') * (scale ?? 1);
      if (Number.isFinite(value)) found.push({ kind, value, sourceText: match[0], index: match.index ?? 0 });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, ...figure }) => figure);
}

export interface DistrictName {
  code: string;
  name: string;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-–]/g, ' ')
    .replace(/\s+/g, ' ');
}

const ALL_DISTRICTS = /\b(?:10|deu)\s+districtes\b/;
/** Phrases by which the plan means the districts that have a PDE. */
const PDE_DISTRICTS = [
  /districtes amb pde/,
  /\b(?:6|sis)\s+districtes\b/,
  /districtes amb (?:menys|menor) renda/,
  /per sota de la renda mitjana/,
];
const ALIASES: Record<string, string[]> = { '08': ['9barris', '9 barris'] };

/**
 * The districts a measure targets, read from its words: district names, "10 districtes" for all,
 * and the plan's phrases for the districts with a development plan (PDE).
 */
export function targetedDistricts(text: string, districts: DistrictName[], pdeDistricts: string[]): string[] {
  const haystack = normalise(text);
  const codes = new Set<string>();
  if (ALL_DISTRICTS.test(haystack)) for (const district of districts) codes.add(district.code);
  if (PDE_DISTRICTS.some((pattern) => pattern.test(haystack)))
    for (const code of pdeDistricts) codes.add(code);
  for (const district of districts) {
    const names = [normalise(district.name), ...(ALIASES[district.code] ?? [])];
    // "Sarrià-Sant Gervasi" may be written "Sarrià Sant Gervasi"; "Les Corts" with or without its article.
    names.push(normalise(district.name).replace(/^(les|la|el) /, ''));
    if (names.some((name) => new RegExp(`(^|[^a-z])${name}([^a-z]|$)`).test(haystack)))
      codes.add(district.code);
  }
  return [...codes].sort();
}
