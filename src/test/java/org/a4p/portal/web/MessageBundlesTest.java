package org.a4p.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle has the same keys in every language, no empty message, and in each message the same
 * arguments ({0}, {1}…) as in English.
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
