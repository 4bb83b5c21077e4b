package org.liandong.platform;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The network address a request came from, for the audit trail (X1). Behind a reverse proxy set
 * {@code server.forward-headers-strategy=native} so that this is the client, not the proxy.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** The current request's remote address, or {@code null} outside a request (scheduled work, start-up). */
	public static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}
}
