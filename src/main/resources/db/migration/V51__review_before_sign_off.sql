-- Review (审核) before the sign-off (issue 23, N2: 拟稿 → 审核 → 签发): where a bureau's policy asks
-- for it, its legal officer reviews a letter before its leader is asked to sign it off.

alter table sign_off_policy add column review_required boolean default false not null;

alter table assistance_request add column reviewed_by_name varchar(128);
alter table assistance_request add column reviewed_at timestamp with time zone;
