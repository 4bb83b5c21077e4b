package org.liandong.credit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A proposal to list a party of a major case as seriously dishonest: facts and legal basis (R4.2). */
public record Proposal(@NotNull(message = "请选择案件") Long caseId,
		@NotBlank(message = "请写明失信事实") @Size(max = 4000, message = "失信事实不能超过 4000 字") String facts,
		@NotBlank(message = "请写明法律依据") @Size(max = 1000, message = "法律依据不能超过 1000 字") String legalBasis) {
}
