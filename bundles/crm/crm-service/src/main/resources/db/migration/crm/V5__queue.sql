-- The hall's electronic queue (issue 14): groups with their ticket letter, the tickets of each day
-- with the window that called them and the times of each step; indexes the analytics and the load
-- planning read by.

CREATE TABLE queue_group (
    id        bigserial    PRIMARY KEY,
    community text         NOT NULL,
    name      varchar(200) NOT NULL,
    letter    varchar(2)   NOT NULL,
    UNIQUE (community, name),
    UNIQUE (community, letter),
    UNIQUE (community, id)
);

CREATE TABLE queue_ticket (
    id          bigserial    PRIMARY KEY,
    community   text         NOT NULL,
    group_id    bigint       NOT NULL,
    day         date         NOT NULL,
    seq         integer      NOT NULL,
    number      varchar(12)  NOT NULL,
    status      varchar(20)  NOT NULL,
    taken_at    timestamptz  NOT NULL,
    taken_by    varchar(100) NOT NULL,
    desk_window integer      NOT NULL DEFAULT 0,
    called_at   timestamptz,
    called_by   varchar(100) NOT NULL DEFAULT '',
    started_at  timestamptz,
    finished_at timestamptz,
    case_id     bigint,
    version     bigint       NOT NULL DEFAULT 0,
    UNIQUE (community, group_id, day, seq),
    UNIQUE (community, id),
    FOREIGN KEY (community, group_id) REFERENCES queue_group (community, id),
    FOREIGN KEY (community, case_id) REFERENCES service_case (community, id)
);
-- the next ticket to call: the day's waiting tickets of a group, oldest first
CREATE INDEX queue_ticket_waiting ON queue_ticket (community, day, group_id, taken_at) WHERE status = 'WAITING';
-- today's list, the display's latest calls and the load per hour over weeks
CREATE INDEX queue_ticket_taken ON queue_ticket (community, taken_at);

-- Analytics: processing time of the cases issued in a period (service_case_registered serves the rest)
CREATE INDEX service_case_issued ON service_case (community, issued_at) WHERE issued_at IS NOT NULL;
