package org.a4p.portal.publication;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Public progress pages may take an {@link Edition}: the cycle and publication they show. */
@Configuration(proxyBeanMethods = false)
class PublicationWebConfiguration implements WebMvcConfigurer {

	private final Editions editions;

	PublicationWebConfiguration(Editions editions) {
		this.editions = editions;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.editions);
	}

}
