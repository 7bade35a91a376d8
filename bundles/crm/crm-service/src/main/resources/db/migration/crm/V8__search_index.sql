-- The case list's text search through trigram indexes (issue 14, bench/crm: «Шевченко» + count
-- < 200 ms p95). Under the forced row-level security of hromada_app a substring match can never be
-- an index condition (LIKE, strpos and pg_trgm's operators are not leakproof, and only leakproof
-- conditions may run before the policy's). So the match runs in two SECURITY DEFINER functions owned
-- by the schema's owner, which PostgreSQL exempts from row-level security when it is a superuser
-- (the default set-up) or has BYPASSRLS: there the GIN trigram indexes serve the LIKE. Each function
-- restricts itself to the caller's community explicitly, read from the very setting the policy
-- reads (nullif(current_setting('hromada.community', true), '')): no setting, no rows; it returns
-- ids only, and the caller reads the cases themselves through the policy. With an owner that row-level
-- security does apply to, the same functions are simply also filtered by the policy (same rows,
-- without the index). EXECUTE stays granted to PUBLIC: the migration may run before hromada_app exists,
-- and the functions give no one more than the policy shows a connection of that community.
-- A text of fewer than 3 characters has no trigram to look up: CaseAccess keeps V6's per-row match.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- the searched columns of V6 (lower-cased fields joined with U+001F)
CREATE INDEX case_search_text ON case_search USING gin (search public.gin_trgm_ops);
CREATE INDEX applicant_search_text ON applicant USING gin (search public.gin_trgm_ops);
-- an applicant's cases with their own text (index-only, for the match below)
CREATE INDEX case_search_applicant ON case_search (community, applicant_id) INCLUDE (case_id, search);

-- the LIKE pattern of strpos(search, lower(text)) > 0: the same match, wildcards in the text escaped
CREATE FUNCTION search_pattern(text text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT '%' || replace(replace(replace(lower(text), '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- The current community's applicants whose searched fields hold the text.
CREATE FUNCTION applicants_matching(text text) RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT a.id FROM crm.applicant a
    WHERE a.community = (SELECT nullif(current_setting('hromada.community', true), ''))
      AND a.search LIKE (SELECT crm.search_pattern(text))
$$;

-- The current community's cases whose own text or applicant holds the text, each once: the two parts
-- are disjoint, so UNION ALL, which a caller's LIMIT stops early (a count capped at 1 000 reads no more);
-- the set-returning calls stay in select lists, where they run lazily.
CREATE FUNCTION cases_matching(text text) RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT cs.case_id FROM crm.case_search cs
    WHERE cs.community = (SELECT nullif(current_setting('hromada.community', true), ''))
      AND cs.search LIKE (SELECT crm.search_pattern(text))
    UNION ALL
    SELECT cs.case_id FROM (SELECT crm.applicants_matching(text) AS id) a
        JOIN crm.case_search cs ON cs.applicant_id = a.id
    WHERE cs.community = (SELECT nullif(current_setting('hromada.community', true), ''))
      AND cs.search NOT LIKE (SELECT crm.search_pattern(text))
$$;
