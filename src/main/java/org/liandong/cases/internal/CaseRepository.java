package org.liandong.cases.internal;

import org.springframework.data.repository.ListCrudRepository;

interface CaseRepository extends ListCrudRepository<EnforcementCase, Long> {
}
