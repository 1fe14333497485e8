-- The working calendar's version, shared by every node: each change of calendar_day moves it in the same
-- transaction; nodes read it before computing working time and reload their copy of the days when it moved.
-- recalculated: the version up to which open deadlines were recalculated (once, by one node).
create table calendar_version (
    id           int    not null primary key,
    version      bigint not null,
    recalculated bigint not null
);

insert into calendar_version (id, version, recalculated) values (1, 0, 0);
