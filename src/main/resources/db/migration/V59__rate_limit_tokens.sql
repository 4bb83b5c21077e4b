-- Rate limits counted in the caller's transaction (issue 18, P3): a bucket is its tokens and the time
-- they were counted, changed by one update, instead of Bucket4j's serialized state, which its JDBC
-- backends change in a transaction of their own. The buckets of V29 are counts of the last minutes
-- only; they start afresh.
drop table rate_limit_bucket;

create table rate_limit_bucket (
    -- the limit's name, number and window, then the key: "credit-checks/120/PT1M/xinhua.enforcer"
    id          varchar(300) primary key,
    -- the tokens left at counted_at; one is taken per event, they refill at number / window
    tokens      double precision not null,
    -- epoch milliseconds of the last count
    counted_at  bigint not null,
    -- epoch milliseconds after which the bucket is full again whatever it held, so the row may go
    expires_at  bigint not null
);

-- the hourly removal of expired buckets
create index rate_limit_bucket_by_expiry on rate_limit_bucket (expires_at);
