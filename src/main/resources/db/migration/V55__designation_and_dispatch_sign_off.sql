-- A designation notice signed off by the city bureau's leader (issue 23, N2): where the city asks for it,
-- the legal officer's designation waits as a draft (待签发) until the leader signs it off; only then is the
-- notice numbered and sealed, and the designation in force. Sent back, the draft is gone and the report
-- waits for the legal office again with the leader's comments.

create table designation_draft (
    report_id        bigint        primary key references major_report (id),
    -- the designation as the legal officer drafted it (agencies, roles, tasks, deadlines), JSON
    content          text          not null,
    drafted_at       timestamp with time zone not null,
    drafted_by       varchar(64)   not null,
    drafted_by_name  varchar(128)  not null
);

alter table designation add column signed_off_by_name varchar(128);
alter table designation add column signed_off_at timestamp with time zone;

-- PENDING, AWAITING_SIGN_OFF, DESIGNATED or DECLINED
alter table major_report alter column state set data type varchar(32);
alter table major_report add column sent_back_text varchar(2200);

-- A dispatch notice (督办通知) drafted by the detachment waits likewise for the city bureau's leader, who
-- signs it off (numbered, sealed, sent) or sends it back (it is not sent; the detachment drafts anew).
-- Until signed off its number is '' and its document 0, as between its row and its notice.
-- AWAITING_SIGN_OFF, SENT, REPORTED, CLOSED or SENT_BACK
alter table dispatch alter column state set data type varchar(32);
alter table dispatch add column signed_off_by_name varchar(128);
alter table dispatch add column signed_off_at timestamp with time zone;
alter table dispatch add column sent_back_text varchar(2200);
