package org.a4p.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A value a controller takes as an argument of its own type, read from the request (such as the cycle a public
 * page shows, from {@code ?cycle=}) and put in the model for the layout. A module declares one as a bean; every such
 * bean is registered with Spring MVC here in {@code web} ({@link RequestArguments}), so no module needs its own MVC
 * configuration.
 * @param <T> the type of the argument
 */
public abstract class RequestArgument<T> implements HandlerMethodArgumentResolver {

	private final Class<T> type;

	protected RequestArgument(Class<T> type) {
		this.type = type;
	}

	/** The value of the request; refuses a value that is not one as any request check does (400, 404). */
	protected abstract T read(HttpServletRequest request);

	/** Puts what the page's layout needs of the value in the model. */
	protected abstract void expose(T value, ModelMap model);

	@Override
	public final boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == this.type;
	}

	@Override
	public final T resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request == null) {
			throw new IllegalStateException("Not a servlet request");
		}
		T value = read(request);
		if (container != null) {
			expose(value, container.getModel());
		}
		return value;
	}

}
