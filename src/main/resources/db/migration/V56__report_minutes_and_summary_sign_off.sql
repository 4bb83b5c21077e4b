-- The year-end evaluation report (年度考评结果通报) signed off by the city bureau's leader (issue 23, N2):
-- where the city asks for it, the detachment's issuing submits the report, which waits for a leader of the
-- city bureau to sign it off (numbered, sealed, issued) or to send it back with comments.
create table evaluation_report_sign_off (
    city_agency        varchar(32)   not null,
    evaluation_year    integer       not null,
    -- AWAITING, or SENT_BACK with the leader's comments
    state              varchar(16)   not null,
    submitted_at       timestamp with time zone not null,
    submitted_by       varchar(64)   not null,
    submitted_by_name  varchar(128)  not null,
    submitted_agency   varchar(32)   not null,
    sent_back_text     varchar(2200),
    primary key (city_agency, evaluation_year)
);

-- The minutes of a joint meeting (联席会议纪要) signed off by a leader of the city bureau, the meeting's
-- convener, where the office (the detachment) asks for it: recorded by the office they wait as a draft, the
-- meeting 纪要待签发, and are numbered, sealed and in force (action items given) only at the sign-off. Sent
-- back, the draft stays for the office to revise, with the leader's comments.
create table minutes_draft (
    meeting_id       bigint         primary key references meeting (id),
    -- AWAITING, or SENT_BACK with the leader's comments
    state            varchar(16)    not null,
    minutes          varchar(20000) not null,
    -- the decisions (action items) as recorded, JSON
    decisions        text           not null,
    drafted_at       timestamp with time zone not null,
    drafted_by       varchar(64)    not null,
    drafted_by_name  varchar(128)   not null,
    sent_back_text   varchar(2200)
);

alter table meeting alter column state set data type varchar(32);
alter table meeting add column minutes_signed_off_by_name varchar(128);
alter table meeting add column minutes_signed_off_at timestamp with time zone;

-- A joint operation's summary report (联合执法行动通报) signed off by a leader of the organising bureau where
-- the bureau asks for it: the organiser's conclusion waits as a draft, the operation still open, until the
-- leader signs it off (numbered, sealed, issued, the operation concluded) or sends it back with comments.
create table operation_summary_draft (
    operation_id     bigint         primary key references joint_operation (id),
    -- AWAITING, or SENT_BACK with the leader's comments
    state            varchar(16)    not null,
    remarks          varchar(4000)  not null,
    drafted_at       timestamp with time zone not null,
    drafted_by       varchar(64)    not null,
    drafted_by_name  varchar(128)   not null,
    sent_back_text   varchar(2200)
);

alter table joint_operation add column summary_signed_off_by_name varchar(128);
alter table joint_operation add column summary_signed_off_at timestamp with time zone;
