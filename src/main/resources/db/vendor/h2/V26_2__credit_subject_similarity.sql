-- Name similarity for the credit check (R4.3): pg_trgm's similarity() on PostgreSQL, the same rule
-- in Java here (org.liandong.credit.internal.Trigrams), so a partial or slightly different name
-- finds the same similar names on both databases.
create alias if not exists similarity for 'org.liandong.credit.internal.Trigrams.similarity';
