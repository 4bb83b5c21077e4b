package org.liandong.assistance.internal;

import org.springframework.data.repository.CrudRepository;

interface AssistanceRequestRepository extends CrudRepository<AssistanceRequest, Long> {
}
