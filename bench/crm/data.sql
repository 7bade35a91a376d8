-- ЦНАП CRM benchmark data (issue 14): 500 service cards in 12 queue groups, 60 000 applicants,
-- 200 000 cases over the 5 years before now (working hours, statuses by age, about 6 % issued late),
-- ~70 000 verification findings (a fifth overridden), 120 000 hall tickets over the last year.
-- Run as the owner of a freshly migrated database; :community is the community of every row.
INSERT INTO crm.service_card (community, local_code, name, provider_kind, provider, provider_role, fee_kind,
        term_days, queue_group)
SELECT :community, 'B-' || lpad(i::text, 3, '0'), 'Послуга № ' || i || ' ' || (ARRAY['реєстрація','довідка','дозвіл','витяг','свідоцтво'])[1 + i % 5],
       CASE WHEN i % 4 = 0 THEN 'STATE_BODY' ELSE 'COUNCIL_UNIT' END, 'Управління ' || (i % 20),
       CASE WHEN i % 4 = 0 THEN '' ELSE 'unit' || (i % 20) END, 'FREE', 3 + i % 28, 'Група ' || (i % 12)
FROM generate_series(1, 500) i;

INSERT INTO crm.applicant (community, kind, last_name, first_name, patronymic, birth_date, tax_number, created_at)
SELECT :community, 'PERSON',
       (ARRAY['Шевченко','Коваленко','Бондаренко','Ткаченко','Кравченко','Олійник','Мельник','Поліщук','Лисенко','Гончаренко'])[1 + i % 10] || CASE WHEN i % 7 = 0 THEN '-' || (i % 97) ELSE '' END,
       (ARRAY['Олена','Іван','Марія','Петро','Оксана','Андрій','Наталія','Сергій'])[1 + i % 8],
       (ARRAY['Іванівна','Петрович','Олегівна','Миколайович'])[1 + i % 4],
       date '1950-01-01' + (i * 7919 % 20000), lpad((1000000000 + i * 7)::text, 10, '0'),
       now() - interval '6 years'
FROM generate_series(1, 60000) i;

-- the cases: registered on working days 08:00–17:59 spread over 5 years, newest near now
WITH c AS (
    SELECT i, 1 + (i * 7) % 500 AS card_no, 1 + (i * 13) % 60000 AS applicant_no,
           date_trunc('day', now() - ((i::double precision / 200000) * interval '1826 days'))
             + interval '8 hours' + ((i * 37) % 600) * interval '1 minute' AS registered
    FROM generate_series(1, 200000) i
), cards AS (
    SELECT id, name, provider_kind, provider, provider_role, term_days, row_number() OVER (ORDER BY id) AS n
    FROM crm.service_card
), apps AS (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM crm.applicant
), timed AS (
    SELECT c.i, c.registered, s.id AS card_id, s.name, s.provider_kind, s.provider, s.provider_role, a.id AS applicant_id,
           (c.registered::date + (s.term_days * 7 / 5 + 1)) AS deadline,
           -- hours to issue: mostly within the term, 1 in 16 late
           c.registered + ((s.term_days * 24 * 7 / 5) * CASE WHEN c.i % 16 = 0 THEN 1.6 ELSE ((c.i * 31) % 90 + 5) / 100.0 END)
             * interval '1 hour' AS issued_guess
    FROM c JOIN cards s ON s.n = c.card_no JOIN apps a ON a.n = c.applicant_no
)
INSERT INTO crm.service_case (community, number, applicant_id, card_id, card_version, service_name, provider_kind,
        provider, source, status, administrator, back_office_role, registered_at, deadline, handed_over_at, issued_at)
SELECT :community, to_char(registered, 'YYYY') || '-' || lpad(i::text, 6, '0'), applicant_id, card_id, 1, name,
       provider_kind, provider, CASE WHEN i % 10 = 0 THEN 'E_APPEAL' ELSE 'FRONT_DESK' END,
       CASE WHEN issued_guess < now() AND i % 41 <> 0 THEN 'ISSUED'
            WHEN i % 41 = 0 AND registered < now() - interval '30 days' THEN 'CANCELLED'
            WHEN i % 3 = 0 THEN 'REGISTERED' WHEN i % 3 = 1 THEN 'IN_BACK_OFFICE' ELSE 'RESULT_READY' END,
       'admin' || (i % 8), provider_role, registered, deadline, registered + interval '2 hours',
       CASE WHEN issued_guess < now() AND i % 41 <> 0 THEN issued_guess END
FROM timed;

INSERT INTO crm.case_finding (community, case_id, rule, subject, severity, message, fired_at, checked_at,
        overridden, override_reason, overridden_by, overridden_at)
SELECT :community, c.id, (ARRAY['missing-document','tax-number-check-digit','birth-date-mismatch','document-expired',
        'fee-not-paid','duplicate-open-case','scan-mismatch'])[1 + c.id % 7], '', 'ERROR', 'bench', c.registered_at,
       c.registered_at, c.id % 5 = 0, CASE WHEN c.id % 5 = 0 THEN 'Перевірено оригінал' ELSE '' END,
       CASE WHEN c.id % 5 = 0 THEN 'admin1' ELSE '' END, CASE WHEN c.id % 5 = 0 THEN c.registered_at END
FROM crm.service_case c WHERE c.id % 3 = 0;

INSERT INTO crm.queue_group (community, name, letter)
SELECT :community, 'Група ' || g, substr('АБВГДЕЖИКЛМН', g + 1, 1) FROM generate_series(0, 11) g;

-- hall tickets of the last year: 120 000, served 5–25 minutes
WITH t AS (
    SELECT i, date_trunc('day', now() - ((i::double precision / 120000) * interval '365 days'))
               + interval '8 hours' + ((i * 53) % 600) * interval '1 minute' AS taken,
           (SELECT array_agg(id ORDER BY id) FROM crm.queue_group) AS groups
    FROM generate_series(1, 120000) i
)
INSERT INTO crm.queue_ticket (community, group_id, day, seq, number, status, taken_at, taken_by, desk_window,
        called_at, called_by, started_at, finished_at)
SELECT :community, groups[1 + i % 12], taken::date, i, 'X-' || i, 'DONE', taken, 'kiosk', 1 + i % 8,
       taken + interval '6 minutes', 'admin1', taken + interval '7 minutes', taken + (12 + i % 20) * interval '1 minute'
FROM t;

ANALYZE crm.service_card;
ANALYZE crm.applicant;
ANALYZE crm.service_case;
ANALYZE crm.case_finding;
ANALYZE crm.queue_ticket;
