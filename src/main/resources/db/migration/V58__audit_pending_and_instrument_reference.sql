-- Issue 18: the audit chain off the hot path. A business transaction writes its audit records here,
-- in one insert and without taking the chain head; the instance that committed them appends them to
-- audit_record moments later (AuditChainer), deleting them here in the same transaction. Records of
-- an instance that stopped before chaining them are chained by any instance after a minute.
create table audit_pending (
    id             uuid          primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(64)   not null,
    actor_agency   varchar(32),
    action         varchar(64)   not null,
    object_type    varchar(64),
    object_id      varchar(128),
    detail         varchar(2000),
    client_address varchar(64)
);

create index audit_pending_by_time on audit_pending (occurred_at);

-- the pending record a chained record came from: a record chained by another instance's sweep is not
-- chained twice, and one missing from both tables was deleted before it could be chained
alter table audit_record add column entry_id uuid;

create index audit_record_by_entry on audit_record (entry_id);

-- the agreements in force, held in memory as reference data (InstrumentsInForce): their version
insert into reference_data (name, version) values ('instrument', 0);
