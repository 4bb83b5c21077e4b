-- Urgent bulletins sent first and signed off afterwards (issue 23, 先发后签): where the sender's bureau
-- asks for its leader's sign-off of its 突发事件快报, the bulletin reaches every bureau at once and its
-- document is numbered and sealed only at the leader's sign-off.

alter table bulletin add column sign_off_pending boolean default false not null;
alter table bulletin add column signed_off_by_name varchar(128);
alter table bulletin add column signed_off_at timestamp with time zone;
