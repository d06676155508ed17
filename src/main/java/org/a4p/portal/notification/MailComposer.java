package org.a4p.portal.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a message from its two templates, {@code mail/<kind>.txt} (beside, not among, the pages' templates) (Thymeleaf TEXT mode) and
 * {@code .html} (HTML mode, escaped as any page), and its subject from {@code mail.<kind>.subject}, all in
 * the recipient's language. The engine is the portal's own for mail, not a bean: the pages' engine stays
 * Boot's.
 */
@Component
class MailComposer {

	/** A rendered message. */
	record Composed(String subject, String text, String html) {
	}

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	MailComposer(MessageSource messages) {
		this.messages = messages;
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateEngineMessageSource(messages);
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setOrder(order);
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		return resolver;
	}

	/**
	 * @param link the absolute URL of the page the message is about
	 * @param unsubscribe the absolute URL of the unsubscribe page (optional messages), else {@code null}
	 */
	Composed compose(MailKind kind, Recipient to, Object[] subjectArgs, String link, @Nullable String unsubscribe,
			Map<String, ?> variables) {
		Locale locale = to.language();
		Map<String, @Nullable Object> all = new HashMap<>(variables);
		all.put("recipient", to);
		all.put("link", link);
		all.put("unsubscribe", unsubscribe);
		all.put("lang", locale.getLanguage());
		all.put("dir", "ar".equals(locale.getLanguage()) ? "rtl" : "ltr");
		Context context = new Context(locale, all);
		String subject = this.messages.getMessage("mail." + kind.template() + ".subject", subjectArgs, locale);
		return new Composed(subject, this.engine.process(kind.template() + ".txt", context),
				this.engine.process(kind.template() + ".html", context));
	}

}
