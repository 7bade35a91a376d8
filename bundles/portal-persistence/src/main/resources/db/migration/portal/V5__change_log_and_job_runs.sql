-- Several nodes on one database (issue 17, docs/cluster.md). A write that something outside the
-- database derives from (a search index, a snapshot, a cache) leaves a row here in its own
-- transaction; the insert notifies the channel on commit, and every node reads the rows after the
-- last one it saw, so a node that was down catches up when it starts.
CREATE TABLE change_log (
    id        BIGSERIAL    PRIMARY KEY,
    topic     VARCHAR(100) NOT NULL,
    key       VARCHAR(200) NOT NULL,
    community VARCHAR(64)  NOT NULL
        DEFAULT coalesce(nullif(current_setting('hromada.community', true), ''), 'default'),
    node      VARCHAR(200) NOT NULL,
    at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- pruning by age
CREATE INDEX change_log_at_idx ON change_log (at);

-- where each node is in the log: it reads on from here after a restart
CREATE TABLE change_readers (
    node    VARCHAR(200) PRIMARY KEY,
    last_id BIGINT       NOT NULL,
    at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- NOTIFY is transactional: the listeners hear of the rows once they commit, never of rolled back ones;
-- one notice per transaction and channel is enough (they read all rows after their last one)
CREATE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hromada_changes', '');
    RETURN NULL;
END $$;
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify();

-- modules publish on their community connections, as the application role
GRANT INSERT ON change_log TO hromada_app;
GRANT USAGE ON SEQUENCE change_log_id_seq TO hromada_app;

-- run-once jobs: when a job of this name last started on any node (Jobs.onOneNode)
CREATE TABLE job_runs (
    name    VARCHAR(200) PRIMARY KEY,
    started TIMESTAMPTZ  NOT NULL,
    node    VARCHAR(200) NOT NULL
);
