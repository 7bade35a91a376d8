-- Methodical explanations of the audit's rules (issue 16): a community's administrator may replace
-- the shipped text of a rule with the community's own; no row = the shipped text.
CREATE TABLE opendata_audit.rule_explanation (
    community  text        NOT NULL DEFAULT 'default',
    rule       text        NOT NULL,
    text       text        NOT NULL CHECK (length(text) BETWEEN 1 AND 8000),
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL,
    PRIMARY KEY (community, rule)
);
