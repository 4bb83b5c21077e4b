package org.liandong.platform;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity card number (公民身份号码, GB 11643-1999): 17 digits (6 of address, 8 of
 * birth date, 3 of sequence) and a check character from ISO 7064 MOD 11-2. Personal data: store
 * it encrypted ({@link FieldCipher}) and show it {@link #masked()}.
 */
public record ResidentIdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	public ResidentIdNumber {
		String problem = problem(value);
		if (problem != null) {
			throw DomainException.invalid("invalid-id-number", problem);
		}
	}

	public static ResidentIdNumber of(String typed) {
		return new ResidentIdNumber(typed == null ? null : typed.trim().toUpperCase());
	}

	/** Why the text is not a valid number, in Chinese, or {@code null} when it is. */
	public static String problem(String value) {
		if (value == null || !value.matches("\\d{17}[\\dX]")) {
			return "公民身份号码应为 18 位：前 17 位为数字，末位为数字或 X";
		}
		try {
			LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return "公民身份号码中的出生日期 %s 无效".formatted(value.substring(6, 14));
		}
		char expected = checkCharacter(value);
		if (value.charAt(17) != expected) {
			return "公民身份号码校验码错误：末位应为“%c”，请核对后重新输入".formatted(expected);
		}
		return null;
	}

	public static char checkCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** The first 6 and last 4 characters, as ID numbers are shown in Chinese government systems. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	@Override
	public String toString() {
		return masked();
	}
}
