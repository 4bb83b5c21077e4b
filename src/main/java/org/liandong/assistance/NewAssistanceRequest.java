package org.liandong.assistance;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A request as the requesting bureau writes it (R2.4): about which case, to which bureau, what to
 * investigate, on which legal basis, answered by when. Also the content of a revision.
 *
 * @param version the version revised, for a revision; ignored when creating
 */
public record NewAssistanceRequest(Long caseId, @NotBlank(message = "请选择协助单位") String assistingAgencyCode,
		@NotBlank(message = "请填写协查事项") @Size(max = 4000, message = "协查事项不能超过 4000 字") String matters,
		@NotBlank(message = "请填写法律依据") @Size(max = 1000, message = "法律依据不能超过 1000 字") String legalBasis,
		@NotNull(message = "请填写答复期限") LocalDate answerBy, Long version) {
}
