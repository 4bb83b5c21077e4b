package org.liandong.cases;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A party to check for open cases in other bureaus (issue 22): an enterprise by its USCC or a person by
 * the ID-card number, one of the two. Sent in a body, so that an ID number never appears in an address.
 */
public record PartyCheck(
		@Schema(description = "统一社会信用代码（GB 32100-2015）：18 位，不含 I、O、S、V、Z，第 18 位为校验码；小写字母按大写处理；与公民身份号码二者填一项", pattern = "^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$", example = "91410402MA44JC1W0Y")
		@Size(max = 18, message = "统一社会信用代码应为 18 位") String uscc,
		@Schema(description = "公民身份号码（GB 11643-1999）：18 位，第 18 位为校验码（0–9 或 X）；与统一社会信用代码二者填一项", pattern = "^\\d{17}[\\dXx]$", example = "410402198506120032")
		@Size(max = 18, message = "公民身份号码应为 18 位") String idNumber) {
}
