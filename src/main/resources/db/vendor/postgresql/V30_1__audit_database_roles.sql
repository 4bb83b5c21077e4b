-- Issue 19 (X1): two roles on PostgreSQL. Flyway runs as the owner of the schema, which creates and
-- alters the tables; the application connects as a runtime role, the placeholder runtime_role
-- (spring.flyway.placeholders.runtime_role, the application's spring.datasource.username; Flyway run
-- any other way must be given it). The runtime role reads and writes business rows and nothing
-- more: it owns nothing, so it can neither change the schema nor disable a trigger; on the audit
-- trail it may only read and append; the retention purge reaches the trail only through audit_purge
-- below. Where the runtime role is the owner itself (one role, as in the demo and in the test
-- suite's shared schema) nothing is granted.

-- V26_1 let a delete through whenever the session set liandong.audit_purge, which any role may set.
-- Now the delete must also run as the table's owner: inside audit_purge (SECURITY DEFINER), or by the
-- owner itself, who could drop the trigger anyway.
create or replace function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('liandong.audit_purge', true), '') = 'on'
            and current_user = (select pg_get_userbyid(relowner) from pg_class where oid = tg_relid) then
        return old;
    end if;
    raise exception 'audit_record is append-only (%)', tg_op using errcode = 'insufficient_privilege';
end
$$;

-- checkpoints (V30) are never changed or removed, not even by the purge
create function audit_checkpoint_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only (%)', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_checkpoint_no_update_or_delete
    before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_append_only();

create trigger audit_checkpoint_no_truncate
    before truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_append_only();

-- The retention purge (AuditRetention): removes the records that occurred before keep_from, oldest
-- first and never the newest, and moves the start of the chain to the first kept record with the
-- hash of the last removed one, so the chain still verifies; the application then records the
-- removal in the chain. It runs as the owner (SECURITY DEFINER) and is the runtime role's only way
-- to delete audit records. Whatever keep_from a caller other than the owner gives, nothing younger
-- than six months (GB/T 22239-2019 level 3) by the database's own clock is removed. The owner, who
-- could delete the rows anyway, is taken at its word (the test suite moves the application's clock).
create function audit_purge(keep_from timestamp with time zone)
    returns table (first_removed bigint, last_removed bigint, anchor varchar, removed bigint)
    language plpgsql security definer
as $$
declare
    head audit_chain_head%rowtype;
    kept bigint;
    through bigint;
begin
    if not pg_has_role(session_user, (select relowner from pg_class where oid = 'audit_record'::regclass), 'MEMBER') then
        keep_from := least(keep_from, now() - interval '6 months');
    end if;
    select * into head from audit_chain_head where id = 1 for update;
    select coalesce(min(seq), head.last_seq) into kept from audit_record where occurred_at >= keep_from;
    through := least(kept, head.last_seq) - 1;
    if through < head.first_seq then
        return;
    end if;
    select hash into anchor from audit_record where seq = through;
    -- the trigger lets the delete through: the setting is on and the owner deletes
    perform set_config('liandong.audit_purge', 'on', true);
    delete from audit_record where seq <= through;
    get diagnostics removed = row_count;
    perform set_config('liandong.audit_purge', 'off', true);
    update audit_chain_head set first_seq = through + 1, first_prev_hash = anchor where id = 1;
    first_removed := head.first_seq;
    last_removed := through;
    return next;
end
$$;

-- a function that runs as the owner finds its tables in this schema only, never in a caller's temporary ones
do $$
begin
    execute format('alter function audit_purge(timestamp with time zone) set search_path = %I, pg_temp',
                   current_schema());
end
$$;

revoke execute on function audit_purge(timestamp with time zone) from public;

-- What the runtime role may do. Run again by the owner when the runtime role changes later:
-- call liandong_grant_runtime_role('the_runtime_role');
create procedure liandong_grant_runtime_role(runtime name) language plpgsql as $$
declare
    schema name := current_schema();
begin
    execute format('grant usage on schema %I to %I', schema, runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema, runtime);
    execute format('grant usage, select on all sequences in schema %I to %I', schema, runtime);
    -- the tables and sequences of later migrations, which the owner creates
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   schema, runtime);
    execute format('alter default privileges in schema %I grant usage, select on sequences to %I', schema, runtime);
    -- Flyway's history is the owner's alone
    execute format('revoke all on %I.%I from %I', schema, '${flyway:table}', runtime);
    -- the audit trail: read and append; of the chain head only the newest link, which appending moves
    execute format('revoke update, delete on audit_record, audit_checkpoint, audit_chain_head from %I', runtime);
    execute format('grant update (last_seq, last_hash) on audit_chain_head to %I', runtime);
    execute format('grant execute on function audit_purge(timestamp with time zone) to %I', runtime);
end
$$;

revoke execute on procedure liandong_grant_runtime_role(name) from public;

do $$
begin
    if '${runtime_role}' <> current_user then
        call liandong_grant_runtime_role('${runtime_role}');
    end if;
end
$$;
