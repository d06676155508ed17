package org.a4p.portal.notification;

import org.a4p.portal.account.PortalUser;

import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** At each sign-in, the language of the request is remembered as the default language of the user's messages. */
@Component
class SignInLanguage {

	private final MessageSettings settings;

	SignInLanguage(MessageSettings settings) {
		this.settings = settings;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
			this.settings.signedInWith(user.id(), MailLanguages.code(LocaleContextHolder.getLocale()));
		}
	}

}
