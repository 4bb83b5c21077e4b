package org.liandong.cases.internal;

import org.liandong.cases.ParticipantRole;
import org.springframework.data.relational.core.mapping.Table;

/** An agency taking part in a case; part of the {@link EnforcementCase} aggregate. */
@Table("case_participant")
record CaseParticipant(String agency, ParticipantRole role) {
}
