-- Analytics over years (issue 14, bench/crm: 5 years of 200 000 cases, < 200 ms p95) without reading
-- every case of the period. Exact in the community's zone, which is a portal setting that may change:
-- nothing here depends on it. The months kept are UTC months; CrmAnalyticsImpl turns a period (or a
-- month) of the community's days into whole UTC months read here plus edges counted from the cases.
--   * case_month: per card and UTC month of registration the cases, and those issued late in every zone
--     (at or after the second UTC midnight after the deadline: no zone is 24 hours off UTC), kept by
--     triggers on service_case. A case issued between the deadline's UTC midnight and the second one
--     after may be late or not depending on the zone: those few are read through service_case_sla_band
--     and judged in the community's zone; one issued before the deadline's UTC midnight never is late.
--   * case_finding.case_registered_at: the case's registration copied on the finding (a trigger), so the
--     findings of a period need no join with the cases.

CREATE FUNCTION utc_month(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT date_trunc('month', t AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
$$;

-- the UTC month start nearest t (at most 16 days from it; later for a later t): where a period's edge
-- meets case_month, so that the edges counted from the cases are short
CREATE FUNCTION utc_month_near(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT date_trunc('month', (t AT TIME ZONE 'UTC') + interval '16 days') AT TIME ZONE 'UTC'
$$;

-- 1 when a case issued at issued_at is late whatever the zone, else 0
CREATE FUNCTION case_late_everywhere(deadline date, issued_at timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN issued_at >= (deadline + 2)::timestamp AT TIME ZONE 'UTC' THEN 1 ELSE 0 END
$$;

CREATE TABLE case_month (
    community text        NOT NULL,
    month     timestamptz NOT NULL,
    card_id   bigint      NOT NULL,
    cases     integer     NOT NULL,
    late      integer     NOT NULL,
    PRIMARY KEY (community, month, card_id) INCLUDE (cases, late)
);

CREATE FUNCTION case_month_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE crm.case_month SET cases = cases - 1, late = late - crm.case_late_everywhere(OLD.deadline, OLD.issued_at)
        WHERE community = OLD.community AND month = crm.utc_month(OLD.registered_at) AND card_id = OLD.card_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO crm.case_month AS m (community, month, card_id, cases, late)
        VALUES (NEW.community, crm.utc_month(NEW.registered_at), NEW.card_id, 1,
                crm.case_late_everywhere(NEW.deadline, NEW.issued_at))
        ON CONFLICT (community, month, card_id) DO UPDATE SET cases = m.cases + 1, late = m.late + EXCLUDED.late;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_month_insert_delete AFTER INSERT OR DELETE ON service_case
    FOR EACH ROW EXECUTE FUNCTION case_month_keep();
CREATE TRIGGER case_month_update AFTER UPDATE OF community, card_id, registered_at, deadline, issued_at ON service_case
    FOR EACH ROW WHEN (OLD.community IS DISTINCT FROM NEW.community OR OLD.card_id IS DISTINCT FROM NEW.card_id
        OR OLD.registered_at IS DISTINCT FROM NEW.registered_at OR OLD.deadline IS DISTINCT FROM NEW.deadline
        OR OLD.issued_at IS DISTINCT FROM NEW.issued_at)
    EXECUTE FUNCTION case_month_keep();

INSERT INTO case_month (community, month, card_id, cases, late)
SELECT community, utc_month(registered_at), card_id, count(*), sum(case_late_everywhere(deadline, issued_at))
FROM service_case GROUP BY 1, 2, 3;

-- issued within the two UTC days around the deadline's end: late or not by the community's zone
CREATE INDEX service_case_sla_band ON service_case (community, registered_at) INCLUDE (card_id, deadline, issued_at)
    WHERE issued_at >= deadline::timestamp AT TIME ZONE 'UTC' AND issued_at < (deadline + 2)::timestamp AT TIME ZONE 'UTC';
-- open cases (overdue ones among them) by registration
CREATE INDEX service_case_open_period ON service_case (community, registered_at) INCLUDE (card_id, deadline)
    WHERE status NOT IN ('ISSUED', 'CANCELLED');

ALTER TABLE case_finding ADD COLUMN case_registered_at timestamptz;
UPDATE case_finding f SET case_registered_at = c.registered_at
FROM service_case c WHERE c.community = f.community AND c.id = f.case_id;
ALTER TABLE case_finding ALTER COLUMN case_registered_at SET NOT NULL;

CREATE FUNCTION case_finding_registered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.registered_at INTO NEW.case_registered_at FROM crm.service_case c
    WHERE c.community = NEW.community AND c.id = NEW.case_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER case_finding_registered BEFORE INSERT OR UPDATE OF community, case_id ON case_finding
    FOR EACH ROW EXECUTE FUNCTION case_finding_registered();

CREATE FUNCTION case_registered_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE crm.case_finding SET case_registered_at = NEW.registered_at
    WHERE community = NEW.community AND case_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_registered_moved AFTER UPDATE OF registered_at ON service_case
    FOR EACH ROW WHEN (OLD.registered_at IS DISTINCT FROM NEW.registered_at)
    EXECUTE FUNCTION case_registered_moved();

-- a short period's findings by registration; a long one's all read in the order they are counted (rule, case)
CREATE INDEX case_finding_registered ON case_finding (community, case_registered_at) INCLUDE (rule, case_id, overridden);
CREATE INDEX case_finding_rule_case ON case_finding (community, rule, case_id) INCLUDE (case_registered_at, overridden);
