-- Reference data kept in every instance's memory (issue 18): agencies and divisions, the working
-- calendar, the accounts' sign-in facts. A change bumps its row's version in the changing
-- transaction; every instance compares the versions with those it loaded about once a second
-- (platform.ReferenceData) and loads again what changed.
create table reference_data (
    name    varchar(40) primary key,
    version bigint      not null
);
insert into reference_data (name, version) values ('agency', 0), ('calendar', 0);
