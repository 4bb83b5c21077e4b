package org.liandong.agency.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface AgencyRepository extends ListCrudRepository<Agency, Long> {

	Optional<Agency> findByCode(String code);

	boolean existsByCode(String code);
}
