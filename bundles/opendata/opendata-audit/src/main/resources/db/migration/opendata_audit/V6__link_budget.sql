-- Link checks enabled by default with a daily budget (issue 16): the checks each community made per
-- day (its time zone), all runs and nodes together; and what a run has to say besides its findings
-- (links left unchecked when the budget ran out).
CREATE TABLE opendata_audit.link_budget (
    community text    NOT NULL DEFAULT 'default',
    day       date    NOT NULL,
    used      integer NOT NULL,
    PRIMARY KEY (community, day)
);
ALTER TABLE opendata_audit.run ADD COLUMN notice text;
