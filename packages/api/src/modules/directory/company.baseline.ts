import pg from 'pg';
import type { CreateBaseline } from '../../bench/baseline-server.ts';

/**
 * The company page baseline: `GET /company?slug=…` answers with the fields of the contract's
 * Company operation from one hand-written SQL statement through pg (JSON built by PostgreSQL).
 */
const COMPANY_SQL = `
SELECT json_build_object(
  'id', c.id, 'slug', c.slug, 'name', c.name, 'legalName', c."legalName", 'taxId', c."taxId",
  'legalForm', c."legalFormCode", 'foundedYear', c."foundedYear", 'employees', c.employees,
  'description', c."descriptionCa", 'website', c.website, 'email', c.email, 'phone', c.phone,
  'address', json_build_object('street', c.street, 'postalCode', c."postalCode", 'city', c.city,
    'location', CASE WHEN c.latitude IS NULL THEN NULL ELSE json_build_object('lat', c.latitude, 'lng', c.longitude) END),
  'district', CASE WHEN d.code IS NULL THEN NULL ELSE json_build_object('code', d.code, 'name', d.name) END,
  'neighbourhood', CASE WHEN n.code IS NULL THEN NULL ELSE json_build_object('code', n.code, 'name', n.name) END,
  'sectors', (SELECT coalesce(json_agg(json_build_object('code', s.code, 'name', s."nameCa") ORDER BY s.position), '[]')
              FROM "CompanySector" cs JOIN "Sector" s ON s.code = cs."sectorCode" WHERE cs."companyId" = c.id),
  'cpvCodes', c."cpvCodes",
  'certifications', (SELECT coalesce(json_agg(json_build_object('code', ce.code, 'name', ce."nameCa",
                       'verified', cc.verified, 'validUntil', cc."validUntil") ORDER BY ce.position), '[]')
                     FROM "CompanyCertification" cc JOIN "Certification" ce ON ce.code = cc."certificationCode"
                     WHERE cc."companyId" = c.id),
  'esg', (SELECT json_build_object('score', e.score, 'status', e.status, 'validUntil', e."validUntil", 'pillars', e."pillarScores")
          FROM "EsgAssessment" e WHERE e."companyId" = c.id ORDER BY e."submittedAt" DESC NULLS LAST LIMIT 1),
  'reservedContractEligible', c."insertionCompany" OR c."specialEmploymentCentre",
  'updatedAt', c."updatedAt") AS company
FROM "Company" c
LEFT JOIN "District" d ON d.code = c."districtCode"
LEFT JOIN "Neighbourhood" n ON n.code = c."neighbourhoodCode"
WHERE c.slug = $1 AND c.status = 'PUBLISHED'`;

export const createBaseline: CreateBaseline = async (env) => {
  const pool = new pg.Pool({ connectionString: env.BENCH_DATABASE_URL, max: 10 });
  return {
    async handle(url) {
      const { rows } = await pool.query<{ company: unknown }>({
        name: 'company',
        text: COMPANY_SQL,
        values: [url.searchParams.get('slug')],
      });
      return { status: 200, body: JSON.stringify({ data: { company: rows[0]?.company ?? null } }) };
    },
    close: () => pool.end(),
  };
};
