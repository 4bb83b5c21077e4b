-- Second factor of sign-in (issue 12, GB/T 22239-2019 L3-CES1-04): time-based one-time passwords
-- (RFC 6238) per account, single-use recovery codes, and the security administrator's policy of
-- the roles for which it is mandatory.

create table two_factor (
    user_account_id        bigint primary key references user_account (id),
    -- the shared TOTP secret (Base32), SM4-encrypted (FieldCipher); null until an enrolment is confirmed
    secret_cipher          varchar(200),
    enrolled_at            timestamp with time zone,
    -- a secret shown to the person but not yet confirmed with a first code
    pending_secret_cipher  varchar(200),
    -- the last 30-second time-step whose code was accepted: a code of this step or earlier is refused (replay)
    last_used_step         bigint
);

create table two_factor_recovery_code (
    user_account_id bigint      not null references user_account (id),
    -- SM3 of the account id and the code: the codes themselves are shown once and never stored
    code_hash       varchar(64) not null,
    used_at         timestamp with time zone,
    primary key (user_account_id, code_hash)
);

create table two_factor_policy (
    role       varchar(32) primary key,
    mandatory  boolean     not null,
    changed_at timestamp with time zone,
    changed_by varchar(64)
);

-- the three administrators must use a second factor; for business roles it is each person's choice
insert into two_factor_policy (role, mandatory) values
    ('SYSTEM_ADMIN', true), ('SECURITY_ADMIN', true), ('AUDIT_ADMIN', true),
    ('LEADER', false), ('LEGAL_OFFICER', false), ('DETACHMENT_OFFICER', false), ('ENFORCER', false),
    ('LIAISON', false);
