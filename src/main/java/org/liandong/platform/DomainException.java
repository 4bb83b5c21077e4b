package org.liandong.platform;

import org.springframework.http.HttpStatus;

/**
 * A business rule refused an action. The message is the Chinese sentence the user reads; the
 * code is stable for API clients (it becomes the {@code code} of the problem details).
 */
public class DomainException extends RuntimeException {

	private final String code;
	private final HttpStatus status;

	public DomainException(HttpStatus status, String code, String message) {
		super(message);
		this.status = status;
		this.code = code;
	}

	public static DomainException invalid(String code, String message) {
		return new DomainException(HttpStatus.BAD_REQUEST, code, message);
	}

	public static DomainException forbidden(String code, String message) {
		return new DomainException(HttpStatus.FORBIDDEN, code, message);
	}

	public static DomainException conflict(String code, String message) {
		return new DomainException(HttpStatus.CONFLICT, code, message);
	}

	public static DomainException notFound(String code, String message) {
		return new DomainException(HttpStatus.NOT_FOUND, code, message);
	}

	/**
	 * This refusal, for a page to show as a message; but "not found" is thrown on, so that a form
	 * posted against another bureau's record answers 404 like every other way to it (X2).
	 */
	public DomainException shownOnPage() {
		if (status == HttpStatus.NOT_FOUND) {
			throw this;
		}
		return this;
	}

	public String code() {
		return code;
	}

	public HttpStatus status() {
		return status;
	}
}
