package org.a4p.portal.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers every {@link RequestArgument} bean of any module with Spring MVC. */
@Configuration(proxyBeanMethods = false)
class RequestArguments implements WebMvcConfigurer {

	private final List<RequestArgument<?>> arguments;

	RequestArguments(List<RequestArgument<?>> arguments) {
		this.arguments = arguments;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.addAll(this.arguments);
	}

}
