-- Issue 22 (N4, 一处发现、多方联动): a person's ID-card number as a keyed hash (HMAC-SM3 under a key derived
-- from the master key, "<key id>:<hex>"), so that the open cases of other bureaus on the same person are
-- found without the number in clear. Filled for earlier rows at start-up (PartyIdHashes), from the sealed
-- number; written again under a new master key the same way. Null for an enterprise (its USCC is its key).
alter table enforcement_case add column party_id_hash varchar(80);

-- the open cases on one party: by its USCC (enforcement_case_by_uscc) or by this hash
create index enforcement_case_by_party_id_hash on enforcement_case (party_id_hash);
