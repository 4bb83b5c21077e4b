-- The ledger's scan (R7.1) looks for open obligations not yet escalated, and not yet reminded, by
-- due instant. On PostgreSQL partial indexes hold only those rows, so a scan reads what it may claim
-- and not every open overdue obligation escalated long ago; H2 uses obligation_open_by_due.
create index obligation_to_escalate on obligation (due_at) where state = 'OPEN' and overdue_at is null;
create index obligation_to_remind on obligation (due_at) where state = 'OPEN' and reminded_at is null and overdue_at is null;
