-- Tamper-evident audit trail (X1). Rows are only ever inserted. Each row's hash is the SM3
-- digest of its content and the previous row's hash, so altering or deleting a row directly in
-- the database breaks the chain at that row; audit_chain_head holds the newest link so that
-- removing rows from the end is detected too.

create table audit_record (
    seq            bigint        primary key,
    occurred_at    timestamp with time zone not null,
    actor          varchar(64)   not null,
    actor_agency   varchar(32),
    action         varchar(64)   not null,
    object_type    varchar(64),
    object_id      varchar(128),
    detail         varchar(2000),
    client_address varchar(64),
    prev_hash      varchar(64)   not null,
    hash           varchar(64)   not null
);

create index audit_record_by_actor on audit_record (actor, seq);
create index audit_record_by_object on audit_record (object_type, object_id);

-- a single row; appending locks it, which keeps the chain linear under concurrent writers
create table audit_chain_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);

insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
