import { type Db, poolSize } from '@proximitat/db';
import {
  type EngineResult,
  escapeHtml,
  type FacetField,
  type PointsResult,
  type SearchRequest,
} from '@proximitat/search';
import { type AppError, anyCause, appError } from '../../errors.ts';
import { fold } from './search-request.ts';

/**
 * The same search answered by PostgreSQL when Meilisearch is unreachable: full text over the
 * generated `Company.search` column (name, legal name, descriptions, folded by search_fold; GIN
 * index; see migration search_fulltext) and over sector names, Spanish stemming, prefix match on
 * the last word, typos through trigram similarity of the name (GIN index), the same filters,
 * facets, geo, sorting and shape. Every value is a bound parameter.
 *
 * Bounded, so that an outage of Meilisearch cannot starve the database: a search is one
 * transaction of a few statements on one connection (the sectors its words name, then the hits
 * with their page, total and facets in one statement), under its own statement timeout; at most a
 * few run at once in a process, never more than half of its pool; the total and facets of a
 * search are reused for its other pages and sorts for a short while.
 */

export const FALLBACK_LIMITS = {
  /** Fallback searches running at once in a process, at most (and at most half of its pool). */
  concurrency: 4,
  /** Searches waiting for a turn, per running one; beyond that a search is refused at once. */
  queuePerSlot: 4,
  /** A search still waiting for its turn after this long is refused. */
  queueWaitMs: 3_000,
  /** PostgreSQL cancels a fallback statement that runs longer. */
  statementTimeoutMs: 2_000,
  /** How long the total and facets of a search are reused for its other pages and sorts. */
  summaryTtlMs: 30_000,
  /** Searches whose total and facets are kept (each a few kilobytes). */
  summaryEntries: 200,
} as const;

/** Marks the fallback's statements, so that tests (and an operator) can find them in pg_stat_activity. */
export const FALLBACK_SQL_TAG = '/* degraded-search */';

function busy(reason: 'SEARCH_BUSY' | 'SEARCH_TIMEOUT'): AppError {
  return appError(reason, null);
}

/** A counting semaphore with a short, bounded queue: a search either gets a turn soon or is refused. */
export class FallbackGate {
  private running = 0;
  private readonly waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly concurrency: number,
    readonly queueLength: number,
    readonly queueWaitMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLength) throw busy('SEARCH_BUSY');
      await new Promise<void>((resolve, reject) => {
        const entry = {
          start: () => {
            clearTimeout(entry.timer);
            resolve();
          },
          timer: setTimeout(() => {
            this.waiting.splice(this.waiting.indexOf(entry), 1);
            reject(busy('SEARCH_BUSY'));
          }, this.queueWaitMs),
        };
        this.waiting.push(entry);
      });
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` never drops below what is running.
      const next = this.waiting.shift();
      if (next) next.start();
      else this.running--;
    }
  }
}

const gates = new WeakMap<Db, FallbackGate>();

/** The gate of this client's pool: never more than half its connections for fallback searches. */
export function fallbackGate(db: Db): FallbackGate {
  let gate = gates.get(db);
  if (!gate) {
    const concurrency = Math.max(1, Math.min(FALLBACK_LIMITS.concurrency, Math.floor(poolSize(db) / 2)));
    gate = new FallbackGate(
      concurrency,
      concurrency * FALLBACK_LIMITS.queuePerSlot,
      FALLBACK_LIMITS.queueWaitMs,
    );
    gates.set(db, gate);
  }
  return gate;
}

/** Catalan elided articles and pronouns (l', d', s', n', m', t', qu'): dropped, as search_fold drops them. */
const ELISION = /(^|[^\p{L}\p{N}])(?:qu|[dlsmnt])['’]/gu;

/** The words of a query as the search column holds them: folded, elisions dropped, letters and digits only. */
export function searchWords(query: string): string[] {
  return fold(query)
    .replace(ELISION, '$1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 20);
}

/** "Cooperatíva de neteja" -> "cooperativa & de & neteja:*": only letters and digits survive. */
export function prefixQuery(query: string): string | null {
  const words = searchWords(query);
  if (words.length === 0) return null;
  return words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word)).join(' & ');
}

function highlightWords(text: string, query: string): string {
  const words = searchWords(query).filter((word) => word.length > 1);
  if (words.length === 0) return escapeHtml(text);
  const foldedText = fold(text);
  // Folding keeps positions for the accents Catalan and Spanish use, so ranges map back to the text.
  if (foldedText.length !== text.length) return escapeHtml(text);
  const marks: [number, number][] = [];
  for (const word of words) {
    let from = foldedText.indexOf(word);
    while (from !== -1) {
      marks.push([from, from + word.length]);
      from = foldedText.indexOf(word, from + word.length);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let html = '';
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

type Sql = { text: string; params: unknown[] };
type Transaction = Pick<Db, '$queryRawUnsafe' | '$executeRawUnsafe'>;

function builder() {
  const params: unknown[] = [];
  return {
    params,
    param(value: unknown) {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** A word as a tsquery: itself (a prefix when it is the last word) or its Spanish stem. */
function wordQuery(param: (value: unknown) => string, word: string, isLast: boolean): string {
  return `(to_tsquery('simple', ${param(isLast ? `${word}:*` : word)}) || to_tsquery('spanish', ${param(word)}))`;
}

const SECTOR_TEXT = `public.search_fold(s."nameCa" || ' ' || s."nameEs" || ' ' || s."nameEn")`;
/** Sector names are matched by words long enough to mean something ("de", "i", "les" are in many). */
const SECTOR_WORD_LENGTH = 4;
/** Typos are looked for in names once the query is this long, as Meilisearch allows one typo from 4 letters. */
const TYPO_QUERY_LENGTH = 4;

/** For each word, the sectors whose names it matches (a small table: read on every search). */
async function sectorsByWord(tx: Transaction, words: string[]): Promise<(string[] | null)[]> {
  const { params, param } = builder();
  const columns = words.map((word, index) =>
    word.length < SECTOR_WORD_LENGTH
      ? 'NULL::text[]'
      : `array(SELECT s.code FROM "Sector" s
          WHERE (to_tsvector('simple', ${SECTOR_TEXT}) || to_tsvector('spanish', ${SECTOR_TEXT})) @@ ${wordQuery(param, word, index === words.length - 1)})`,
  );
  const [row] = await tx.$queryRawUnsafe<{ sectors: string }[]>(
    `${FALLBACK_SQL_TAG} SELECT jsonb_build_array(${columns.join(', ')})::text AS sectors`,
    ...params,
  );
  const matches = JSON.parse(row?.sectors ?? '[]') as (string[] | null)[];
  return matches.map((codes) => (codes && codes.length > 0 ? codes : null));
}

/**
 * The text condition: every word in the search column, or (for a word found in sector names) in
 * the company's sectors; with `typos`, or a name that resembles the whole query (trigrams).
 */
function textCondition(
  param: (value: unknown) => string,
  words: string[],
  sectorMatches: (string[] | null)[],
  typos: boolean,
): { where: string; rank: () => string } {
  const last = words.length - 1;
  // Words found in no sector name: one tsquery, so the GIN index intersects them itself.
  const plain = words.flatMap((word, index) =>
    sectorMatches[index] ? [] : [wordQuery(param, word, index === last)],
  );
  const all: string[] = [];
  if (plain.length > 0) all.push(`c.search @@ (${plain.join(' && ')})`);
  words.forEach((word, index) => {
    const sectors = sectorMatches[index];
    if (!sectors) return;
    all.push(`(c.search @@ ${wordQuery(param, word, index === last)}
      OR c.id IN (SELECT cs."companyId" FROM "CompanySector" cs WHERE cs."sectorCode" = ANY(${param(sectors)}::text[])))`);
  });
  let where = all.join(' AND ');
  const name = typos ? param(words.join(' ')) : '';
  if (typos) where = `(${where} OR ${name} <% public.search_fold(c.name))`;
  // Parameters only when the rank is used: PostgreSQL refuses a statement with an unused one.
  const rank = () => {
    const anyWord = words.map((word, index) => wordQuery(param, word, index === last)).join(' || ');
    // Every word in the name (weight A) counts as much as the rest of the ranking together.
    const inName = `to_tsquery('simple', ${param(words.map((word, index) => (index === last ? `${word}:*A` : `${word}:A`)).join(' & '))})`;
    // As Meilisearch's exactness before its attribute rule: the last word found whole (in the
    // texts or a sector name) counts more than the name, so "caterin" (the Spanish "cáterin" of the
    // catering sector) ranks caterers before "Santa Caterina" in names. Only the last word can
    // match as a prefix, and the column's Spanish stems ("caterina" -> "caterin") cannot tell, so
    // the folded texts are read. It outweighs the name and the similarity of names (each at most 1).
    const whole = param(`\\m${words[last] ?? ''}\\M`);
    const exact = `(public.search_fold(coalesce(c.name, '') || ' ' || coalesce(c."legalName", '') || ' '
        || coalesce(c."descriptionCa", '') || ' ' || coalesce(c."descriptionEs", '') || ' ' || coalesce(c."descriptionEn", '')) ~ ${whole}
      OR c.id IN (SELECT cs."companyId" FROM "CompanySector" cs JOIN "Sector" s ON s.code = cs."sectorCode"
        WHERE ${SECTOR_TEXT} ~ ${whole}))`;
    const base = `ts_rank(c.search, ${anyWord}) + (CASE WHEN c.search @@ ${inName} THEN 1 ELSE 0 END)
      + (CASE WHEN ${exact} THEN 3 ELSE 0 END)`;
    return typos ? `${base} + word_similarity(${name}, public.search_fold(c.name))` : base;
  };
  return { where: `(${where})`, rank };
}

/** The sort key of names: folded, a leading elided article dropped (as the index's nameSort does). */
const NAME_KEY = (column: string) => `btrim(public.search_fold(${column})) COLLATE "C"`;

interface Conditions {
  where: string[];
  rank: string;
  distance: string;
}

/** The conditions of a search (text, filters, radius), its rank and its distance expression. */
function conditions(
  request: SearchRequest,
  words: string[],
  sectorMatches: (string[] | null)[],
  typos: boolean,
  param: (value: unknown) => string,
): Conditions {
  const where: string[] = [`c.status = 'PUBLISHED'`];
  let rank = '0';
  if (request.query && words.length === 0) where.push('false');
  if (words.length > 0) {
    const text = textCondition(param, words, sectorMatches, typos);
    where.push(text.where);
    if (request.sort === 'RELEVANCE') rank = text.rank();
  }
  if (request.companyIds) where.push(`c.id = ANY(${param(request.companyIds)}::uuid[])`);
  if (request.sectors)
    where.push(
      `EXISTS (SELECT 1 FROM "CompanySector" cs WHERE cs."companyId" = c.id AND cs."sectorCode" = ANY(${param(request.sectors)}::text[]))`,
    );
  if (request.legalForms) where.push(`c."legalFormCode" = ANY(${param(request.legalForms)}::text[])`);
  if (request.districts) where.push(`c."districtCode" = ANY(${param(request.districts)}::text[])`);
  if (request.neighbourhoods)
    where.push(`c."neighbourhoodCode" = ANY(${param(request.neighbourhoods)}::text[])`);
  if (request.cpv) {
    where.push(
      `EXISTS (SELECT 1 FROM unnest(c."cpvCodes") code, unnest(${param(request.cpv)}::text[]) prefix WHERE code LIKE prefix || '%')`,
    );
  }
  if (request.queryCpv) {
    where.push(
      `EXISTS (SELECT 1 FROM unnest(c."cpvCodes") code WHERE code LIKE ${param(request.queryCpv)} || '%')`,
    );
  }
  for (const certification of request.certifications) {
    where.push(
      `EXISTS (SELECT 1 FROM "CompanyCertification" cc WHERE cc."companyId" = c.id AND cc."certificationCode" = ${param(certification)})`,
    );
  }
  if (request.socialClauses.length > 0)
    where.push(`c."socialClauses" @> ${param(request.socialClauses)}::text[]`);
  if (request.reservedContractEligible !== null) {
    where.push(
      `(c."insertionCompany" OR c."specialEmploymentCentre") = ${param(request.reservedContractEligible)}`,
    );
  }
  const verified = (extra: string) =>
    `EXISTS (SELECT 1 FROM "EsgAssessment" e WHERE e."companyId" = c.id AND e.status = 'VERIFIED' AND e."validUntil" > now()${extra})`;
  if (request.homologated === true) where.push(verified(''));
  if (request.homologated === false) where.push(`NOT ${verified('')}`);
  if (request.minEsgScore !== null) where.push(verified(` AND e.score >= ${param(request.minEsgScore)}`));
  if (request.employeesMin !== null) where.push(`c.employees >= ${param(request.employeesMin)}`);
  if (request.employeesMax !== null) where.push(`c.employees <= ${param(request.employeesMax)}`);
  let distance = 'NULL::float8';
  if (request.near) {
    const lat = param(request.near.lat);
    const lng = param(request.near.lng);
    distance = `(2 * 6371000 * asin(least(1, sqrt(power(sin(radians(c.latitude - ${lat}::float8) / 2), 2)
      + cos(radians(${lat}::float8)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - ${lng}::float8) / 2), 2)))))`;
    if (request.near.radiusMeters)
      where.push(`c.latitude IS NOT NULL AND ${distance} <= ${param(request.near.radiusMeters)}`);
  }
  return { where, rank, distance };
}

/** The score of the company's verified assessment in force, as the index's esgScore. */
const ESG_SCORE = `(SELECT max(e.score) FROM "EsgAssessment" e
  WHERE e."companyId" = c.id AND e.status = 'VERIFIED' AND e."validUntil" > now())`;

/** The order of a search's results (over the hits `h`), for every sort but by name. */
function hitsOrder(request: SearchRequest): string {
  if (request.sort === 'ESG_SCORE') return 'h.esg DESC NULLS LAST, h.name COLLATE "C", h.id';
  return request.sort === 'DISTANCE'
    ? 'h.distance ASC NULLS LAST, h.name COLLATE "C", h.id'
    : request.sort === 'NEWEST'
      ? 'h."createdAt" DESC, h.id'
      : 'h.rank DESC, h.name COLLATE "C", h.id';
}

function searchSql(
  request: SearchRequest,
  words: string[],
  sectorMatches: (string[] | null)[],
  typos: boolean,
  pageOnly: boolean,
): Sql {
  const { params, param } = builder();
  const { where, rank, distance } = conditions(request, words, sectorMatches, typos, param);
  const limit = param(request.limit);
  const offset = param(request.offset);
  const byName = request.sort === 'NAME';
  const esg = request.sort === 'ESG_SCORE' ? ESG_SCORE : 'NULL::int';
  // By name, the page is read from Company in the order of its name index (a browse stops after
  // one page instead of sorting every company); otherwise from the hits, sorted.
  const page = byName
    ? `SELECT c.id, ${distance} AS distance, c.name, row_number() OVER (ORDER BY ${NAME_KEY('c.name')}, c.id) AS n
       FROM "Company" c WHERE ${where.join(' AND ')} ORDER BY ${NAME_KEY('c.name')}, c.id LIMIT ${limit} OFFSET ${offset}`
    : `SELECT h.id, h.distance, h.name, row_number() OVER (ORDER BY ${hitsOrder(request)}) AS n
       FROM hits h ORDER BY n LIMIT ${limit} OFFSET ${offset}`;
  const description = `description${request.locale === 'CA' ? 'Ca' : request.locale === 'ES' ? 'Es' : 'En'}`;
  const pageJson = `(SELECT coalesce(json_agg(json_build_object('id', p.id, 'distance', p.distance, 'name', p.name,
         'description', c."${description}") ORDER BY p.n), '[]')::text
       FROM page p JOIN "Company" c ON c.id = p.id)`;
  if (pageOnly) {
    const hits = byName
      ? ''
      : `hits AS (SELECT c.id, c.name, c."createdAt", ${rank} AS rank, ${distance} AS distance, ${esg} AS esg
           FROM "Company" c WHERE ${where.join(' AND ')}),`;
    return {
      text: `${FALLBACK_SQL_TAG} WITH ${hits} page AS (${page}) SELECT 0::bigint AS total, ${pageJson} AS page, '[]' AS facets`,
      params,
    };
  }
  // One statement: the hits once, then the page and every facet over them.
  const text = `${FALLBACK_SQL_TAG}
    WITH hits AS MATERIALIZED (
      SELECT c.id, c.name, c."createdAt", c."legalFormCode", c."districtCode", c."neighbourhoodCode",
             c."socialClauses", c."cpvCodes", (c."insertionCompany" OR c."specialEmploymentCentre") AS reserved,
             c.id IN (SELECT e."companyId" FROM "EsgAssessment" e WHERE e.status = 'VERIFIED' AND e."validUntil" > now()) AS homologated,
             ${byName ? '0' : rank} AS rank, ${byName ? 'NULL::float8' : distance} AS distance, ${esg} AS esg
      FROM "Company" c WHERE ${where.join(' AND ')}
    ),
    page AS (${page}),
    facets AS (
      SELECT CASE WHEN grouping(h."legalFormCode") = 0 THEN 'legalForms'
                  WHEN grouping(h."districtCode") = 0 THEN 'districts'
                  WHEN grouping(h."neighbourhoodCode") = 0 THEN 'neighbourhoods'
                  WHEN grouping(h.reserved) = 0 THEN 'reservedContractEligible'
                  ELSE 'homologated' END AS field,
             coalesce(h."legalFormCode", h."districtCode", h."neighbourhoodCode", h.reserved::text, h.homologated::text) AS value,
             count(*) AS n
      FROM hits h
      GROUP BY GROUPING SETS ((h."legalFormCode"), (h."districtCode"), (h."neighbourhoodCode"), (h.reserved), (h.homologated))
      UNION ALL
      SELECT 'sectors', cs."sectorCode", count(*) FROM hits h JOIN "CompanySector" cs ON cs."companyId" = h.id GROUP BY 2
      UNION ALL
      SELECT 'certifications', cc."certificationCode", count(*) FROM hits h JOIN "CompanyCertification" cc ON cc."companyId" = h.id GROUP BY 2
      UNION ALL
      SELECT 'socialClauses', clause, count(*) FROM hits h, unnest(h."socialClauses") clause GROUP BY 2
      UNION ALL
      SELECT 'cpv', d.value, count(*) FROM hits h, LATERAL (SELECT DISTINCT left(code, 2) AS value FROM unnest(h."cpvCodes") code) d GROUP BY 2
    )
    SELECT
      (SELECT count(*) FROM hits) AS total,
      ${pageJson} AS page,
      (SELECT coalesce(json_agg(json_build_array(f.field, f.value, f.n)), '[]')::text FROM facets f WHERE f.value IS NOT NULL) AS facets`;
  return { text, params };
}

const FACET_FIELDS: FacetField[] = [
  'sectors',
  'legalForms',
  'districts',
  'neighbourhoods',
  'certifications',
  'socialClauses',
  'cpv',
  'reservedContractEligible',
  'homologated',
];

type Row = { total: bigint; page: string; facets: string };

function isStatementTimeout(error: unknown): boolean {
  return anyCause(
    error,
    (facts) =>
      facts.code === '57014' ||
      facts.originalCode === '57014' ||
      (typeof facts.message === 'string' && /statement timeout/i.test(facts.message)),
  );
}

interface Summary {
  expires: number;
  total: bigint;
  facets: string;
  /** Whether names resembling the query were counted (the exact words left the first page short). */
  typos: boolean;
}

/**
 * Totals and facets of recent searches, per client: they do not depend on the sort, the page or
 * the locale, so paging through a search, or many people opening the same one (the search page
 * without a query counts every company), costs only its page. Up to summaryTtlMs old.
 */
class SummaryCache {
  private readonly entries = new Map<string, Summary & { refreshing?: boolean }>();
  /** Summaries being counted: the same search arriving meanwhile waits for it (outside the gate). */
  readonly counting = new Map<string, Promise<void>>();
  hits = 0;
  misses = 0;

  /**
   * A summary younger than its TTL, or one up to twice as old (then `refresh` asks the first
   * caller to count it anew, in the background); none when the caller must count it.
   */
  get(key: string): { summary: Summary; refresh: boolean } | undefined {
    const entry = this.entries.get(key);
    const now = Date.now();
    if (entry && now < entry.expires) {
      this.hits++;
      return { summary: entry, refresh: false };
    }
    if (entry && now < entry.expires + FALLBACK_LIMITS.summaryTtlMs) {
      this.hits++;
      const refresh = !entry.refreshing;
      entry.refreshing = true;
      return { summary: entry, refresh };
    }
    if (entry) this.entries.delete(key);
    this.misses++;
    return undefined;
  }

  /** A refresh that failed (the gate was full, the statement too slow): the next caller tries again. */
  refreshFailed(key: string) {
    const entry = this.entries.get(key);
    if (entry) entry.refreshing = false;
  }

  set(key: string, summary: Omit<Summary, 'expires'>) {
    this.entries.delete(key);
    this.entries.set(key, { ...summary, expires: Date.now() + FALLBACK_LIMITS.summaryTtlMs });
    // A Map iterates in insertion order: the first key is the oldest.
    while (this.entries.size > FALLBACK_LIMITS.summaryEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

const summaries = new WeakMap<Db, SummaryCache>();

export function summaryCache(db: Db): SummaryCache {
  let cache = summaries.get(db);
  if (!cache) {
    cache = new SummaryCache();
    summaries.set(db, cache);
  }
  return cache;
}

/** What decides a search's hits: everything but the sort, the page and the locale. */
function hitsKey(request: SearchRequest, words: string[]): string {
  const { sort: _sort, offset: _offset, limit: _limit, locale: _locale, query: _query, ...rest } = request;
  return JSON.stringify({ words, ...rest });
}

type Run = (typos: boolean, pageOnly: boolean) => Promise<Row>;

/**
 * Work on one pooled connection, under the gate, in a transaction with the fallback's own limits,
 * given the sectors the query's words name. Pages and map points both run here.
 */
async function inFallbackTransaction<T>(
  db: Db,
  words: string[],
  statementTimeoutMs: number,
  work: (tx: Transaction, sectorMatches: (string[] | null)[]) => Promise<T>,
): Promise<T> {
  return fallbackGate(db).run(async () => {
    try {
      return await db.$transaction(
        async (tx) => {
          // SET LOCAL: the limit ends with the transaction, the pooled connection keeps its own.
          await tx.$executeRawUnsafe(
            `SET LOCAL statement_timeout = ${Math.max(1, Math.round(statementTimeoutMs))}`,
          );
          // Hashes and the materialised hits of a broad search stay in memory (a few searches at once).
          await tx.$executeRawUnsafe(`SET LOCAL work_mem = '16MB'`);
          return work(tx, words.length > 0 ? await sectorsByWord(tx, words) : []);
        },
        { maxWait: FALLBACK_LIMITS.queueWaitMs, timeout: statementTimeoutMs * 3 + 1_000 },
      );
    } catch (error) {
      if (isStatementTimeout(error)) throw busy('SEARCH_TIMEOUT');
      throw error;
    }
  });
}

/** The one row a fallback statement answers (an aggregate always has one). */
async function oneRow<T>(tx: Transaction, { text, params }: Sql): Promise<T> {
  const [result] = await tx.$queryRawUnsafe<T[]>(text, ...params);
  if (!result) throw new Error('the fallback search returned no row');
  return result;
}

/** A page search in the fallback's transaction: `work` runs the search statement as it needs. */
function inPageTransaction<T>(
  db: Db,
  request: SearchRequest,
  words: string[],
  statementTimeoutMs: number,
  work: (run: Run) => Promise<T>,
): Promise<T> {
  return inFallbackTransaction(db, words, statementTimeoutMs, (tx, sectorMatches) =>
    work((typos, pageOnly) => oneRow<Row>(tx, searchSql(request, words, sectorMatches, typos, pageOnly))),
  );
}

/** The hits, page, total and facets; the summary kept for the search's other pages and sorts. */
async function countSearch(
  run: Run,
  cache: SummaryCache,
  key: string,
  request: SearchRequest,
  words: string[],
): Promise<Row> {
  let counted: () => void = () => undefined;
  cache.counting.set(key, new Promise<void>((resolve) => (counted = resolve)));
  try {
    let result = await run(false, false);
    // Names resembling the query are looked for only when the exact words leave the first page short.
    const typos = Number(result.total) < request.limit && words.join(' ').length >= TYPO_QUERY_LENGTH;
    if (typos) result = await run(true, false);
    cache.set(key, { total: result.total, facets: result.facets, typos });
    return result;
  } finally {
    cache.counting.delete(key);
    counted();
  }
}

export async function searchPostgres(
  db: Db,
  request: SearchRequest,
  { statementTimeoutMs = FALLBACK_LIMITS.statementTimeoutMs }: { statementTimeoutMs?: number } = {},
): Promise<EngineResult> {
  const words = searchWords(request.query);
  const cache = summaryCache(db);
  const key = hitsKey(request, words);
  await cache.counting.get(key)?.catch(() => undefined);
  const row = await inPageTransaction(db, request, words, statementTimeoutMs, async (run) => {
    const known = cache.get(key);
    if (!known) return countSearch(run, cache, key, request, words);
    if (known.refresh) {
      // Counted anew after this answer, so that no caller waits for it; refused like any search when busy.
      setImmediate(() => {
        inPageTransaction(db, request, words, statementTimeoutMs, (again) =>
          countSearch(again, cache, key, request, words),
        ).catch(() => cache.refreshFailed(key));
      });
    }
    return {
      ...(await run(known.summary.typos, true)),
      total: known.summary.total,
      facets: known.summary.facets,
    };
  });
  const page = JSON.parse(row.page) as {
    id: string;
    distance: number | null;
    name: string;
    description: string | null;
  }[];
  const facets = Object.fromEntries(FACET_FIELDS.map((field) => [field, {}])) as Record<
    FacetField,
    Record<string, number>
  >;
  for (const [field, value, count] of JSON.parse(row.facets) as [FacetField, string, number][])
    facets[field][value] = count;
  return {
    totalCount: Number(row.total),
    facets,
    hits: page.map((hit) => ({
      id: hit.id,
      distanceMeters: hit.distance === null ? null : Math.round(Number(hit.distance)),
      highlight: {
        name: highlightWords(hit.name, request.query),
        description: hit.description ? highlightWords(hit.description, request.query) : null,
      },
    })),
  };
}

/** The located companies among the first `cap` of a search's result set, in its order, and its total. */
function pointsSql(
  request: SearchRequest,
  words: string[],
  sectorMatches: (string[] | null)[],
  typos: boolean,
  cap: number,
): Sql {
  const { params, param } = builder();
  const { where, rank, distance } = conditions(request, words, sectorMatches, typos, param);
  const esg = request.sort === 'ESG_SCORE' ? ESG_SCORE : 'NULL::int';
  const order = request.sort === 'NAME' ? `${NAME_KEY('h.name')}, h.id` : hitsOrder(request);
  const text = `${FALLBACK_SQL_TAG}
    WITH hits AS MATERIALIZED (
      SELECT c.id, c.slug, c.name, c.latitude, c.longitude, c."createdAt",
             ${request.sort === 'RELEVANCE' ? rank : '0'} AS rank, ${distance} AS distance, ${esg} AS esg
      FROM "Company" c WHERE ${where.join(' AND ')}
    ),
    first AS (SELECT h.* FROM hits h ORDER BY ${order} LIMIT ${param(cap)})
    SELECT (SELECT count(*) FROM hits) AS total,
      (SELECT coalesce(json_agg(json_build_array(f.id, f.slug, f.name, f.latitude, f.longitude)
         ORDER BY ${order.replaceAll('h.', 'f.')}), '[]')::text
       FROM first f WHERE f.latitude IS NOT NULL AND f.longitude IS NOT NULL) AS points`;
  return { text, params };
}

/**
 * The points of a search's whole result set (its first `cap`), for a map: under the same gate,
 * statement timeout and transaction as the fallback's pages, one statement.
 */
export async function pointsPostgres(
  db: Db,
  request: SearchRequest,
  cap: number,
  { statementTimeoutMs = FALLBACK_LIMITS.statementTimeoutMs }: { statementTimeoutMs?: number } = {},
): Promise<PointsResult> {
  const words = searchWords(request.query);
  const known = summaryCache(db).get(hitsKey(request, words));
  const row = await inFallbackTransaction(db, words, statementTimeoutMs, async (tx, sectorMatches) => {
    const run = (typos: boolean) =>
      oneRow<{ total: bigint; points: string }>(tx, pointsSql(request, words, sectorMatches, typos, cap));
    // Names resembling the query count as for the pages: when the exact words find few.
    let result = await run(known?.summary.typos ?? false);
    if (!known && Number(result.total) < request.limit && words.join(' ').length >= TYPO_QUERY_LENGTH)
      result = await run(true);
    return result;
  });
  const totalCount = Number(row.total);
  const points = (JSON.parse(row.points) as [string, string, string, number, number][]).map(
    ([id, slug, name, lat, lng]) => ({ id, slug, name, lat, lng }),
  );
  return { totalCount, points, capped: totalCount > cap };
}
