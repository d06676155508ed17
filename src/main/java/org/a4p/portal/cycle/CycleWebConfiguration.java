package org.a4p.portal.cycle;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Controllers may take a {@link CycleChoice}: the cycle a page shows ({@code ?cycle=}). */
@Configuration(proxyBeanMethods = false)
class CycleWebConfiguration implements WebMvcConfigurer {

	private final CycleChoices choices;

	CycleWebConfiguration(CycleChoices choices) {
		this.choices = choices;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.choices);
	}

}
