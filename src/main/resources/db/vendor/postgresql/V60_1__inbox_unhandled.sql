-- Issue 18: the unread count that every page's header shows reads a person's messages that are neither read nor
-- handled. Without an index on the unhandled ones PostgreSQL scanned the whole of inbox_message for it, on every
-- page view (35,000 messages in the benchmarks' schema: 59 ms; PostgreSQL was seen on it in 24-46 % of the samples
-- taken while the case-list pages were timed); most messages are
-- handled once the work they ask for is done, so this partial index holds only those still waiting (0.2 ms for the
-- same count). H2 has no partial indexes; it counts over inbox_message_by_recipient.
create index inbox_message_unhandled on inbox_message (recipient_agency, recipient_user, id) where handled_at is null;
