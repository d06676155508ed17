package org.a4p.portal.publication;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Codes in addresses are upper case ({@code /stakeholders/PAK}); another spelling is answered with
 * a permanent redirect to the canonical address, keeping the language switch, the cycle and publication
 * chosen and the view ({@code lang}, {@code cycle}, {@code publication}, {@code view}).
 */
final class CanonicalAddress {

	private static final List<String> KEPT = List.of("cycle", "publication", "view", "lang");

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
		StringBuilder target = new StringBuilder(
				UriComponentsBuilder.fromPath(template).buildAndExpand(code).encode().toUriString());
		char separator = '?';
		for (String kept : KEPT) {
			String value = request.getParameter(kept);
			if (value != null) {
				target.append(separator).append(kept).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
		return "redirect:" + target;
	}

}
