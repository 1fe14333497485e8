-- The years whose official schedule of days off is known (announced by the government and entered from
-- calendar/official-days.yml or through the administrators' API). A year without a row has provisional
-- days off computed from the Labour Code 2019; entering its official schedule replaces them.

create table calendar_year (
    year_number int          not null primary key,
    source      varchar(500) not null,
    entered_by  varchar(64)  not null,
    entered_at  datetime(6)  not null
);

-- every year the calendar already holds was taken as known so far (imported from the file or entered)
insert into calendar_year (year_number, source, entered_by, entered_at)
select y, 'calendar_day', 'migration', current_timestamp
from (select distinct extract(year from day_date) as y from calendar_day) years;
