package org.a4p.portal.web;

/** The portal's Content-Security-Policy, for modules that serve pages through a security filter chain of their own. */
public final class ContentSecurityPolicy {

	/** No inline scripts or styles anywhere: every script and style sheet comes from /assets or /webjars. */
	public static final String STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private ContentSecurityPolicy() {
	}

	/** The strict policy allowing, besides, inline {@code <style>} elements with exactly these SHA-256 hashes. */
	public static String allowingStyleHashes(String... base64Sha256) {
		StringBuilder styles = new StringBuilder("style-src 'self'");
		for (String hash : base64Sha256) {
			styles.append(" 'sha256-").append(hash).append('\'');
		}
		return STRICT.replace("style-src 'self'", styles.toString());
	}

}
