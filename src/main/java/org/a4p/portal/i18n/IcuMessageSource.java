package org.a4p.portal.i18n;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The portal's messages (the bundles named by {@code spring.messages.basename}), formatted with ICU's
 * {@link MessageFormat} instead of {@code java.text}'s: plural forms by each language's rules
 * ({@code {0, plural, one {# row} other {# rows}}}, with Arabic's zero/one/two/few/many/other and
 * Russian's one/few/many/other), numbers by {@link Formats}' locale (Western digits in Arabic, see
 * docs/adr/0070-formats-by-locale.md). A date argument ({@code LocalDate}) is written as
 * {@link Formats#date}, a moment ({@code Instant}, {@code OffsetDateTime}…) as {@link Formats#dateTime}, so
 * a date reads the same in a sentence as in a table, whoever passed it (a template or a refusal).
 * <p>
 * In a right-to-left language, each text argument is isolated (Unicode FSI … PDI), so that a code such
 * as {@code POL-1}, a URL or a name in Latin letters keeps its order inside an Arabic sentence, in the
 * page and in places markup cannot reach (the {@code <title>}, attributes).
 * <p>
 * Apostrophes: ICU's default mode keeps a lone {@code '} as written and reads {@code ''} as one, so the
 * bundles' rule (write {@code ''} in messages with arguments) gives the same text as before.
 */
final class IcuMessageSource extends ResourceBundleMessageSource {

	/** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE. */
	static final char FSI = '\u2068';

	static final char PDI = '\u2069';

	private record Key(String pattern, Locale locale) {
	}

	private final Map<Key, MessageFormat> formats = new ConcurrentHashMap<>();

	IcuMessageSource(String... basenames) {
		setBasenames(basenames);
		setDefaultEncoding("UTF-8");
		setFallbackToSystemLocale(false);
	}

	@Override
	protected @Nullable String getMessageInternal(@Nullable String code, Object @Nullable [] args,
			@Nullable Locale locale) {
		if (code == null) {
			return null;
		}
		Locale language = (locale != null) ? locale : Locale.ENGLISH;
		String pattern = resolveCodeWithoutArguments(code, language);
		if (pattern == null) {
			return super.getMessageInternal(code, args, language);
		}
		return formatMessage(pattern, args, language);
	}

	@Override
	protected String formatMessage(String message, Object @Nullable [] args, Locale locale) {
		if ((args == null || args.length == 0) && message.indexOf('{') < 0) {
			return message;
		}
		MessageFormat format = this.formats.computeIfAbsent(new Key(message, locale),
				(key) -> new MessageFormat(key.pattern(), Formats.icu(key.locale())));
		Object[] resolved = isolated(datesFormatted(resolveArguments(args, locale), locale), locale);
		synchronized (format) {
			// ICU's MessageFormat is not thread-safe.
			return format.format(resolved);
		}
	}

	private static Object @Nullable [] datesFormatted(Object @Nullable [] args, Locale locale) {
		if (args == null) {
			return null;
		}
		Object[] out = args;
		Formats formats = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof TemporalAccessor temporal) {
				if (out == args) {
					out = args.clone();
					formats = new Formats(locale);
				}
				out[i] = (temporal instanceof LocalDate) ? formats.date(temporal) : formats.dateTime(temporal);
			}
		}
		return out;
	}

	private static Object[] isolated(Object @Nullable [] args, Locale locale) {
		if (args == null) {
			return new Object[0];
		}
		if (!PortalLocales.isRightToLeft(locale)) {
			return args;
		}
		Object[] out = args.clone();
		for (int i = 0; i < out.length; i++) {
			if (out[i] instanceof CharSequence text && !text.isEmpty()) {
				out[i] = FSI + text.toString() + PDI;
			}
		}
		return out;
	}

}
