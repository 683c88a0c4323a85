import type { Meilisearch, Settings } from 'meilisearch';
import { ELIDED_WORDS } from './company-search.ts';

/**
 * The `companies` index: its settings are versioned with the code and applied idempotently at
 * start-up (Meilisearch ignores settings that do not change). Only published companies are in it.
 */
export const COMPANIES_INDEX = 'companies';

/** Activities named differently in Catalan, Spanish and English: each group finds the others. */
export const SYNONYM_GROUPS: string[][] = [
  ['neteja', 'limpieza', 'cleaning', 'netejes', 'limpiezas'],
  ['jardineria', 'jardinería', 'gardening', 'jardí', 'jardín'],
  ['càtering', 'catering', 'cáterin', 'menjador', 'comedor', 'canteen'],
  ['restauració', 'restauración', 'restaurant', 'restaurante'],
  ['cures', 'cuidados', 'care', 'atenció domiciliària', 'atención domiciliaria', 'home care'],
  ['reciclatge', 'reciclaje', 'recycling', 'residus', 'residuos', 'waste'],
  ['missatgeria', 'mensajería', 'courier', 'repartiment', 'reparto', 'delivery'],
  ['impremta', 'imprenta', 'printing'],
  ['formació', 'formación', 'training', 'educació', 'educación', 'education'],
  ['habitatge', 'vivienda', 'housing'],
  ['construcció', 'construcción', 'construction', 'obres', 'obras', 'building works'],
  ['rehabilitació', 'rehabilitación', 'renovation', 'reformes', 'reformas'],
  ['energia', 'energía', 'energy', 'fotovoltaica', 'solar'],
  ['programari', 'software', 'programario'],
  ['assessoria', 'asesoría', 'consultoria', 'consultoría', 'consulting', 'advice'],
  ['tèxtil', 'textil', 'textile', 'roba', 'ropa', 'clothing'],
  ['alimentació', 'alimentación', 'food', 'aliments', 'alimentos'],
  ['cooperativa', 'coop', 'co-operative', 'cooperative'],
];

function synonyms(): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    for (const word of group) map[word] = group.filter((other) => other !== word);
  }
  return map;
}

export const COMPANIES_SETTINGS: Settings = {
  // Ranking order: a match in the name counts most, then what the company does, then its text.
  searchableAttributes: ['name', 'legalName', 'sectorNames', 'cpvLabels', 'descriptions'],
  displayedAttributes: ['*'],
  filterableAttributes: [
    // A tax ID typed in the search box finds its company by id (looked up in PostgreSQL).
    'id',
    'sectors',
    'legalForm',
    'district',
    'neighbourhood',
    'cpvPrefixes',
    'cpvDivisions',
    'certifications',
    'socialClauses',
    'reservedContractEligible',
    'homologated',
    'esgScore',
    'esgValidUntil',
    'employees',
    '_geo',
  ],
  sortableAttributes: ['nameSort', 'esgScore', 'createdAt', '_geo'],
  // A sort the caller chooses (name, distance, score, newest) orders the results; without one the
  // rule does nothing and relevance decides. Whole words before the start of longer ones, then the
  // attribute: "caterin" is the Spanish word "cáterin" of the catering sector before the first
  // letters of "Santa Caterina" in a name.
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'exactness', 'attribute'],
  // Catalan elisions are not words: "d'inserció" is indexed as "inserció" ("d" would match a word
  // of almost every description).
  stopWords: ELIDED_WORDS,
  synonyms: synonyms(),
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 200_000 },
};

/** A Meilisearch task that did not succeed; `code` is Meilisearch's (index_not_found, ...). */
export class SearchTaskError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Waits for a Meilisearch task and turns a failed one into an error. */
export async function settled(
  promise: {
    waitTask: (options?: {
      timeout?: number;
    }) => Promise<{ status: string; error?: { message: string; code?: string } | null }>;
  },
  timeout = 120_000,
) {
  const task = await promise.waitTask({ timeout });
  if (task.status !== 'succeeded')
    throw new SearchTaskError(task.error?.message ?? `task ${task.status}`, task.error?.code);
  return task;
}

/** Creates the index when missing and applies the companies' settings; running it again changes nothing. */
export async function ensureIndex(client: Meilisearch, uid: string): Promise<void> {
  const indexes = await client.getIndexes({ limit: 1000 });
  if (!indexes.results.some((index) => index.uid === uid)) {
    await settled(client.createIndex(uid, { primaryKey: 'id' }));
  }
  await settled(client.index(uid).updateSettings(COMPANIES_SETTINGS));
}
