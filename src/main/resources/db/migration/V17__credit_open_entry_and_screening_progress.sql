-- One open entry per case (R4.2): while in the defence period or published, an entry holds its
-- case in open_case_id; a unique constraint (which lets any number of nulls through) turns two
-- proposals made at the same moment into one entry and a refusal.
alter table credit_entry add column open_case_id bigint;
update credit_entry set open_case_id = case_id where state in ('NOTIFIED', 'PUBLISHED');
alter table credit_entry add constraint credit_entry_one_open_per_case unique (open_case_id);

-- the hourly end of publication looks for published entries past their period
create index credit_entry_by_expiry on credit_entry (state, published_until);

-- a screening writes its progress with the time; one that stopped moving (its instance restarted
-- in the middle) is marked failed instead of showing "running" for ever
alter table credit_screening add column progressed_at timestamp with time zone;
update credit_screening set progressed_at = coalesce(finished_at, started_at);
