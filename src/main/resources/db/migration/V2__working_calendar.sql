-- The working calendar: weekdays off (holidays, Tết, compensatory and swapped days) and worked
-- weekend days (make-up days). A date without a row follows the week. Portable across H2 and MariaDB
-- ("day" is reserved in H2, hence day_date).

create table calendar_day (
    day_date   date         not null primary key,
    kind       varchar(16)  not null,
    name       varchar(200) not null,
    changed_by varchar(64)  not null,
    changed_at datetime(6)  not null
);
