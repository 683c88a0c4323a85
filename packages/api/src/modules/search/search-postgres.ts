import type { Db } from '@proximitat/db';
import type { EngineResult, FacetField } from './search-meili.ts';
import { escapeHtml, fold, type SearchRequest } from './search-request.ts';

/**
 * The same search answered by PostgreSQL when Meilisearch is unreachable: accent-insensitive full
 * text (words folded the same way on both sides; Spanish stemming, prefix match on the last word),
 * the same filters, facets, sorting and shape. Every value is a bound parameter.
 */
const FOLD_FROM = 'àáâäèéêëìíîïòóôöùúûüçñ·';
const FOLD_TO = 'aaaaeeeeiiiioooouuuucn.';

function folded(sql: string): string {
  return `translate(lower(${sql}), '${FOLD_FROM}', '${FOLD_TO}')`;
}

const DOCUMENT = `concat_ws(' ', c.name, c."legalName", c."descriptionCa", c."descriptionEs", c."descriptionEn",
  (SELECT string_agg(concat_ws(' ', s."nameCa", s."nameEs", s."nameEn"), ' ')
     FROM "CompanySector" cs JOIN "Sector" s ON s.code = cs."sectorCode" WHERE cs."companyId" = c.id))`;

/** "Cooperatíva de neteja" -> "cooperativa & de & neteja:*": only letters and digits survive. */
export function prefixQuery(query: string): string | null {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 20);
  if (words.length === 0) return null;
  return words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word)).join(' & ');
}

function highlightWords(text: string, query: string): string {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
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

export async function searchPostgres(db: Db, request: SearchRequest): Promise<EngineResult> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [`c.status = 'PUBLISHED'`];
  const tsQuery = prefixQuery(request.query);
  let rank = '0';
  if (request.query && !tsQuery) where.push('false');
  if (tsQuery) {
    const simple = `to_tsvector('simple', ${folded(DOCUMENT)})`;
    const spanish = `to_tsvector('spanish', ${folded(DOCUMENT)})`;
    const prefix = `to_tsquery('simple', ${param(tsQuery)})`;
    const stemmed = `plainto_tsquery('spanish', ${param(fold(request.query))})`;
    where.push(`(${simple} @@ ${prefix} OR ${spanish} @@ ${stemmed})`);
    rank = `ts_rank(${simple}, ${prefix}) + (CASE WHEN ${folded('c.name')} LIKE '%' || ${param(fold(request.query))} || '%' THEN 1 ELSE 0 END)`;
  }
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
  const order =
    request.sort === 'DISTANCE'
      ? 'h.distance ASC NULLS LAST, c.name, c.id'
      : request.sort === 'NEWEST'
        ? 'c."createdAt" DESC, c.id'
        : request.sort === 'RELEVANCE'
          ? 'h.rank DESC, c.name, c.id'
          : `${folded('c.name')}, c.id`;

  const hitsSql = `WITH hits AS (SELECT c.id, ${rank} AS rank, ${distance} AS distance FROM "Company" c WHERE ${where.join(' AND ')})`;
  const pageParams = [...params, request.limit, request.offset];
  const rows = await db.$queryRawUnsafe<
    { id: string; distance: number | null; name: string; description: string | null; total: bigint }[]
  >(
    `${hitsSql}
     SELECT c.id, h.distance, c.name, c."description${request.locale === 'CA' ? 'Ca' : request.locale === 'ES' ? 'Es' : 'En'}" AS description,
            count(*) OVER () AS total
     FROM hits h JOIN "Company" c ON c.id = h.id
     ORDER BY ${order}
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    ...pageParams,
  );
  let totalCount = rows.length > 0 ? Number(rows[0]?.total ?? 0) : 0;
  if (rows.length === 0 && request.offset > 0) {
    const [counted] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `${hitsSql} SELECT count(*) AS n FROM hits`,
      ...params,
    );
    totalCount = Number(counted?.n ?? 0);
  }
  const facetSql = (select: string) => `${hitsSql} ${select}`;
  const [sectors, forms, districts, neighbourhoods, certifications, clauses, cpv, reserved, homologated] =
    await Promise.all([
      db.$queryRawUnsafe<{ value: string; n: bigint }[]>(
        facetSql(
          `SELECT cs."sectorCode" AS value, count(*) AS n FROM hits JOIN "CompanySector" cs ON cs."companyId" = hits.id GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: string; n: bigint }[]>(
        facetSql(
          `SELECT c."legalFormCode" AS value, count(*) AS n FROM hits JOIN "Company" c ON c.id = hits.id GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: string; n: bigint }[]>(
        facetSql(
          `SELECT c."districtCode" AS value, count(*) AS n FROM hits JOIN "Company" c ON c.id = hits.id WHERE c."districtCode" IS NOT NULL GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: string; n: bigint }[]>(
        facetSql(
          `SELECT c."neighbourhoodCode" AS value, count(*) AS n FROM hits JOIN "Company" c ON c.id = hits.id WHERE c."neighbourhoodCode" IS NOT NULL GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: string; n: bigint }[]>(
        facetSql(
          `SELECT cc."certificationCode" AS value, count(*) AS n FROM hits JOIN "CompanyCertification" cc ON cc."companyId" = hits.id GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: string; n: bigint }[]>(
        facetSql(
          `SELECT clause AS value, count(*) AS n FROM hits JOIN "Company" c ON c.id = hits.id, unnest(c."socialClauses") clause GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: string; n: bigint }[]>(
        facetSql(
          `SELECT d.value, count(DISTINCT hits.id) AS n FROM hits JOIN "Company" c ON c.id = hits.id, LATERAL (SELECT DISTINCT left(code, 2) AS value FROM unnest(c."cpvCodes") code) d GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: boolean; n: bigint }[]>(
        facetSql(
          `SELECT (c."insertionCompany" OR c."specialEmploymentCentre") AS value, count(*) AS n FROM hits JOIN "Company" c ON c.id = hits.id GROUP BY 1`,
        ),
        ...params,
      ),
      db.$queryRawUnsafe<{ value: boolean; n: bigint }[]>(
        facetSql(
          `SELECT ${verified('').replaceAll('c.id', 'hits.id')} AS value, count(*) AS n FROM hits GROUP BY 1`,
        ),
        ...params,
      ),
    ]);
  const counts = (rows: { value: string | boolean; n: bigint }[]) =>
    Object.fromEntries(rows.map((row) => [String(row.value), Number(row.n)]));
  const facets: Record<FacetField, Record<string, number>> = {
    sectors: counts(sectors),
    legalForms: counts(forms),
    districts: counts(districts),
    neighbourhoods: counts(neighbourhoods),
    certifications: counts(certifications),
    socialClauses: counts(clauses),
    cpv: counts(cpv),
    reservedContractEligible: counts(reserved),
    homologated: counts(homologated),
  };
  return {
    totalCount,
    facets,
    hits: rows.map((row) => ({
      id: row.id,
      distanceMeters: row.distance === null ? null : Math.round(Number(row.distance)),
      highlight: {
        name: highlightWords(row.name, request.query),
        description: row.description ? highlightWords(row.description, request.query) : null,
      },
    })),
  };
}
