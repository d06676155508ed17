package org.a4p.portal.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the W3C's HTML validator, {@code nu.validator:validator}) in process, without network:
 * its schema comes from the jar. Setting it up takes seconds, a page then milliseconds: make one and check
 * many pages with it. Not thread-safe. See /work/spikes/s2/FINDINGS.md section 1 (Jetty 11 pinned in the pom).
 */
public final class HtmlChecker {

	/** A message of the checker; only errors (and fatal errors) make a page invalid. */
	public record Problem(String severity, int line, int column, String message) {

		public boolean error() {
			return !"warning".equals(this.severity);
		}

		@Override
		public String toString() {
			return this.severity + " " + this.line + ":" + this.column + " " + this.message;
		}

	}

	static {
		// the validator logs through log4j 1.2: silence "log4j:WARN No appenders"
		org.apache.log4j.BasicConfigurator.configure(new org.apache.log4j.varia.NullAppender());
	}

	private final List<Problem> problems = new ArrayList<>();

	private final SimpleDocumentValidator validator;

	public HtmlChecker() {
		ErrorHandler collector = new ErrorHandler() {

			@Override
			public void warning(SAXParseException ex) {
				add("warning", ex);
			}

			@Override
			public void error(SAXParseException ex) {
				add("error", ex);
			}

			@Override
			public void fatalError(SAXParseException ex) {
				add("fatal", ex);
			}

		};
		try {
			// (initializeLog4j, logUrls, enableLanguageDetection)
			this.validator = new SimpleDocumentValidator(false, false, false);
			this.validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", collector);
			// (errorHandler, noStream: buffer the page, loadExternalEntities)
			this.validator.setUpValidatorAndParsers(collector, true, false);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The Nu Html Checker could not be set up", ex);
		}
	}

	private void add(String severity, SAXParseException ex) {
		this.problems.add(new Problem(severity, ex.getLineNumber(), ex.getColumnNumber(), ex.getMessage()));
	}

	/** Every message on a page (UTF-8 HTML), warnings included. */
	public List<Problem> check(String html) {
		this.problems.clear();
		InputSource in = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
		in.setSystemId("page.html");
		try {
			this.validator.checkHtmlInputSource(in);
		}
		catch (SAXException ex) {
			if (this.problems.isEmpty()) {
				this.problems.add(new Problem("fatal", 0, 0, String.valueOf(ex.getMessage())));
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return List.copyOf(this.problems);
	}

	/** The errors on a page (warnings left out). */
	public List<Problem> errors(String html) {
		return check(html).stream().filter(Problem::error).toList();
	}

}
