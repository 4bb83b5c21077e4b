-- Rate limits shared by every instance (issue 19): one row per bucket of Bucket4j's JDBC backends
-- (platform.RateLimits), e.g. the failed sign-ins of one address or the credit checks of one person.
create table rate_limit_bucket (
    -- the limit's name, number and window, then the key: "credit-checks/120/PT1M/xinhua.enforcer"
    id         varchar(300) primary key,
    -- Bucket4j's serialized bucket (configuration and tokens); null for a moment while it is created
    state      bytea,
    -- epoch milliseconds after which the bucket would be full again, so the row may go
    expires_at bigint
);

-- the hourly removal of expired buckets
create index rate_limit_bucket_by_expiry on rate_limit_bucket (expires_at);
