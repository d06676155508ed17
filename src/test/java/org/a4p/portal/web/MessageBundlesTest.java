package org.a4p.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle has the same keys in every language, no empty message, and in each message the same
 * arguments ({0}, {1}…) as in English. Every message is a valid ICU pattern in its language (the portal
 * formats messages with ICU), and every {@code plural} gives a form for each plural category the language
 * uses for whole numbers (Arabic: zero, one, two, few, many, other; Russian: one, few, many, other; English,
 * French, Spanish: one, other; Chinese: other).
 */
class MessageBundlesTest {

	private static final String[] LANGUAGES = { "zh", "ar", "fr", "ru", "es" };

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

	@Test
	void everyKeyExistsInEveryLanguage() throws IOException {
		Resource[] defaults = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		int bundles = 0;
		for (Resource resource : defaults) {
			String name = resource.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			bundles++;
			String base = name.substring(0, name.length() - ".properties".length());
			Properties english = load(resource);
			english.forEach((k, v) -> assertThat(v.toString()).as(base + ": " + k).isNotBlank());
			for (String lang : LANGUAGES) {
				Resource translated = resource.createRelative(base + "_" + lang + ".properties");
				assertThat(translated.exists()).as(base + "_" + lang + ".properties").isTrue();
				Properties other = load(translated);
				assertThat(keys(other)).as("keys of " + base + "_" + lang).isEqualTo(keys(english));
				other.forEach((k, v) -> assertThat(v.toString()).as(base + "_" + lang + ": " + k).isNotBlank());
				other.forEach((k, v) -> assertThat(arguments(v.toString())).as(base + "_" + lang + ": arguments of " + k)
					.isEqualTo(arguments(english.getProperty(k.toString()))));
			}
		}
		assertThat(bundles).isGreaterThanOrEqualTo(4);
	}

	@Test
	void everyMessageIsAnIcuPatternWithEveryPluralFormItsLanguageNeeds() throws IOException {
		List<String> problems = new ArrayList<>();
		int plurals = 0;
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
			String name = resource.getFilename();
			String lang = (name != null && name.contains("_")) ? name.substring(name.indexOf('_') + 1, name.indexOf('.'))
					: "en";
			ULocale locale = ULocale.forLanguageTag(lang);
			Set<String> needed = new TreeSet<>();
			PluralRules rules = PluralRules.forLocale(locale);
			for (int n = 0; n <= 1000; n++) {
				needed.add(rules.select(n));
			}
			needed.add("other");
			Properties messages = load(resource);
			for (String key : keys(messages)) {
				String pattern = messages.getProperty(key);
				if (pattern.indexOf('{') < 0) {
					continue;
				}
				MessagePattern parsed;
				try {
					parsed = new MessagePattern(pattern);
					new MessageFormat(pattern, locale);
				}
				catch (IllegalArgumentException ex) {
					problems.add(name + ": " + key + " is not an ICU message pattern: " + ex.getMessage());
					continue;
				}
				for (int i = 0; i < parsed.countParts(); i++) {
					MessagePattern.Part part = parsed.getPart(i);
					if (part.getType() == MessagePattern.Part.Type.ARG_START
							&& part.getArgType() == MessagePattern.ArgType.PLURAL) {
						plurals++;
						Set<String> forms = new TreeSet<>();
						int limit = parsed.getLimitPartIndex(i);
						for (int j = i + 1; j < limit; j++) {
							MessagePattern.Part selector = parsed.getPart(j);
							if (selector.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
								forms.add(parsed.getSubstring(selector));
							}
							if (selector.getType() == MessagePattern.Part.Type.MSG_START) {
								j = parsed.getLimitPartIndex(j);
							}
						}
						Set<String> missing = new TreeSet<>(needed);
						missing.removeAll(forms);
						if (!missing.isEmpty()) {
							problems.add(name + ": " + key + " lacks the plural forms " + missing + " (has " + forms + ")");
						}
						Set<String> unknown = new TreeSet<>(forms);
						unknown.removeIf((form) -> form.startsWith("=") || rules.getKeywords().contains(form));
						if (!unknown.isEmpty()) {
							problems.add(name + ": " + key + " has plural forms " + unknown + " that " + lang + " does not use");
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(plurals).as("plural arguments found").isGreaterThan(100);
	}

	/** The argument numbers a message uses ({0}, {1,number}…). */
	private static Set<String> arguments(String message) {
		Set<String> numbers = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			numbers.add(matcher.group(1));
		}
		return numbers;
	}

	private static Set<String> keys(Properties properties) {
		Set<String> keys = new TreeSet<>();
		properties.keySet().forEach((k) -> keys.add(k.toString()));
		return keys;
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
