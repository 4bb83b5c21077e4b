-- Who may see which case (X2), one row per agency and case: the agencies taking part (host and
-- registering agency included) and the bureaus notified of it. A bureau's case list starts from
-- here, so it costs the bureau's own cases, not the whole register.

create table case_access (
    agency  varchar(32) not null,
    case_id bigint      not null references enforcement_case (id),
    -- FULL for the agencies on the case, SUMMARY for a bureau that was only notified
    access  varchar(8)  not null,
    primary key (agency, case_id)
);

insert into case_access (agency, case_id, access)
select agency, case_id, 'FULL' from case_participant;

insert into case_access (agency, case_id, access)
select distinct n.to_agency, n.case_id, 'SUMMARY' from case_notification n
where not exists (select 1 from case_access a where a.agency = n.to_agency and a.case_id = n.case_id);
