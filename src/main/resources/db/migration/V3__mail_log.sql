-- Mail that the SMTP server or the outbox accepted, one row per idempotency key: a retried process
-- step looks its key up here and does not send again. Portable across H2 and MariaDB.

create table mail_log (
    id              bigint        not null auto_increment primary key,
    idempotency_key varchar(200)  not null,
    recipients      varchar(2000) not null,
    subject         varchar(1000) not null,
    sent_at         datetime(6)   not null,
    transport       varchar(16)   not null,
    message_id      varchar(255)  not null,
    constraint uk_mail_log_key unique (idempotency_key)
);

create index ix_mail_log_sent_at on mail_log (sent_at);
