-- Bulk screening (R4.3, issue 21): rows whose code is not listed but whose name is the name of a
-- listed subject under another code, counted for a person to look at rather than passed as clean.
alter table credit_screening add column review integer default 0 not null;
