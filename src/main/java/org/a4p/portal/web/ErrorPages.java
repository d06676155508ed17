package org.a4p.portal.web;

import java.util.Map;

import org.a4p.portal.operations.RequestIds;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What error pages know beyond Spring Boot's defaults: the request's reference (its id, also in every
 * log line of the request: {@link RequestIds}) and why a request was refused ({@link RequestChecks}).
 */
@Configuration(proxyBeanMethods = false)
class ErrorPages {

	/** The model attribute the layout shows as "Reference: …" on error pages. */
	static final String REFERENCE = "reference";

	/** Ahead of the page cache ({@code HIGHEST_PRECEDENCE + 10}): a refused request is never cached or rendered. */
	static final int REQUEST_CHECKS_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	@Bean
	DefaultErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request, options);
				Object id = request.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				if (id != null) {
					attributes.put(REFERENCE, id);
				}
				Object reason = request.getAttribute(RequestChecks.REFUSED_BECAUSE, RequestAttributes.SCOPE_REQUEST);
				if (reason != null) {
					attributes.put("refusedBecause", reason);
				}
				return attributes;
			}
		};
	}

	@Bean
	FilterRegistrationBean<RequestChecks> requestChecks() {
		FilterRegistrationBean<RequestChecks> registration = new FilterRegistrationBean<>(new RequestChecks());
		registration.setOrder(REQUEST_CHECKS_ORDER);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
