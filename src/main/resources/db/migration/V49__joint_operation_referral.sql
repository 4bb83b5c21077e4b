-- Issue 22: a target outside every participant's jurisdiction is referred to the competent bureau
-- (territorial hosting, R2.2) instead of being inspected by the operation
alter table joint_operation_target add column referred_to varchar(32);
alter table joint_operation_target add column referred_at timestamp with time zone;
alter table joint_operation_target add column referred_by varchar(64);
