-- Regional hosting (issue 18): an act's tags, files and links are of its own community. Row-level
-- security hides another community's act, but a foreign key check does not go through it: with keys
-- by id alone, a community could hang its rows on another's act (and learn which ids exist, and lose
-- those rows when the other deletes its act). Each key now carries the community, so a row names an
-- act of its own community or none.
--
-- The register never wrote a row naming another community's act; one written around it is removed
-- (its community never saw it: the act it names is hidden from it). Under the row-level security an
-- earlier start forced on the owner these deletes would see no rows, so forcing is lifted here;
-- CommunityTables.isolate forces it again after the migrations.
ALTER TABLE act      NO FORCE ROW LEVEL SECURITY;
ALTER TABLE act_tag  NO FORCE ROW LEVEL SECURITY;
ALTER TABLE act_file NO FORCE ROW LEVEL SECURITY;
ALTER TABLE act_link NO FORCE ROW LEVEL SECURITY;
DELETE FROM act_tag t USING act a WHERE a.id = t.act_id AND a.community <> t.community;
DELETE FROM act_file f USING act a WHERE a.id = f.act_id AND a.community <> f.community;
DELETE FROM act_link l USING act a WHERE a.id IN (l.source_id, l.target_id) AND a.community <> l.community;

ALTER TABLE act ADD CONSTRAINT act_community_id_key UNIQUE (community, id);

ALTER TABLE act_tag DROP CONSTRAINT act_tag_act_id_fkey;
ALTER TABLE act_tag ADD CONSTRAINT act_tag_act_id_fkey FOREIGN KEY (community, act_id)
    REFERENCES act (community, id) ON DELETE CASCADE;

ALTER TABLE act_file DROP CONSTRAINT act_file_act_id_fkey;
ALTER TABLE act_file ADD CONSTRAINT act_file_act_id_fkey FOREIGN KEY (community, act_id)
    REFERENCES act (community, id) ON DELETE CASCADE;

ALTER TABLE act_link DROP CONSTRAINT act_link_source_id_fkey;
ALTER TABLE act_link DROP CONSTRAINT act_link_target_id_fkey;
ALTER TABLE act_link ADD CONSTRAINT act_link_source_id_fkey FOREIGN KEY (community, source_id)
    REFERENCES act (community, id) ON DELETE CASCADE;
ALTER TABLE act_link ADD CONSTRAINT act_link_target_id_fkey FOREIGN KEY (community, target_id)
    REFERENCES act (community, id) ON DELETE CASCADE;
