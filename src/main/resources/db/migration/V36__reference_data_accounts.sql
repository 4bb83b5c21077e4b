-- The signed-in accounts held briefly in each instance's memory (issue 18): a lock, an unlock, a
-- change of roles or password, a second factor bound, reset or disabled, a change of the second
-- factor policy bumps this version; every instance then forgets the accounts it held.
insert into reference_data (name, version) values ('account', 0);
