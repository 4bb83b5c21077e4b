-- Sign-off (签发) before a bureau's seal (issue 23, N2): per bureau and kind of document, whether a
-- leader of the bureau must sign a letter off before it is numbered, sealed and sent. No row: no.

create table sign_off_policy (
    agency        varchar(32)  not null,
    document_kind varchar(32)  not null,
    required      boolean      not null,
    changed_at    timestamp with time zone not null,
    changed_by    varchar(64)  not null,
    primary key (agency, document_kind)
);

-- who submitted a request for sign-off, who signed it off and when, and a leader's comments when
-- sending it back
alter table assistance_request add column submitted_by_name varchar(128);
alter table assistance_request add column submitted_at timestamp with time zone;
alter table assistance_request add column signed_off_by_name varchar(128);
alter table assistance_request add column signed_off_at timestamp with time zone;
alter table assistance_request add column sent_back_text varchar(2000);

-- the policies are held in each instance's memory (issue 18), this version bumped by every change
insert into reference_data (name, version) values ('sign-off-policy', 0);
