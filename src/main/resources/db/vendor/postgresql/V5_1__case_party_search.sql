-- Party search on PostgreSQL (R2.1): a part of the party name matches through a trigram index, so
-- the search stays fast on a province's millions of cases. pg_trgm is a trusted extension: the
-- database owner may create it (PostgreSQL 13 and later).
create extension if not exists pg_trgm;

create index enforcement_case_party_name_trgm on enforcement_case using gin (lower(party_name) gin_trgm_ops);
