-- Issue 21: a message about work that has since been done is marked handled, so that it no longer
-- counts as unread. The ledger marks the messages of the page on which an obligation was met.

alter table inbox_message add column handled_at timestamp with time zone;

create index inbox_message_by_link on inbox_message (recipient_agency, link);
