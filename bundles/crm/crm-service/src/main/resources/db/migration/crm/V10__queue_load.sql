-- The load plan over up to 104 weeks (issue 14, bench/crm: 52 weeks of 120 000 tickets, < 200 ms p95)
-- without reading every ticket and front-desk case of the period: per UTC quarter of an hour the tickets
-- taken, the cases registered at the front desk and the finished services with their seconds, kept by
-- triggers. Quarters, not hours: every UTC offset in use is a whole number of quarters, so a quarter never
-- straddles a local hour whatever the community's zone (a portal setting that may change); a period of
-- the zone's days starts and ends on quarters.

CREATE FUNCTION quarter_hour(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS $$
    SELECT date_bin('15 minutes', t, TIMESTAMPTZ '2000-01-01 00:00+00')
$$;

-- seconds of a finished service (called, started, done), else null
CREATE FUNCTION ticket_service_seconds(status varchar, started_at timestamptz, finished_at timestamptz)
RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN status = 'DONE' AND started_at IS NOT NULL AND finished_at IS NOT NULL
                THEN extract(epoch FROM finished_at - started_at) END
$$;

-- no INCLUDE columns: the counters change with every ticket, and an update that touches no indexed
-- column stays on its page (HOT) instead of adding an index entry
CREATE TABLE queue_load (
    community      text        NOT NULL,
    quarter        timestamptz NOT NULL,
    tickets        integer     NOT NULL DEFAULT 0,
    cases          integer     NOT NULL DEFAULT 0,
    served         integer     NOT NULL DEFAULT 0,
    served_seconds numeric     NOT NULL DEFAULT 0,
    PRIMARY KEY (community, quarter)
) WITH (fillfactor = 70);

CREATE FUNCTION queue_load_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    seconds numeric;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        seconds := crm.ticket_service_seconds(OLD.status, OLD.started_at, OLD.finished_at);
        UPDATE crm.queue_load SET tickets = tickets - 1,
               served = served - CASE WHEN seconds IS NULL THEN 0 ELSE 1 END,
               served_seconds = served_seconds - coalesce(seconds, 0)
        WHERE community = OLD.community AND quarter = crm.quarter_hour(OLD.taken_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        seconds := crm.ticket_service_seconds(NEW.status, NEW.started_at, NEW.finished_at);
        INSERT INTO crm.queue_load AS l (community, quarter, tickets, served, served_seconds)
        VALUES (NEW.community, crm.quarter_hour(NEW.taken_at), 1, CASE WHEN seconds IS NULL THEN 0 ELSE 1 END,
                coalesce(seconds, 0))
        ON CONFLICT (community, quarter) DO UPDATE SET tickets = l.tickets + 1, served = l.served + EXCLUDED.served,
            served_seconds = l.served_seconds + EXCLUDED.served_seconds;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER queue_load_ticket_insert_delete AFTER INSERT OR DELETE ON queue_ticket
    FOR EACH ROW EXECUTE FUNCTION queue_load_ticket();
CREATE TRIGGER queue_load_ticket_update AFTER UPDATE OF community, taken_at, status, started_at, finished_at ON queue_ticket
    FOR EACH ROW WHEN (OLD.community IS DISTINCT FROM NEW.community OR OLD.taken_at IS DISTINCT FROM NEW.taken_at
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.started_at IS DISTINCT FROM NEW.started_at
        OR OLD.finished_at IS DISTINCT FROM NEW.finished_at)
    EXECUTE FUNCTION queue_load_ticket();

CREATE FUNCTION queue_load_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.source = 'FRONT_DESK' THEN
        UPDATE crm.queue_load SET cases = cases - 1
        WHERE community = OLD.community AND quarter = crm.quarter_hour(OLD.registered_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.source = 'FRONT_DESK' THEN
        INSERT INTO crm.queue_load AS l (community, quarter, cases)
        VALUES (NEW.community, crm.quarter_hour(NEW.registered_at), 1)
        ON CONFLICT (community, quarter) DO UPDATE SET cases = l.cases + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER queue_load_case_insert_delete AFTER INSERT OR DELETE ON service_case
    FOR EACH ROW EXECUTE FUNCTION queue_load_case();
CREATE TRIGGER queue_load_case_update AFTER UPDATE OF community, registered_at, source ON service_case
    FOR EACH ROW WHEN (OLD.community IS DISTINCT FROM NEW.community OR OLD.registered_at IS DISTINCT FROM NEW.registered_at
        OR OLD.source IS DISTINCT FROM NEW.source)
    EXECUTE FUNCTION queue_load_case();

INSERT INTO queue_load (community, quarter, tickets, cases, served, served_seconds)
SELECT community, quarter, sum(tickets), sum(cases), sum(served), sum(served_seconds) FROM (
    SELECT community, quarter_hour(taken_at) AS quarter, count(*) AS tickets, 0 AS cases,
           count(ticket_service_seconds(status, started_at, finished_at)) AS served,
           coalesce(sum(ticket_service_seconds(status, started_at, finished_at)), 0) AS served_seconds
    FROM queue_ticket GROUP BY 1, 2
    UNION ALL
    SELECT community, quarter_hour(registered_at), 0, count(*), 0, 0
    FROM service_case WHERE source = 'FRONT_DESK' GROUP BY 1, 2
) u GROUP BY 1, 2;
