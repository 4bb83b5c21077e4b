package org.liandong.integration.web;

import org.liandong.integration.Scope;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API description names the client-credentials flow and its scopes, from {@link Scope} itself. */
@Configuration(proxyBeanMethods = false)
class ClientCredentialsDescription {

	static final String SCHEME = "clientCredentials";

	@Bean
	OpenApiCustomizer clientCredentials() {
		return api -> {
			Scopes scopes = new Scopes();
			for (Scope scope : Scope.values()) {
				scopes.addString(scope.value(), scope.label());
			}
			api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
				.description("接入客户端（其他系统）：以客户端凭证申请令牌，只能调用其权限范围开放的读取与核查接口")
				.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes))));
			api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		};
	}
}
