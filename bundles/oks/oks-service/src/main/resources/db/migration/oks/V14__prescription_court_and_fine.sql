-- Issue 15: three steps of an inspectorate's practice shipped as catalogue rows (seed 000's scheme
-- "<group>-<number>", numbers after the seed's 1–10 and 18; ShippedCatalogue gives a new community
-- the same rows), each an inspector's, effect none, on Інспектори:
--   3-11 PRESCRIBED  «Складено припис»: after the detection, the inspector orders the violator to put it
--                    right by a deadline (required) and issues the warning (припис) document
--   3-12 TO_COURT    «Передано до суду»: after the prescription, the case goes to court (a comment
--                    required: which court, which case; the claim may be attached as a PDF)
--   4-13 FINE_PAID   «Сплачено штраф»: after the court, the fine is paid (comment required: the payment;
--                    the receipt may be attached as a PDF)
-- and «Направлено виконавцю» (SENT) may follow the prescription when the violator did not comply.
-- A community gets a row only when neither its key nor its number is taken (an administrator may have
-- numbered an action of their own 11–13) and a predecessor of it is there; SENT is changed only where
-- no administrator saved it (version 0). The rows are written in order: each one's predecessor first.
SET search_path = oks, public;

SELECT oks.change_every_community_catalogue($sql$
    DO $do$
    DECLARE
        r record;
    BEGIN
        FOR r IN SELECT * FROM (VALUES
                (1, 'PRESCRIBED', 11, 'Складено припис', 3, '{DETECTED,DETECTED_URGENT}'::text[],
                    '{DEADLINE,COMMENT,DOCUMENT}'::text[], '{DEADLINE}'::text[], 'WARNING'),
                (2, 'TO_COURT', 12, 'Передано до суду', 3, '{PRESCRIBED}', '{COMMENT,DOCUMENT}', '{COMMENT}', NULL),
                (3, 'FINE_PAID', 13, 'Сплачено штраф', 4, '{TO_COURT}', '{COMMENT,DOCUMENT}', '{COMMENT}', NULL)
            ) AS v (ord, kind, code, name, status_group, after_keys, inputs, required, document) ORDER BY ord
        LOOP
            INSERT INTO oks.workflow_action (community, kind, code, name, status_group, responsible, effect, active,
                    roles, after_keys, inputs, required, document)
            SELECT c.community, r.kind, r.code, r.name, r.status_group, 'INSPECTORS', 'NONE', true, '{INSPECTOR}',
                    c.after_keys, r.inputs, r.required, r.document
            FROM (SELECT w.community, ARRAY(SELECT k FROM unnest(r.after_keys) k WHERE EXISTS (SELECT 1
                        FROM oks.workflow_action p WHERE p.community = w.community AND p.kind = k)) AS after_keys
                  FROM (SELECT DISTINCT community FROM oks.workflow_action) w) c
            WHERE cardinality(c.after_keys) > 0
              AND NOT EXISTS (SELECT 1 FROM oks.workflow_action w WHERE w.community = c.community
                              AND (w.kind = r.kind OR w.code = r.code));
        END LOOP;
    END $do$
$sql$, $sql$
    UPDATE oks.workflow_action s SET after_keys = array_append(s.after_keys, 'PRESCRIBED')
        WHERE s.kind = 'SENT' AND s.version = 0 AND NOT 'PRESCRIBED' = ANY (s.after_keys)
          AND EXISTS (SELECT 1 FROM oks.workflow_action p WHERE p.community = s.community AND p.kind = 'PRESCRIBED')
$sql$);
