package org.a4p.portal.notification;

import java.util.List;

import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/outbox}: what the portal composed, and each message with both its parts (administrators). */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

	static final List<String> STATES = List.of("QUEUED", "SENT", "FAILED");

	private final OutboxQueries queries;

	private final OutboxSender sender;

	OutboxController(OutboxQueries queries, OutboxSender sender) {
		this.queries = queries;
		this.sender = sender;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String kind, Model model) {
		String chosenState = (state != null && STATES.contains(state)) ? state : null;
		MailKind chosenKind = null;
		for (MailKind each : MailKind.values()) {
			if (each.name().equals(kind)) {
				chosenKind = each;
			}
		}
		model.addAttribute("messages", this.queries.list(chosenState, chosenKind));
		model.addAttribute("states", STATES);
		model.addAttribute("kinds", MailKind.values());
		model.addAttribute("state", chosenState);
		model.addAttribute("kind", (chosenKind != null) ? chosenKind.name() : null);
		model.addAttribute("smtp", this.sender.smtpConfigured());
		return "admin/outbox/list";
	}

	@GetMapping("/{id}")
	String message(@PathVariable long id, Model model) {
		model.addAttribute("message",
				this.queries.message(id).orElseThrow(() -> new NotFoundException("outbox message " + id)));
		return "admin/outbox/message";
	}

}
