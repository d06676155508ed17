package org.a4p.portal.support;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser's session for MockMvc requests ({@code .with(session)}): sessions live in PostgreSQL
 * (Spring Session JDBC) and are found by the {@code SESSION} cookie, so a {@code MockHttpSession} would
 * be ignored. This carries the cookie from each response to the next request, as a browser does
 * (through {@link Carrying}, which {@link PortalTest} imports).
 */
public final class CookieSession implements RequestPostProcessor {

	public static final String COOKIE = "SESSION";

	private static final String ATTRIBUTE = CookieSession.class.getName();

	private @Nullable Cookie cookie;

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		if (this.cookie != null) {
			List<Cookie> cookies = new ArrayList<>();
			if (request.getCookies() != null) {
				cookies.addAll(List.of(request.getCookies()));
			}
			cookies.add(this.cookie);
			request.setCookies(cookies.toArray(Cookie[]::new));
		}
		request.setAttribute(ATTRIBUTE, this);
		return request;
	}

	/** The session cookie's value (the encoded session id); {@code null} before the portal made a session. */
	public @Nullable String id() {
		return (this.cookie != null) ? this.cookie.getValue() : null;
	}

	private void update(MockHttpServletResponse response) {
		Cookie set = response.getCookie(COOKIE);
		if (set != null) {
			this.cookie = (set.getMaxAge() == 0) ? null : new Cookie(COOKIE, set.getValue());
		}
	}

	/** After every MockMvc request made {@code .with(aCookieSession)}, keeps the cookie its response set. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Carrying {

		@Bean
		MockMvcBuilderCustomizer cookieSessions() {
			return (builder) -> builder.alwaysDo((result) -> {
				if (result.getRequest().getAttribute(ATTRIBUTE) instanceof CookieSession session) {
					session.update(result.getResponse());
				}
			});
		}

	}

}
