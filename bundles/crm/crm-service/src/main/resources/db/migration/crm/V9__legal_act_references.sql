-- The cards that cite an act (issue 16): the act's page of document search asks for them by the
-- act's id through ServiceCards.citingAct; only cards with a linked act are indexed.
CREATE INDEX service_card_legal_act ON service_card (community, legal_act_id) WHERE legal_act_id <> '';
