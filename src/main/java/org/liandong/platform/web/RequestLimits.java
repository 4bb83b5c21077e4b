package org.liandong.platform.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.liandong.platform.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Turns away, before anything reads them (issue 9): bodies larger than
 * {@code liandong.web.max-body-size} other than file uploads, which have limits of their own
 * (413); and requests whose parameters cannot be decoded, invalid UTF-8 in the query or a form or
 * a sort order with a broken percent escape (which the paging support decodes a second time), or a
 * NUL character (which PostgreSQL refuses in text), on
 * which the container would otherwise fail deep inside a filter or a handler with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimits extends OncePerRequestFilter {

	private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

	private final ProblemWriter problems;
	private final long maxBody;

	RequestLimits(ProblemWriter problems, @Value("${liandong.web.max-body-size:2MB}") DataSize maxBody) {
		this.problems = problems;
		this.maxBody = maxBody.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			// the parts are parsed when the controller asks for them, within the upload limits
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > maxBody) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "请求内容过大（不能超过 %d KB）".formatted(maxBody / 1024));
			return;
		}
		String[] sort;
		boolean nul;
		try {
			sort = request.getParameterValues("sort");
			// PostgreSQL stores no NUL character in text; no person types one
			nul = request.getParameterMap().values().stream().flatMap(Arrays::stream).anyMatch(v -> v.indexOf('\0') >= 0);
		}
		catch (IllegalStateException | IllegalArgumentException undecodable) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "请求参数含有无法识别的字符（须为 UTF-8 编码）");
			return;
		}
		if (nul) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "请求参数含有无法识别的字符（空字符）");
			return;
		}
		if (sort != null) {
			for (String order : sort) {
				if (BROKEN_ESCAPE.matcher(order).find()) {
					refuse(request, response, HttpStatus.BAD_REQUEST, "排序参数 sort 无效");
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(response, status,
					status == HttpStatus.BAD_REQUEST ? "undecodable-request" : "request-too-large", detail);
		}
		else {
			// written here rather than by the error page: its dispatch would read the same parameters again
			response.setStatus(status.value());
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write("""
					<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>请求有误 · 联动</title></head>
					<body><h1>请求有误</h1><p>%s</p><p><a href="/">返回首页</a></p></body></html>"""
				.formatted(HtmlUtils.htmlEscape(detail)));
		}
	}
}
