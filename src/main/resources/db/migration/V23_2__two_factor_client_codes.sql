-- One accepted one-time password serves the further API calls of the client that gave it, until
-- the code's window ends (issue 12). Kept here rather than in each instance's memory (issue 10), so
-- a client whose calls a load balancer spreads over several instances is served by all of them.
-- Neither the code nor the Authorization header is stored: only HMACs under a key derived from the
-- master key.

create table two_factor_client_code (
    -- HMAC of username and code
    entry_key   varchar(64)              primary key,
    -- HMAC of the client's Authorization header and the code
    client_mac  varchar(64)              not null,
    valid_until timestamp with time zone not null
);

create index two_factor_client_code_until on two_factor_client_code (valid_until);
