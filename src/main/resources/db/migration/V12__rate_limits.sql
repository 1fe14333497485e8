-- The rate limits of the online channel and the login throttle, shared by every node: one row per key (its row
-- lock serializes the key's requests across nodes) and one row per request allowed within the window. Keys are
-- SHA-256 hex digests; times are epoch milliseconds. Portable across H2 and MariaDB.
create table rate_limit_key (
    key_hash char(64) not null primary key,
    last_at  bigint   not null
);

create index ix_rate_limit_key_last_at on rate_limit_key (last_at);

create table rate_limit_hit (
    id       bigint   not null auto_increment primary key,
    key_hash char(64) not null,
    hit_at   bigint   not null
);

create index ix_rate_limit_hit_key on rate_limit_hit (key_hash, hit_at);
create index ix_rate_limit_hit_at on rate_limit_hit (hit_at);
