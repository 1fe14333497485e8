-- The SIPAS satisfaction survey: one survey per closed dossier. Its single-use link is never stored:
-- the row keeps a random nonce (the link is an HMAC of it under a server secret) and the SHA-256 of
-- the link's token, which look-ups search by. The officers who handled the dossier, the citizen's
-- answers (one row per survey at most) and a complaint after a low score (at most one).

create table survey (
    id             bigint      not null auto_increment primary key,
    dossier_code   varchar(64) not null,
    unit_key       varchar(40) not null,
    procedure_code varchar(40) not null,
    nonce          varchar(64) not null,
    token_hash     varchar(64) not null,
    invited_at     datetime(6) not null,
    expires_at     datetime(6) not null,
    reminded_at    datetime(6),
    reminders      int         not null,
    answered_at    datetime(6),
    expired_at     datetime(6),
    version        bigint      not null,
    constraint uk_survey_dossier unique (dossier_code),
    constraint uk_survey_token unique (token_hash),
    constraint fk_survey_dossier foreign key (dossier_code) references dossier (code),
    constraint fk_survey_unit foreign key (unit_key) references unit (unit_key),
    constraint fk_survey_procedure foreign key (procedure_code) references procedure_def (code)
);

-- the satisfaction report filters on the unit, the procedure and the invitation date
create index ix_survey_unit on survey (unit_key, invited_at);
create index ix_survey_procedure on survey (procedure_code, invited_at);
create index ix_survey_invited on survey (invited_at);

create table survey_officer (
    survey_id  bigint      not null,
    officer_id varchar(64) not null,
    primary key (survey_id, officer_id),
    constraint fk_survey_officer_survey foreign key (survey_id) references survey (id)
);

create index ix_survey_officer on survey_officer (officer_id, survey_id);

-- at most one response per survey: two concurrent answers cannot both be stored
create table survey_response (
    id              bigint        not null auto_increment primary key,
    survey_id       bigint        not null,
    answered_at     datetime(6)   not null,
    access_score    int           not null,
    procedure_score int           not null,
    officers_score  int           not null,
    result_score    int           not null,
    feedback_score  int           not null,
    overall_score   int           not null,
    comment_text    varchar(2000),
    low_score       boolean       not null,
    constraint uk_response_survey unique (survey_id),
    constraint fk_response_survey foreign key (survey_id) references survey (id),
    constraint ck_response_scores check (access_score between 1 and 5 and procedure_score between 1 and 5
        and officers_score between 1 and 5 and result_score between 1 and 5 and feedback_score between 1 and 5
        and overall_score between 1 and 5)
);

-- at most one complaint per survey
create table survey_complaint (
    id             bigint        not null auto_increment primary key,
    survey_id      bigint        not null,
    filed_at       datetime(6)   not null,
    complaint_text varchar(2000) not null,
    constraint uk_complaint_survey unique (survey_id),
    constraint fk_complaint_survey foreign key (survey_id) references survey (id)
);
