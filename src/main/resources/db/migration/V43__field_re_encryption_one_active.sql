-- At most one re-encryption queued or running (issue 19): the check before the insert lets two
-- starts at the same moment both through; a unique slot taken by the active run does not.
-- 1 while QUEUED or RUNNING, null once DONE or FAILED (a unique index admits many nulls).
alter table field_re_encryption add column active_slot smallint;

update field_re_encryption set active_slot = 1
where id = (select max(id) from field_re_encryption where state in ('QUEUED', 'RUNNING'));

create unique index field_re_encryption_one_active on field_re_encryption (active_slot);
