-- Performance (issue 14, bench/crm: 200 000 cases, 500 services, 5 years; case list and analytics
-- < 200 ms p95). Under row-level security only leakproof conditions may be index conditions (the
-- policy's community = ... comes first): ILIKE, strpos and the pg_trgm operators are not leakproof,
-- so a trigram index would never serve the application's queries. Instead:
--   * the text the case list searches is kept lower-cased (lower() of each field, as ILIKE lowers it),
--     so the search is strpos(search, lower(text)) > 0 — the same match as field ILIKE '%text%' without
--     lower-casing every row on every query. The page of the list reads it on the case's row
--     (service_case.search: the newest cases first, it stops at the page's last); the count of all the
--     matches reads a narrow copy (case_search, kept by triggers), a third of service_case's pages;
--   * the analytics and the load plan read covering indexes (index-only scans, no table rows).
-- Fields are joined with U+001F (unit separator), which no searched text contains (CaseAccess falls
-- back to the per-field ILIKE for a text that does).

ALTER TABLE applicant ADD COLUMN search text GENERATED ALWAYS AS (
    lower(last_name) || E'\x1f' || lower(organisation_name) || E'\x1f' || lower(tax_number) || E'\x1f'
    || lower(edrpou)) STORED;

CREATE FUNCTION case_search_text(number text, service_name text, appeal_number text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(number) || E'\x1f' || lower(service_name) || E'\x1f' || lower(appeal_number)
$$;

ALTER TABLE service_case
    ADD COLUMN search text GENERATED ALWAYS AS (case_search_text(number, service_name, appeal_number)) STORED,
    -- the processing time as the analytics computed it per row (hours, the same double value)
    ADD COLUMN processing_hours double precision GENERATED ALWAYS AS (
        (extract(epoch FROM issued_at - registered_at) / 3600)::double precision) STORED;

-- each case's own searched text (number, service, e-appeal number) and its applicant
CREATE TABLE case_search (
    community    text   NOT NULL,
    case_id      bigint NOT NULL,
    applicant_id bigint NOT NULL,
    search       text   NOT NULL,
    PRIMARY KEY (community, case_id),
    FOREIGN KEY (community, case_id) REFERENCES service_case (community, id) ON DELETE CASCADE
);

CREATE FUNCTION case_search_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO crm.case_search (community, case_id, applicant_id, search)
    VALUES (NEW.community, NEW.id, NEW.applicant_id, NEW.search)
    ON CONFLICT (community, case_id) DO UPDATE SET applicant_id = EXCLUDED.applicant_id, search = EXCLUDED.search;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_search_insert AFTER INSERT ON service_case
    FOR EACH ROW EXECUTE FUNCTION case_search_keep();
CREATE TRIGGER case_search_update AFTER UPDATE OF number, service_name, appeal_number, applicant_id ON service_case
    FOR EACH ROW EXECUTE FUNCTION case_search_keep();

INSERT INTO case_search (community, case_id, applicant_id, search)
SELECT community, id, applicant_id, search FROM service_case;

-- the applicants whose text matches: a narrow index instead of the table
CREATE INDEX applicant_search ON applicant (community) INCLUDE (id, search);

-- analytics by the period of registration (topics by month, SLA breaches)
CREATE INDEX service_case_period ON service_case (community, registered_at)
    INCLUDE (card_id, id, status, deadline, issued_at);
-- the verification's findings of the cases registered in a period: the cases in the findings' order
CREATE INDEX service_case_id_registered ON service_case (community, id) INCLUDE (registered_at);
-- processing times: each service's issued cases already in the order the percentiles sort them
CREATE INDEX service_case_times ON service_case (community, card_id, processing_hours) INCLUDE (issued_at)
    WHERE status = 'ISSUED';
-- the load plan: front-desk registrations and hall tickets per period
CREATE INDEX service_case_front_desk ON service_case (community, registered_at) WHERE source = 'FRONT_DESK';
CREATE INDEX queue_ticket_load ON queue_ticket (community, taken_at) INCLUDE (status, started_at, finished_at);
