-- The requester's rating of an answer when confirming it (issue 21, IMI's scoreboard): timeliness
-- and quality from 1 to 5; null for answers confirmed before ratings existed or over the API without one.
alter table assistance_request add column rating_timeliness smallint;
alter table assistance_request add column rating_quality smallint;
