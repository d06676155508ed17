package org.a4p.portal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates keep to the house's one way for each thing: the page head (title suffix, breadcrumb,
 * flash, error summary, the one h1) only in fragments/layout, form markup (error summary, error
 * messages) only in fragments/fields, and nothing the Content-Security-Policy would block.
 */
class TemplateConventionsTest {

	private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	/** What only one template may write, and which one. */
	private static final Map<Pattern, String> ONLY_IN = Map.of(
			Pattern.compile("#\\{site\\.name\\}|' – '"), "fragments/layout.html",
			Pattern.compile("<head[\\s>]"), "fragments/layout.html",
			Pattern.compile("class=\"breadcrumb"), "fragments/layout.html",
			Pattern.compile("<h1[\\s>]"), "fragments/layout.html",
			Pattern.compile("fields :: flash"), "fragments/layout.html",
			Pattern.compile("error-summary|form\\.error-summary"), "fragments/fields.html",
			Pattern.compile("error-message|form\\.error-label"), "fragments/fields.html");

	private static final Pattern INLINE_STYLE_OR_SCRIPT = Pattern.compile("\\sstyle=|<style[\\s>]|<script(?![^>]*\\s(?:th:)?src=)|\\son[a-z]+=",
			Pattern.CASE_INSENSITIVE);

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static String name(Path template) {
		return TEMPLATES.relativize(template).toString().replace('\\', '/');
	}

	@Test
	void thePageHeadAndTheFormMarkupAreWrittenOnceEach() throws IOException {
		List<String> strays = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template, StandardCharsets.UTF_8);
			ONLY_IN.forEach((pattern, owner) -> {
				if (!name(template).equals(owner) && pattern.matcher(text).find()) {
					strays.add(name(template) + " writes " + pattern.pattern() + " (only " + owner + " should)");
				}
			});
		}
		assertThat(strays).isEmpty();
	}

	@Test
	void everyPageGoesThroughTheLayoutAndItsPageHead() throws IOException {
		List<String> strays = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template, StandardCharsets.UTF_8);
			boolean page = text.contains("fragments/layout :: layout(");
			boolean head = text.contains("fragments/layout :: pageHead(");
			boolean errorPage = text.contains("fragments/error :: page(");
			if (name(template).startsWith("fragments/") || errorPage) {
				continue;
			}
			if (text.contains("<main") && !(page && head)) {
				strays.add(name(template));
			}
		}
		assertThat(strays).as("pages without the layout or its pageHead").isEmpty();
	}

	@Test
	void noTemplateHasAnInlineStyleScriptOrEventHandler() throws IOException {
		List<String> strays = new ArrayList<>();
		for (Path template : templates()) {
			if (INLINE_STYLE_OR_SCRIPT.matcher(Files.readString(template, StandardCharsets.UTF_8)).find()) {
				strays.add(name(template));
			}
		}
		assertThat(strays).isEmpty();
	}

}
