package org.a4p.portal.notification;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The unsubscribe link of an optional message ({@code /unsubscribe?t=<signed token>}), signed in or not: GET
 * shows what would stop and a button, and changes nothing (mail scanners follow links); POST stops it. A damaged
 * or forged token gets 400 and a page saying so.
 */
@Controller
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final MessageSettings settings;

	UnsubscribeController(UnsubscribeTokens tokens, MessageSettings settings) {
		this.tokens = tokens;
		this.settings = settings;
	}

	@GetMapping("/unsubscribe")
	String confirm(@RequestParam(name = "t", required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		return this.tokens.read(token).map((request) -> {
			model.addAttribute("token", token);
			model.addAttribute("kind", request.kind());
			return "unsubscribe/confirm";
		}).orElseGet(() -> bad(response));
	}

	@PostMapping("/unsubscribe")
	String unsubscribe(@RequestParam(name = "t", required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		return this.tokens.read(token).map((request) -> {
			this.settings.unsubscribe(request.userId(), request.kind());
			model.addAttribute("kind", request.kind());
			return "unsubscribe/done";
		}).orElseGet(() -> bad(response));
	}

	private static String bad(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "unsubscribe/bad";
	}

}
