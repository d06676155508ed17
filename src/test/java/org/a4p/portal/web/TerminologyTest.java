package org.a4p.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each status has one word per language everywhere (docs/translations.md): wherever an English message
 * names a status of the scale ("Substantial", "No evidence"…), its translation uses that language's word
 * for the status (status.* in common), in its exact form; and a review state named again elsewhere
 * (my.workflow.*) is the same word as workflow.*.
 */
class TerminologyTest {

	private static final List<String> LANGUAGES = List.of("ar", "zh", "fr", "ru", "es");

	/** Keys where the English words are not the status: "No evidence links" is about links. */
	private static final Set<String> NOT_A_STATUS = Set.of("entry.evidence.none");

	@Test
	void everyMessageThatNamesAStatusUsesThatLanguagesWordForIt() throws IOException {
		Map<String, Properties> english = bundles("");
		Properties englishCommon = english.get("common");
		Map<String, String> terms = new LinkedHashMap<>();
		englishCommon.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("status."))
			.sorted()
			.forEach((key) -> terms.put(key, englishCommon.getProperty(key)));
		assertThat(terms).hasSize(6);
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (String lang : LANGUAGES) {
			Map<String, Properties> translated = bundles("_" + lang);
			Properties common = translated.get("common");
			for (Map.Entry<String, Properties> bundle : english.entrySet()) {
				for (String key : bundle.getValue().stringPropertyNames()) {
					if (key.startsWith("status.") || NOT_A_STATUS.contains(key)) {
						continue;
					}
					String text = bundle.getValue().getProperty(key);
					for (Map.Entry<String, String> term : terms.entrySet()) {
						if (Pattern.compile("\\b" + Pattern.quote(term.getValue()) + "\\b").matcher(text).find()) {
							checked++;
							String word = common.getProperty(term.getKey());
							String translation = translated.get(bundle.getKey()).getProperty(key);
							if (!translation.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT))) {
								problems.add(bundle.getKey() + "_" + lang + ": " + key + " names “" + term.getValue()
										+ "” but not “" + word + "”: " + translation);
							}
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(checked).as("messages naming a status, in every language").isGreaterThan(20);
	}

	@Test
	void aReviewStateIsTheSameWordWhereverItIsNamed() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String suffix : List.of("", "_ar", "_zh", "_fr", "_ru", "_es")) {
			Map<String, Properties> bundles = bundles(suffix);
			Properties progress = bundles.get("progress");
			Properties accounts = bundles.get("accounts");
			for (String state : List.of("DRAFT", "SUBMITTED", "VALIDATED", "RETURNED")) {
				String word = progress.getProperty("workflow." + state);
				String again = accounts.getProperty("my.workflow." + state);
				assertThat(word).as("workflow." + state + " in progress" + suffix).isNotBlank();
				// the page for a state's own entries once had its own copies of the words: none may differ
				if (again != null && !word.equals(again)) {
					problems.add("accounts" + suffix + ": my.workflow." + state + " is “" + again + "”, workflow." + state
							+ " is “" + word + "”");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** Every bundle in one language ("" English, "_ar"…), by bundle name. */
	static Map<String, Properties> bundles(String suffix) throws IOException {
		Map<String, Properties> bundles = new LinkedHashMap<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
			String name = resource.getFilename();
			if (name == null) {
				continue;
			}
			String base = name.substring(0, name.length() - ".properties".length());
			boolean english = !base.contains("_");
			if (suffix.isEmpty() ? english : base.endsWith(suffix)) {
				Properties properties = new Properties();
				try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				bundles.put(english ? base : base.substring(0, base.length() - suffix.length()), properties);
			}
		}
		return bundles;
	}

}
