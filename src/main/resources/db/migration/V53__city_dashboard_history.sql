-- The city-wide dashboard's history (each bureau's last 90 days, the twelve-month trend, the time taken
-- per kind of obligation), computed in the background by one instance at a time and read by every
-- request (issue 24): over a province's ledger these aggregates take seconds per city, and computed per
-- request they held the connection pool. The page says as of when (computed_at).
create table city_dashboard_history (
    city_agency  varchar(32)   primary key,
    computed_at  timestamp with time zone not null,
    -- the figures as JSON (oversight.internal.ledger.LedgerHistory)
    figures      text          not null
);
