package org.a4p.portal.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing a reader sees is written in a template (it would show in English in every language): every
 * text and every user-visible attribute ({@code title}, {@code aria-label}, {@code placeholder}, {@code alt},
 * a button's {@code value}) comes from the message bundles. The placeholder text inside an element whose
 * {@code th:text} replaces it is fine; so are punctuation, code ({@code <code>}, {@code <pre>}) and text in
 * Thymeleaf comments. String literals in expressions that become text ({@code th:text}, the headings,
 * captions and labels given to fragments) must not hold words either. And dates, times and numbers are
 * written through {@code #fmt} (i18n.Formats), never {@code #temporals}, {@code #dates} or {@code #numbers}.
 */
class TemplateTextTest {

	private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** Attributes a reader sees or hears. */
	private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("title", "aria-label", "placeholder", "alt",
			"aria-description", "summary", "label");

	/** Elements whose text is code, shown as it is in every language. */
	private static final Set<String> CODE = Set.of("code", "pre", "kbd", "samp", "script", "style");

	/** Thymeleaf attributes whose expression becomes text (their string literals must hold no words). */
	private static final Set<String> TEXT_EXPRESSIONS = Set.of("th:text", "th:utext", "th:title", "th:aria-label",
			"th:placeholder", "th:alt", "th:value");

	/** Fragment parameters that become text (pageHead, fields, lists…). */
	private static final Pattern TEXT_PARAMETER = Pattern
		.compile("\\b(heading|caption|lead|label|hint|legend|submit|cancelText|clear|empty|title|what|value)\\s*=\\s*");

	private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

	private static final Pattern MESSAGE_KEY = Pattern.compile("[a-z0-9-]+(\\.[A-Za-z0-9_-]*)+\\.?");

	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			problems.addAll(problems(TEMPLATES.relativize(template).toString(), Files.readString(template)));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckFindsTextAttributesAndLiteralsButNotPlaceholdersOrCode() {
		String page = """
				<html th:replace="~{fragments/layout :: layout(#{t}, ~{::main})}"><body><main id="main">
				<p th:text="#{a}">Placeholder</p> <p>Written here</p> <code>iso3</code> · –
				<a href="/" title="Home" th:text="#{b}">x</a> <input placeholder="Type" th:placeholder="#{c}">
				<span th:text="${x} + ' UTC'">y</span> <span th:text="#{${'status.' + s}}">z</span>
				<div th:replace="~{fragments/layout :: pageHead(heading=#{h}, caption='Thematic area')}"></div>
				<table th:replace="~{fragments/lists :: listTable(rows=~{::r})}"><tr th:fragment="r"><td>Row text</td></tr></table>
				</main></body></html>""";
		assertThat(problems("t.html", page)).containsExactly("t.html: text “Written here” in <p>",
				"t.html: title=\"Home\" on <a>", "t.html: th:text writes ' UTC' on <span>",
				"t.html: caption given as 'Thematic area' in th:replace", "t.html: text “Row text” in <td>");
	}

	private static List<String> problems(String name, String html) {
		List<String> problems = new ArrayList<>();
		{
			Document doc = Jsoup.parse(html, "", Parser.htmlParser());
			for (Element element : doc.getAllElements()) {
				for (org.jsoup.nodes.Node child : element.childNodes()) {
					if (child instanceof TextNode text && LETTER.matcher(text.text()).find() && !placeholder(element)) {
						problems.add(name + ": text “" + text.text().strip() + "” in <" + element.tagName() + ">");
					}
				}
				for (Attribute attribute : element.attributes()) {
					String key = attribute.getKey();
					if (VISIBLE_ATTRIBUTES.contains(key) && LETTER.matcher(attribute.getValue()).find()
							&& !element.hasAttr("th:" + key)) {
						problems.add(name + ": " + key + "=\"" + attribute.getValue() + "\" on <" + element.tagName() + ">");
					}
					if (key.equals("value") && (element.attr("type").equals("submit") || element.attr("type").equals("button"))
							&& LETTER.matcher(attribute.getValue()).find() && !element.hasAttr("th:value")) {
						problems.add(name + ": button value \"" + attribute.getValue() + "\"");
					}
					if (TEXT_EXPRESSIONS.contains(key)) {
						wordsInLiterals(attribute.getValue()).forEach((literal) -> problems
							.add(name + ": " + key + " writes '" + literal + "' on <" + element.tagName() + ">"));
					}
					if (key.equals("th:attr")) {
						Matcher aria = Pattern.compile("aria-label\\s*=\\s*([^,]*)").matcher(attribute.getValue());
						while (aria.find()) {
							wordsInLiterals(aria.group(1)).forEach((literal) -> problems
								.add(name + ": th:attr aria-label writes '" + literal + "'"));
						}
					}
					if (key.equals("th:replace") || key.equals("th:insert")) {
						Matcher parameter = TEXT_PARAMETER.matcher(attribute.getValue());
						while (parameter.find()) {
							String rest = attribute.getValue().substring(parameter.end());
							wordsInLiterals(upToNextParameter(rest)).forEach((literal) -> problems.add(name + ": "
									+ parameter.group(1) + " given as '" + literal + "' in " + key));
						}
					}
				}
			}
		}
		return problems;
	}

	@Test
	void datesTimesAndNumbersAreFormattedThroughFmt() throws IOException {
		List<String> problems = new ArrayList<>();
		Pattern byHand = Pattern.compile("#(temporals|dates|calendars|numbers)\\.format\\w*\\(");
		for (Path template : templates()) {
			Matcher matcher = byHand.matcher(Files.readString(template));
			while (matcher.find()) {
				problems.add(TEMPLATES.relativize(template) + ": " + matcher.group() + "…) (use #fmt.date, #fmt.dateTime, "
						+ "#fmt.number or #fmt.percent)");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void namesAreSortedByIcuCollationNotTheJdks() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				if (Files.readString(file).contains("java.text.Collator")) {
					problems.add(file + " uses java.text.Collator: sort names with i18n.Formats.collation(locale) "
							+ "(the JDK's order of Arabic differs from the language's)");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Whether text directly inside this element is replaced when the page is rendered (or is code): an
	 * element (or ancestor) with {@code th:text}, or an ancestor with {@code th:replace}/{@code th:insert}
	 * unless the text is in a fragment given to it as an argument ({@code th:fragment}, or the page's
	 * {@code <main>} given to the layout).
	 */
	private static boolean placeholder(Element element) {
		boolean inFragment = false;
		for (Element e = element; e != null; e = e.parent()) {
			if (CODE.contains(e.tagName()) || e.hasAttr("th:text") || e.hasAttr("th:utext")
					|| e.attr("th:remove").equals("all")) {
				return true;
			}
			if (!inFragment && (e.hasAttr("th:replace") || e.hasAttr("th:insert"))) {
				return true;
			}
			if (e.hasAttr("th:fragment") || e.tagName().equals("main")) {
				inFragment = true;
			}
		}
		return false;
	}

	/** String literals holding words in an expression, other than message keys, paths and compared values. */
	static List<String> wordsInLiterals(String expression) {
		List<String> words = new ArrayList<>();
		Matcher literal = LITERAL.matcher(expression);
		while (literal.find()) {
			String value = literal.group(1);
			if (!LETTER.matcher(value).find() || MESSAGE_KEY.matcher(value).matches() || value.startsWith("/")
					|| value.startsWith("#") || insideMessageKey(expression, literal.start())) {
				continue;
			}
			String before = expression.substring(0, literal.start()).stripTrailing();
			String after = expression.substring(literal.end()).stripLeading();
			if (before.endsWith("==") || before.endsWith("!=") || after.startsWith("==") || after.startsWith("!=")
					|| before.endsWith("(") && after.startsWith(")") && before.matches("(?s).*\\.(equals|startsWith|endsWith|contains)\\($")) {
				continue;
			}
			words.add(value);
		}
		return words;
	}

	/** Whether a position is inside {@code #{…}} (a message key being built). */
	private static boolean insideMessageKey(String expression, int position) {
		int open = expression.lastIndexOf("#{", position);
		if (open < 0) {
			return false;
		}
		int depth = 0;
		for (int i = open + 1; i < position; i++) {
			char c = expression.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
				if (depth == 0) {
					return false;
				}
			}
		}
		return depth > 0;
	}

	/** A fragment parameter's value: up to the next top-level comma or the end of the call. */
	private static String upToNextParameter(String rest) {
		int depth = 0;
		boolean quoted = false;
		for (int i = 0; i < rest.length(); i++) {
			char c = rest.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '{' || c == '[')) {
				depth++;
			}
			else if (!quoted && (c == ')' || c == '}' || c == ']')) {
				if (depth == 0) {
					return rest.substring(0, i);
				}
				depth--;
			}
			else if (!quoted && c == ',' && depth == 0) {
				return rest.substring(0, i);
			}
		}
		return rest;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> html = files.filter((f) -> f.toString().endsWith(".html")).sorted().toList();
			assertThat(html).hasSizeGreaterThan(30);
			return html;
		}
	}

}
