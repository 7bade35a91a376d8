-- The community's open-data policy documents (issue 16): acts of document search (their ids as
-- portal-api's LegalActLookup gives them; no foreign key, the acts live in another module's schema)
-- listed in the «Політика та документи» block of the public open-data page, in the stewards' order.
CREATE TABLE opendata.policy_document (
    community text NOT NULL DEFAULT 'default',
    position  int NOT NULL,
    act_id    bigint NOT NULL,
    PRIMARY KEY (community, position),
    CONSTRAINT policy_document_act_key UNIQUE (community, act_id)
);
