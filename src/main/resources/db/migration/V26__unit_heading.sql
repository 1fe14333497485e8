-- The issuer heading of the standard documents (Decree 30/2020, Circular 03/2025): the governing body
-- above the issuing unit, the unit's name as the heading writes it, and the abbreviation used in
-- document numbers ("Số: 05/TB-UBND").

alter table unit add column governing_body varchar(255);
alter table unit add column heading_name varchar(255);
alter table unit add column symbol varchar(40);
