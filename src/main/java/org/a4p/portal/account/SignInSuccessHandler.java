package org.a4p.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where a successful sign-in leads: the page the user asked for before being sent to sign in (a saved
 * request), else their work ({@link Role#home()}): a delegate their state's page, Secretariat staff their work
 * page, an administrator the administration.
 */
@Component
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return (authentication.getPrincipal() instanceof PortalUser user) ? user.role().home() : "/account";
	}

}
