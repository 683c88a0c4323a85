-- The degraded search's order by name (search_fold of the name without the space a leading elided
-- article leaves, in byte order): a browse by name reads one page from this index instead of
-- sorting every company. An expression index, which schema.prisma cannot name and Prisma's diff
-- ignores, as the trigram index of search_fulltext.
CREATE INDEX "Company_name_key_idx" ON "Company" ((btrim(public.search_fold("name")) COLLATE "C"), "id");
