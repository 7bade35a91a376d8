-- OKS: violations, their journal, photos and the catalogues. PostGIS lives in schema public.
CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;
SET search_path = oks, public;

CREATE TABLE violation_type (
    id          bigserial PRIMARY KEY,
    code        varchar(40)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    description text,
    active      boolean      NOT NULL DEFAULT true
);

CREATE TABLE executor_org (
    id     bigserial PRIMARY KEY,
    name   varchar(300) NOT NULL UNIQUE,
    email  varchar(200),
    phone  varchar(60),
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE executor_member (
    org_id   bigint       NOT NULL REFERENCES executor_org (id),
    username varchar(100) NOT NULL,
    PRIMARY KEY (org_id, username)
);
CREATE INDEX executor_member_user ON executor_member (username);

-- the catalogue of actions: the kind ties a row to the workflow rules, the rest is editable
CREATE TABLE workflow_action (
    kind         varchar(30)  PRIMARY KEY,
    code         int          NOT NULL UNIQUE CHECK (code > 0),
    name         varchar(200) NOT NULL,
    status_group smallint     NOT NULL CHECK (status_group BETWEEN 1 AND 6),
    responsible  varchar(20)  NOT NULL
);

INSERT INTO workflow_action (kind, code, name, status_group, responsible) VALUES
    ('DETECTED',        1,  'Виявлено порушення',             1, 'INSPECTORS'),
    ('DETECTED_URGENT', 18, 'Виявлено порушення (терміново)', 1, 'INSPECTORS'),
    ('SENT',            2,  'Направлено виконавцю',           2, 'EXECUTORS'),
    ('ACCEPTED',        3,  'Прийнято до виконання',          3, 'EXECUTORS'),
    ('REPORTED',        4,  'Звітовано про виконання',        4, 'INSPECTORS'),
    ('CONFIRMED',       5,  'Виконання підтверджено',         4, 'ADMINISTRATORS'),
    ('RETURNED',        6,  'Відправлено на доопрацювання',   3, 'EXECUTORS'),
    ('DISPUTED',        7,  'Конфліктне',                     5, 'ADMINISTRATORS'),
    ('REDIRECTED',      8,  'Перенаправлено',                 2, 'EXECUTORS'),
    ('EXTENDED',        9,  'Термін продовжено',              3, 'EXECUTORS'),
    ('ARCHIVED',        10, 'Архівовано',                     6, 'NONE');

INSERT INTO violation_type (code, name, description) VALUES
    ('trees',       'Дерева',        'Аварійні, сухі, незаконно зрізані дерева; залишки після спилу'),
    ('signage',     'Вивіски',       'Вивіски та реклама без дозволу або в незадовільному стані'),
    ('waste',       'Сміття',        'Стихійні звалища, переповнені контейнери, будівельне сміття'),
    ('improvement', 'Благоустрій',   'Пошкоджене покриття, лави, огорожі, малі архітектурні форми'),
    ('other',       'Інше',          'Інші порушення правил благоустрою');

CREATE TABLE violation (
    id                bigserial PRIMARY KEY,
    inspector         varchar(100) NOT NULL,
    inspector_name    varchar(200) NOT NULL,
    created_at        timestamptz  NOT NULL,
    deadline          date,
    type_id           bigint       NOT NULL REFERENCES violation_type (id),
    description       text         NOT NULL DEFAULT '',
    address           varchar(500) NOT NULL DEFAULT '',
    location          geometry(Point, 4326) NOT NULL,
    urgency           varchar(10)  NOT NULL,
    violator_kind     varchar(20),
    violator_name     varchar(300),
    violator_details  text,
    reporter_email    varchar(200),
    reporter_first    varchar(100),
    reporter_last     varchar(100),
    reporter_phone    varchar(60),
    reporter_device   varchar(200),
    -- the executor and deadline in force: copies of the last journal row's, for filtering
    executor_id       bigint REFERENCES executor_org (id),
    last_entry_id     bigint
);

-- append-only: every workflow step is a row; corrections are new rows
CREATE TABLE journal (
    id           bigserial PRIMARY KEY,
    violation_id bigint       NOT NULL REFERENCES violation (id),
    at           timestamptz  NOT NULL,
    author       varchar(100) NOT NULL,
    author_name  varchar(200) NOT NULL,
    action_kind  varchar(30)  NOT NULL REFERENCES workflow_action (kind),
    comment      text,
    deadline     date,
    executor_id  bigint REFERENCES executor_org (id)
);
ALTER TABLE violation ADD CONSTRAINT violation_last_entry FOREIGN KEY (last_entry_id) REFERENCES journal (id);

CREATE TABLE photo (
    id           bigserial PRIMARY KEY,
    journal_id   bigint       NOT NULL REFERENCES journal (id),
    violation_id bigint       NOT NULL REFERENCES violation (id),
    file_name    varchar(255) NOT NULL,
    content_type varchar(40)  NOT NULL,
    size         bigint       NOT NULL,
    sha256       char(64)     NOT NULL,
    width        int          NOT NULL,
    height       int          NOT NULL,
    content      bytea        NOT NULL,
    thumbnail    bytea        NOT NULL
);

CREATE INDEX violation_location ON violation USING gist (location);
CREATE INDEX violation_created ON violation (created_at);
CREATE INDEX violation_executor ON violation (executor_id);
CREATE INDEX violation_last_entry_idx ON violation (last_entry_id);
CREATE INDEX journal_violation ON journal (violation_id, at);
CREATE INDEX journal_at ON journal (at);
CREATE INDEX journal_kind_at ON journal (action_kind, at);
CREATE INDEX photo_journal ON photo (journal_id);
