-- Locks one node of the installation holds at a time (start-up set-up: the engine's schema, the catalog,
-- the official days, identity and filters). A row per lock, locked by the holder's open transaction;
-- holder and acquired_at name the last node that took it. Portable across H2 and MariaDB.

create table cluster_lock (
    lock_name   varchar(100) not null primary key,
    holder      varchar(200) not null,
    acquired_at datetime(6)  not null
);
