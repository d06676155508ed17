package org.a4p.portal.publication;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Codes in addresses are upper case ({@code /stakeholders/PAK}); another spelling is answered with
 * a permanent redirect to the canonical address, keeping the {@code lang} switch.
 */
final class CanonicalAddress {

	private CanonicalAddress() {
	}

	static boolean isCanonical(String code) {
		return code.equals(upper(code));
	}

	static String upper(String code) {
		return code.toUpperCase(Locale.ROOT);
	}

	/** A {@code redirect:} view name for {@code template} (one {@code {code}} variable), answered with 301. */
	static String redirect(HttpServletRequest request, String template, String code) {
		UriComponentsBuilder target = UriComponentsBuilder.fromPath(template);
		String lang = request.getParameter("lang");
		if (lang != null) {
			target.queryParam("lang", lang);
		}
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
		return "redirect:" + target.buildAndExpand(code).encode().toUriString();
	}

}
