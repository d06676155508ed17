package org.a4p.portal.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in two lines, without a stack trace, why the demonstration-data command stopped the start. */
class DemoDataPresentFailureAnalyzer extends AbstractFailureAnalyzer<DemoDataPresentException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DemoDataPresentException cause) {
		return new FailureAnalysis("Demonstration data is already present: portal.demo.action=generate does not add to it.",
				DemoDataPresentException.ACTION, cause);
	}

}
