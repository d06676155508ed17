package org.a4p.portal.demo;

/** Demonstration data is already present and the command did not say to replace it. */
class DemoDataPresentException extends IllegalStateException {

	static final String ACTION = "Run with --portal.demo.action=replace to replace it, or --portal.demo.action=remove to remove it.";

	DemoDataPresentException() {
		super("Demonstration data is already present. " + ACTION);
	}

}
