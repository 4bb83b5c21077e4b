package org.liandong.platform.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.liandong.platform.Problems;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * What the description says of every operation, once for all (issue 20): the refusals it may
 * answer with, each as problem details ({@code application/problem+json}, schema {@code Problem});
 * an operation id a client can use as a method name ({@code caseList}, {@code agencyRegisterDivision})
 * instead of {@code list_6}; JSON, not "any type", as what an ordinary answer is; and the paging
 * parameters as the server treats them.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorsAndNames {

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	/** The refusals, and when an operation can meet them. */
	private static final Map<String, String> REFUSALS = new LinkedHashMap<>();

	static {
		REFUSALS.put("400", "请求有误：参数或请求体不符合本说明（缺少必填字段、类型或格式不正确、超出范围）或业务规则不允许");
		REFUSALS.put("401", "未登录或身份验证失败：缺少或错误的凭证、动态口令或令牌");
		REFUSALS.put("403", "无权操作：角色、层级或单位不允许");
		REFUSALS.put("404", "路径或请求体所指的记录（案件、请求、公文……）不存在，或调用者所在单位看不到它");
		REFUSALS.put("409", "与现有数据冲突：记录已被他人修改（version 过期）、重复或状态已变");
		REFUSALS.put("413", "上传内容过大");
		REFUSALS.put("415", "请求体的内容类型不是本说明所列的类型");
		REFUSALS.put("429", "请求过于频繁（如连续登录失败、核查次数超限），请稍后再试");
	}

	@Bean
	GlobalOperationCustomizer readableOperationIds() {
		return (Operation operation, HandlerMethod handler) -> {
			String controller = handler.getBeanType().getSimpleName().replaceFirst("(ApiController|Controller)$", "");
			operation.setOperationId(StringUtils.uncapitalize(controller) + StringUtils.capitalize(handler.getMethod().getName()));
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return api -> {
			api.getComponents().addSchemas(PROBLEM, problemSchema());
			api.getPaths().forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> describe(path, method, operation)));
		};
	}

	private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		responses.values().forEach(ApiErrorsAndNames::jsonNotAnyType);
		boolean inputs = operation.getParameters() != null && !operation.getParameters().isEmpty()
				|| operation.getRequestBody() != null;
		boolean writes = method != PathItem.HttpMethod.GET;
		boolean upload = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().containsKey("multipart/form-data");
		refusal(responses, "400", inputs);
		refusal(responses, "401", true);
		refusal(responses, "403", true);
		refusal(responses, "404", path.contains("{") || operation.getRequestBody() != null);
		refusal(responses, "409", writes);
		refusal(responses, "413", upload);
		refusal(responses, "415", operation.getRequestBody() != null);
		refusal(responses, "429", true);
		if (operation.getParameters() != null) {
			operation.getParameters().forEach(ApiErrorsAndNames::paging);
		}
	}

	private static void refusal(ApiResponses responses, String status, boolean applies) {
		if (applies && !responses.containsKey(status)) {
			responses.addApiResponse(status, new ApiResponse().description(REFUSALS.get(status))
				.content(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM)))));
		}
	}

	/** An ordinary answer of a REST controller is JSON; only files (binary) keep the type they are sent in. */
	private static void jsonNotAnyType(ApiResponse response) {
		Content content = response.getContent();
		if (content == null || !content.containsKey("*/*")) {
			return;
		}
		MediaType any = content.get("*/*");
		Schema<?> schema = any.getSchema();
		if (schema != null && "binary".equals(schema.getFormat())) {
			return;
		}
		content.remove("*/*");
		content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
	}

	/**
	 * Paging as the server applies it: a negative page is refused, a size outside 1 to 200 is the
	 * list's default or 200, a sort property the list does not offer is refused with the ones it does.
	 */
	private static void paging(Parameter parameter) {
		if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
			return;
		}
		switch (parameter.getName()) {
			case "page" -> {
				parameter.getSchema().setMinimum(BigDecimal.ZERO);
				parameter.description("页码，从 0 开始；小于 0 时答复 400");
			}
			case "size" -> {
				parameter.getSchema().setMinimum(null);
				parameter.getSchema().setMaximum(null);
				parameter.description("每页条数，最多 200；小于 1 按该列表的默认条数，大于 200 按 200 处理");
			}
			case "sort" -> parameter.description("排序：属性名[,asc|desc]，可重复；列表不提供的属性答复 400，其消息列出该列表可用的排序属性");
			default -> {
			}
		}
	}

	/** RFC 9457 problem details as {@link Problems} writes them, with the API's {@code code}. */
	private static Schema<?> problemSchema() {
		Schema<Object> fieldError = new JsonSchema().type("object")
			.addProperty("field", new JsonSchema().type("string").description("字段名"))
			.addProperty("message", new JsonSchema().type("string").description("该字段的问题（中文）"));
		fieldError.setRequired(List.of("field", "message"));
		Schema<Object> problem = new JsonSchema().type("object")
			.description("问题详情（RFC 9457）：title 与 detail 为中文，code 供程序判断")
			.addProperty("type", new JsonSchema().type("string").format("uri").example("urn:liandong:problem:validation-failed"))
			.addProperty("title", new JsonSchema().type("string").example("请求有误"))
			.addProperty("status", new JsonSchema().type("integer").format("int32").example(400))
			.addProperty("detail", new JsonSchema().type("string").example("请填写机构名称"))
			.addProperty("instance", new JsonSchema().type("string").format("uri-reference"))
			.addProperty("code", new JsonSchema().type("string").description("机器可读的错误代码").example("validation-failed"))
			.addProperty("errors", new JsonSchema().type("array").items(fieldError)
				.description("字段校验失败时，逐个列出的字段及其问题"));
		problem.setRequired(List.of("type", "title", "status", "detail", "code"));
		return problem;
	}
}
