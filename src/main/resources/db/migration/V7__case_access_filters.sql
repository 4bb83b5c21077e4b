-- A bureau's most common filters (status, registration period) answered from its own access rows:
-- the columns are copies of the case's, kept in step by the cases module.

alter table case_access add column status varchar(16);
alter table case_access add column registered_at timestamp with time zone;

update case_access set
    status = (select c.status from enforcement_case c where c.id = case_access.case_id),
    registered_at = (select c.registered_at from enforcement_case c where c.id = case_access.case_id);

alter table case_access alter column status set not null;
alter table case_access alter column registered_at set not null;

create index case_access_by_status_and_period on case_access (agency, status, registered_at);
create index case_access_by_period on case_access (agency, registered_at);
