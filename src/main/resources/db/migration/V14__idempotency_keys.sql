-- Idempotency-Key of the requests that create dossiers: one row per key and scope (the SHA-256 of both), the
-- fingerprint of the first request and its answer, kept for motcua.idempotency.retention. The row is inserted in
-- the transaction that creates the dossier, so a second request with the key waits on it. created_at: epoch ms.
create table idempotent_request (
    key_hash     char(64)     not null primary key,
    request_hash char(64)     not null,
    created_at   bigint       not null,
    status       int,
    location     varchar(500),
    body         longtext
);

create index ix_idempotent_request_created_at on idempotent_request (created_at);
