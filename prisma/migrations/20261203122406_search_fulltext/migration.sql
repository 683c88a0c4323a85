-- Full text for the degraded search (PostgreSQL answering while Meilisearch is unreachable).
--
-- Why it is written this way:
-- - "search" is a STORED generated column, which Prisma cannot express: schema.prisma declares it
--   as `Unsupported("tsvector")? @default(dbgenerated())` with `@@index([search], type: Gin)`.
--   Prisma introspects the generation expression as a column default: without
--   `@default(dbgenerated())` every diff asks to `ALTER COLUMN "search" DROP DEFAULT` (which
--   PostgreSQL refuses for a generated column); with it, Prisma accepts whatever expression the
--   database holds, so `pnpm db:migration` stays empty and the migration drift test
--   (packages/db/src/migrate/migrations.test.ts) green. The client never selects nor writes the
--   column (it is Unsupported, and PostgreSQL refuses writes to a generated column anyway).
--   A trigger-maintained column would give the same diff, with more code to keep right.
-- - The trigram index is on an expression, which schema.prisma cannot name either; Prisma's diff
--   ignores expression indexes, so it is kept here only.
-- - unaccent() is STABLE (it finds its dictionary through search_path), so neither a generated
--   column nor an index may call it. search_fold names the dictionary and the schema, which makes
--   it as immutable as the unaccent rules file: rebuild the column (UPDATE ... SET name = name)
--   if that file ever changes.
-- - Catalan elisions (l', d', s', n', m', t', qu') are cut off before the word, with either
--   apostrophe: "d'inserció" is the word "insercio", and no token "d" or "l" matches everything.
--   The l·l of Catalan becomes ll, as the API's fold() does on the query side.
-- - Each text is vectorised twice: 'simple' (every word, for exact and prefix matches) and
--   'spanish' (stems, so "cooperatives" finds "cooperativa"), both with the same weight.
-- - Adding a stored column rewrites the table once, under an exclusive lock: seconds at 100,000
--   companies.

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE FUNCTION public.search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT lower(public.unaccent('public.unaccent'::regdictionary,
      regexp_replace(replace($1, '·', ''), '\m(qu|[dlsmnt])[''’]', ' ', 'gi')))
  $$;

-- AlterTable
ALTER TABLE "Company" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple'::regconfig, public.search_fold("name")), 'A')
  || setweight(to_tsvector('spanish'::regconfig, public.search_fold("name")), 'A')
  || setweight(to_tsvector('simple'::regconfig, public.search_fold(coalesce("legalName", ''))), 'B')
  || setweight(to_tsvector('spanish'::regconfig, public.search_fold(coalesce("legalName", ''))), 'B')
  || setweight(to_tsvector('simple'::regconfig, public.search_fold(
       coalesce("descriptionCa", '') || ' ' || coalesce("descriptionEs", '') || ' ' || coalesce("descriptionEn", ''))), 'C')
  || setweight(to_tsvector('spanish'::regconfig, public.search_fold(
       coalesce("descriptionCa", '') || ' ' || coalesce("descriptionEs", '') || ' ' || coalesce("descriptionEn", ''))), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Company_search_idx" ON "Company" USING GIN ("search");

-- Typo tolerance on the name: trigram similarity of the folded name.
CREATE INDEX "Company_name_trgm_idx" ON "Company" USING GIN (public.search_fold("name") gin_trgm_ops);
