-- The issuers' prefixes and the agencies' current signing keys held in each instance's memory (issue 18,
-- platform.ReferenceData): read at every issue and every signature, changed by an administrator's act.
insert into reference_data (name, version) values ('document-issuer', 0), ('signing-key', 0);
