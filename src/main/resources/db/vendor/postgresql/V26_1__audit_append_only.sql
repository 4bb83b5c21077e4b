-- Issue 9 (X1): the audit trail is append-only in the database too. Rows cannot be updated; they
-- can be deleted only by the retention purge, which marks its own transaction
-- (set_config('liandong.audit_purge', 'on', true)) and records itself in the chain. Tampering
-- by someone who can drop the trigger is still detected by the SM3 chain.
create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and coalesce(current_setting('liandong.audit_purge', true), '') = 'on' then
        return old;
    end if;
    raise exception 'audit_record is append-only (%)', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_record_no_update_or_delete
    before update or delete on audit_record
    for each row execute function audit_record_append_only();

create function audit_record_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'audit_record is append-only (TRUNCATE)' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_record_no_truncate
    before truncate on audit_record
    for each statement execute function audit_record_no_truncate();
