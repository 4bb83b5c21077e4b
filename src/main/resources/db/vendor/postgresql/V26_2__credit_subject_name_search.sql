-- Credit check by name (R4.3): names on the list that contain the name asked for, or are similar to
-- it (pg_trgm's % operator), are found through a trigram index on a list of a million entries.
-- pg_trgm was created by V5_1; its operator class is named with the schema it lives in.
do $$
declare
    trgm_schema text;
begin
    select n.nspname into trgm_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm';
    execute format('create index credit_entry_subject_name_trgm on credit_entry using gin (lower(subject_name) %I.gin_trgm_ops)',
                   trgm_schema);
end $$;
