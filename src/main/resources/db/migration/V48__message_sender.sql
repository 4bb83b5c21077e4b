-- Who sent a message, where the sending module says (issue 23): the sender sees how its urgent
-- messages reached the recipients' phones, mailboxes and groups.
alter table inbox_message add column sender_agency varchar(32);
alter table channel_delivery add column sender_agency varchar(32);
create index channel_delivery_by_sender on channel_delivery (sender_agency, id);
