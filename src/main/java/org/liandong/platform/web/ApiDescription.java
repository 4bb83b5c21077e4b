package org.liandong.platform.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API's own description at {@code /v3/api-docs} (issue 20): its title, how a caller
 * authenticates (HTTP Basic, with the current one-time password in {@code X-OTP} where the account
 * uses a second factor), and a schema name per Java type. Request bodies are often small records
 * nested in their controller ({@code Decision}, {@code Entry}); named by their simple name alone,
 * the credit decision, the major report's decline and the minutes' decisions became one schema,
 * so a client following the description sent the wrong fields.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenAPI liandongApi() {
		return new OpenAPI()
			.info(new Info().title("联动 Liandong API").version("v1")
				.description("应急管理系统跨区域执法联动协作平台接口。错误以 RFC 9457 问题详情（application/problem+json）返回，"
						+ "含机器可读的 code 和中文 detail。"))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
					.description("用户名与密码"))
				.addSecuritySchemes("otp", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER).name("X-OTP")
					.description("已绑定或角色要求动态口令的账户：当前 6 位动态口令（RFC 6238）")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("basic").addList("otp"));
	}

	@Bean
	NestedTypeNames typeNames() {
		return new NestedTypeNames();
	}

	/** Schemas of nested types are named with their enclosing type: {@code CreditDecision}, {@code CalendarEntry}. */
	@Bean
	ModelResolver nestedTypeNames(NestedTypeNames names) {
		return new ModelResolver(Json.mapper(), names);
	}

	/** Which properties may be null, and the least length of required text, from the Java types (issue 20). */
	@Bean
	OpenApiCustomizer nullability(NestedTypeNames names) {
		return new Nullability(names::typeOf);
	}

	static final class NestedTypeNames extends TypeNameResolver {

		/**
		 * Shared by every application context of the JVM: swagger's converters are a JVM-wide
		 * singleton, so the resolver of the first context names the types of later ones too (a
		 * test run's contexts); a name always stands for the same class, so one map serves all.
		 */
		private static final Map<String, Class<?>> types = new ConcurrentHashMap<>();

		Optional<Class<?>> typeOf(String schemaName) {
			return Optional.ofNullable(types.get(schemaName));
		}

		@Override
		public String nameForType(JavaType type, Set<Options> options) {
			String name = super.nameForType(type, options);
			types.putIfAbsent(name, type.getRawClass());
			return name;
		}

		@Override
		protected String getNameOfClass(Class<?> type) {
			String simple = super.getNameOfClass(type);
			Class<?> enclosing = type.getEnclosingClass();
			if (enclosing == null || simple.contains(".")) {
				return simple;
			}
			String outer = enclosing.getSimpleName().replaceFirst("(ApiController|Controller|Pages|Page)$", "");
			return simple.startsWith(outer) ? simple : outer + simple;
		}
	}
}
