-- The answer to an official request as the data manager sent it (issue 16): a scan or a document,
-- kept in the database like the registry's uploaded files (apart from the requests, so their lists
-- stay light); one per request, gone with the request. The key carries the community as every
-- reference does (V4): a file can only belong to a request of its own community.
CREATE TABLE opendata_audit.official_request_answer (
    community   text        NOT NULL DEFAULT 'default',
    request_id  bigint      NOT NULL,
    file_name   text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    media_type  text        NOT NULL,
    size        bigint      NOT NULL CHECK (size > 0),
    content     bytea       NOT NULL,
    uploaded_by text        NOT NULL,
    uploaded_at timestamptz NOT NULL,
    PRIMARY KEY (community, request_id),
    FOREIGN KEY (community, request_id) REFERENCES opendata_audit.official_request (community, id) ON DELETE CASCADE
);
