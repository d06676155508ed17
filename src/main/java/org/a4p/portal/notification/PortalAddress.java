package org.a4p.portal.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where readers reach the portal ({@code portal.base-url}): links in messages are absolute URLs under it.
 * The default suits the README's commands; set it to the public address in production
 * ({@code PORTAL_BASE_URL=https://commitments.example.org}).
 *
 * @param baseUrl the portal's address, without a trailing slash
 */
@ConfigurationProperties("portal")
public record PortalAddress(@DefaultValue("http://localhost:8080") URI baseUrl) {

	/** The absolute URL of a path of the portal ({@code /entries/…}). */
	String url(String path) {
		String base = this.baseUrl.toString();
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return base + (path.startsWith("/") ? path : "/" + path);
	}

}
