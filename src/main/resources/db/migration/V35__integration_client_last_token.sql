-- Issue 20: when a client was last given a token, for the system administrator's list of clients
-- (null: none since this column was added); each issue is also in the audit trail
alter table integration_client add column last_token_at timestamp with time zone;
