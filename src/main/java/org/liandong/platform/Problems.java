package org.liandong.platform;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as the API returns them: a Chinese title and detail, and a stable
 * machine-readable {@code code}.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title(status.value()));
		problem.setType(URI.create("urn:liandong:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}

	public static String title(int status) {
		return switch (status) {
			case 400 -> "请求有误";
			case 401 -> "未登录或身份验证失败";
			case 403 -> "无权操作";
			case 404 -> "未找到";
			case 405 -> "不支持的请求方法";
			case 409 -> "与现有数据冲突";
			case 413 -> "内容过大";
			case 415 -> "不支持的内容类型";
			case 429 -> "请求过于频繁";
			default -> status >= 500 ? "系统内部错误" : "请求未能完成";
		};
	}

	/** A stable code for a status when nothing more specific is known. */
	public static String code(int status) {
		return switch (status) {
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 415 -> "unsupported-media-type";
			default -> status >= 500 ? "internal-error" : "bad-request";
		};
	}

	/** The detail to show when nothing more specific is known. */
	public static String defaultDetail(int status) {
		return switch (status) {
			case 400 -> "请求格式不正确，请检查后重试";
			case 401 -> "请先登录";
			case 403 -> "您没有执行此操作的权限";
			case 404 -> "请求的资源不存在";
			case 405 -> "该地址不支持此请求方法";
			case 406 -> "无法以所要求的格式返回结果";
			case 409 -> "与现有数据冲突，请刷新后重试";
			case 415 -> "不支持的内容类型，请以 application/json 格式提交";
			default -> status >= 500 ? "系统内部错误，请稍后重试；如持续出现请联系系统管理员" : title(status);
		};
	}
}
