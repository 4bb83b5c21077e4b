-- A bureau's dashboard (R7.1) counts its obligations due in the last 90 days and in each of the last
-- twelve months by outcome, and its met ones by kind: with due instant, state, settlement, opening and
-- words in the index these are read from the index alone (an index-only scan, where the table's pages
-- are all-visible), instead of one table page for nearly every row, a bureau's rows being spread
-- among all the city's. Over 10,000,000 obligations the busiest bureau's dashboard took 550 ms, most
-- of it in these reads (docs/benchmarks/oversight.md). Replaces obligation_by_owner, its first two
-- columns, which served the same lookups.
drop index obligation_by_owner;
create index obligation_history_by_owner on obligation (owner_agency, due_at, state, settled_at, opened_at, obligation);
