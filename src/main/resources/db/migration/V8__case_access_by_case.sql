-- Keeping the access rows' copy of a case's status in step looks them up by case.
create index case_access_by_case on case_access (case_id);
