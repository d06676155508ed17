package org.a4p.portal.i18n;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * How Spring MVC chooses a request's language ({@link PortalLocales}, and {@code ?lang=} to switch),
 * how messages are formatted ({@link IcuMessageSource}) and {@code #fmt} in templates ({@link Formats}).
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new PortalLocales();
	}

	/**
	 * The bundles named by {@code spring.messages.basename} (a bean of this name makes Boot's own message
	 * source back off), formatted by ICU.
	 */
	@Bean
	MessageSource messageSource(Environment environment) {
		String[] basenames = Binder.get(environment)
			.bind("spring.messages.basename", String[].class)
			.orElseThrow(() -> new IllegalStateException("spring.messages.basename names no message bundle"));
		return new IcuMessageSource(basenames);
	}

	@Bean
	FormatsDialect formatsDialect() {
		return new FormatsDialect();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		registry.addInterceptor(lang);
	}

}
