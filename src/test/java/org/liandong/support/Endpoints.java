package org.liandong.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the running application, read from its own request mappings (X2), so that a
 * new controller method is tested by the authorization matrix and the fuzzing test without anyone
 * remembering to add it. Only the application's own handlers count (not the API documentation's).
 */
public final class Endpoints {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private Endpoints() {
	}

	/** One method and path of a handler, with what the mapping requires of a request to match it. */
	public record Endpoint(String method, String pattern, boolean multipart, Map<String, String> params,
			String handler) implements Comparable<Endpoint> {

		public boolean api() {
			return pattern.startsWith("/api/");
		}

		/** The key of the endpoint in the authorization matrix. */
		public String key() {
			return method + " " + pattern;
		}

		public boolean writes() {
			return !method.equals("GET");
		}

		/** The path with each variable replaced by the value given for its name, or "0". */
		public String path(Map<String, String> values) {
			Matcher variable = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (variable.find()) {
				variable.appendReplacement(path, Matcher.quoteReplacement(values.getOrDefault(variable.group(1), "0")));
			}
			variable.appendTail(path);
			return path.toString();
		}

		public List<String> variables() {
			List<String> names = new ArrayList<>();
			Matcher variable = VARIABLE.matcher(pattern);
			while (variable.find()) {
				names.add(variable.group(1));
			}
			return names;
		}

		@Override
		public int compareTo(Endpoint other) {
			return Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method).compare(this, other);
		}
	}

	public static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.liandong")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)
					|| Arrays.stream(handler.getMethodParameters())
						.anyMatch(parameter -> MultipartFile.class.isAssignableFrom(parameter.getParameterType()));
			Map<String, String> params = new LinkedHashMap<>();
			info.getParamsCondition().getExpressions().forEach(expression -> {
				if (!expression.isNegated()) {
					params.put(expression.getName(), expression.getValue() == null ? "1" : expression.getValue());
				}
			});
			String name = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(new Endpoint(method.name(), pattern, multipart, params, name));
				}
			}
		}
		endpoints.sort(null);
		return endpoints;
	}
}
