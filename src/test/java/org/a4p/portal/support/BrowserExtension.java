package org.a4p.portal.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives {@link BrowserTest} methods a {@link Browser} pointed at the portal's random port; one per
 * test class, closed after the class. Checks for Chromium before the Spring context is started, so
 * that a machine without it skips (or, with {@code PORTAL_REQUIRE_BROWSER=true}, fails) quickly.
 */
class BrowserExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

	/**
	 * Skips the class where the browser is missing and not required: its tests are reported as
	 * skipped, with the reason, and the Spring context is never started.
	 */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Browser.required()) {
			return ConditionEvaluationResult.enabled("browser tests are required");
		}
		return Browser.missing()
			.map((reason) -> ConditionEvaluationResult.disabled("Browser test skipped. " + reason + " (set "
					+ Browser.REQUIRE_BROWSER + "=true to make this a failure)"))
			.orElseGet(() -> ConditionEvaluationResult.enabled("Chromium and chromedriver are installed"));
	}

	/** Where browser tests are required (CI), a missing browser fails the class at once. */
	@Override
	public void beforeAll(ExtensionContext context) {
		Browser.requireInstalledWhereRequired();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return classContext(context).getStore(NAMESPACE).computeIfAbsent(Browser.class, (key) -> {
			ApplicationContext spring = SpringExtension.getApplicationContext(context);
			String port = spring.getEnvironment().getRequiredProperty("local.server.port");
			return new ClosingBrowser(Browser.start("http://localhost:" + port));
		}, ClosingBrowser.class).browser();
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

	/** Closes the browser when JUnit closes the class's store. */
	private record ClosingBrowser(Browser browser) implements AutoCloseable {

		@Override
		public void close() {
			this.browser.close();
		}

	}

}
