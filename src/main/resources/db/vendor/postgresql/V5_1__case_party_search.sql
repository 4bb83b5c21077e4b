-- Party search on PostgreSQL (R2.1): a part of the party name matches through a trigram index, so
-- the search stays fast on a province's millions of cases. pg_trgm is a trusted extension: the
-- database owner may create it (PostgreSQL 13 and later). An extension exists once per database, in
-- one schema: it is created in public, and where it already lives elsewhere its operator class is
-- named with that schema, so several installations can share one database.
create extension if not exists pg_trgm with schema public;

do $$
declare
    trgm_schema text;
begin
    select n.nspname into trgm_schema
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm';
    execute format('create index enforcement_case_party_name_trgm on enforcement_case using gin (lower(party_name) %I.gin_trgm_ops)',
                   trgm_schema);
end $$;
