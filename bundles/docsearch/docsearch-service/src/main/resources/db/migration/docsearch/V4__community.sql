-- Regional hosting (issue 18): one set of tables serves every community; each row carries its
-- community, and row-level security (CommunityTables.isolate, run after the migrations) shows a
-- connection only the rows of its own. Rows from before belong to the default community.
ALTER TABLE act_kind ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE act      ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE act_tag  ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE act_link ADD COLUMN community text NOT NULL DEFAULT 'default';
ALTER TABLE act_file ADD COLUMN community text NOT NULL DEFAULT 'default';

-- Each community keeps its own catalogue of kinds (administrators rename and add kinds in the
-- database): a code is unique within a community, and an act's kind is one of its community's.
ALTER TABLE act DROP CONSTRAINT act_kind_code_fkey;
ALTER TABLE act_kind DROP CONSTRAINT act_kind_pkey;
ALTER TABLE act_kind ADD PRIMARY KEY (community, code);
ALTER TABLE act ADD CONSTRAINT act_kind_code_fkey FOREIGN KEY (community, kind_code)
    REFERENCES act_kind (community, code);

-- The shipped catalogue (V1's rows), given to a community the first time it uses the register
-- (LegalActRegistryImpl.kinds): a community added later starts with the same kinds. A migration
-- that ships another kind changes this and adds the kind for every community.
CREATE FUNCTION shipped_act_kinds() RETURNS TABLE (code varchar, name varchar, sort_order integer)
    LANGUAGE sql IMMUTABLE AS $$
    VALUES ('council-decision'::varchar,   'Рішення сесії міської ради'::varchar,   10),
           ('executive-decision', 'Рішення виконавчого комітету',      20),
           ('mayor-order',        'Розпорядження міського голови',     30),
           ('regulation',         'Положення',                         40),
           ('programme',          'Програма',                          50),
           ('report',             'Звіт',                              60),
           ('other',              'Інший документ',                    90)
$$;

-- Lookups are within a community (the policy adds community = <current> to every query):
-- the exact number lookup and duplicate check, the date order and the list of issuing bodies.
DROP INDEX act_normalized_number_idx;
DROP INDEX act_date_idx;
DROP INDEX act_issuing_body_idx;
CREATE INDEX act_normalized_number_idx ON act (community, normalized_number, act_date);
CREATE INDEX act_date_idx ON act (community, act_date);
CREATE INDEX act_issuing_body_idx ON act (community, issuing_body);
