package org.a4p.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message bundle has the same keys in every language, and no empty message. */
class MessageBundlesTest {

	private static final String[] LANGUAGES = { "zh" };

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
			}
		}
		assertThat(bundles).isGreaterThanOrEqualTo(4);
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
