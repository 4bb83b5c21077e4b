package org.liandong.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;

/**
 * What an integration client may be given (issue 20, X5): each scope opens a few read or check
 * calls of the API, nothing else. A client reads with the view of the agency it is registered for.
 */
public enum Scope {

	CASES_READ("cases.read", "读取案件", List.of(new Call(HttpMethod.GET, "/api/v1/cases"),
			new Call(HttpMethod.GET, "/api/v1/cases/**"))),
	ASSISTANCE_READ("assistance.read", "读取协查请求", List.of(new Call(HttpMethod.GET, "/api/v1/assistance-requests"),
			new Call(HttpMethod.GET, "/api/v1/assistance-requests/*"))),
	CREDIT_CHECK("credit.check", "核查严重失信主体名单", List.of(new Call(HttpMethod.GET, "/api/v1/credit/checks"))),
	DOCUMENTS_VERIFY("documents.verify", "核验公文真伪", List.of(new Call(HttpMethod.POST, "/api/v1/documents/verify")));

	/** A method and a path pattern of the API. */
	public record Call(HttpMethod method, String pattern) {
	}

	private final String value;
	private final String label;
	private final List<Call> calls;

	Scope(String value, String label, List<Call> calls) {
		this.value = value;
		this.label = label;
		this.calls = calls;
	}

	public static Optional<Scope> of(String value) {
		return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
	}

	/** As OAuth2 writes it, e.g. {@code credit.check}. */
	public String value() {
		return value;
	}

	public String label() {
		return label;
	}

	public List<Call> calls() {
		return calls;
	}
}
