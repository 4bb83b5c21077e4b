-- The agreement whose commitments set a request's deadlines (R3.2); null: the mechanism's defaults.
alter table assistance_request add column deadline_agreement_id bigint;
