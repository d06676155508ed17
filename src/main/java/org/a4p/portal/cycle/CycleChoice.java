package org.a4p.portal.cycle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The reporting cycle a public page shows, chosen by the request parameter {@code ?cycle=CODE} (the current
 * cycle when absent), with what the cycle selector needs ({@code fragments/cycles :: selector}). Controllers
 * take it as an argument (resolved by {@link CycleChoices}); a malformed code is answered with 400, an unknown
 * one with 404.
 * <p>
 * Links between public pages keep the choice: {@link #link(String)} adds {@code ?cycle=} when the page shows
 * another cycle than the current one, so the current cycle's pages keep their canonical addresses.
 *
 * @param cycle the cycle shown, {@code null} only when no cycle exists at all
 * @param current the cycle shown by default (the latest open one, else the latest), {@code null} when none
 * @param cycles every cycle, latest first, for the selector
 * @param action the page's path, where the selector's form goes
 * @param keep the page's other query parameters (filters, the self-reported view), kept by the selector's form
 */
public record CycleChoice(@Nullable CycleView cycle, @Nullable CycleView current, List<CycleView> cycles,
		String action, List<Param> keep) {

	/** The request parameter naming the cycle. */
	public static final String PARAMETER = "cycle";

	/** A query parameter of the page, kept when another cycle is chosen. */
	public record Param(String name, String value) {
	}

	/** Whether the cycle shown is the default one (its pages need no {@code ?cycle=}). */
	public boolean showsCurrent() {
		return this.cycle == null || (this.current != null && this.current.id() == this.cycle.id());
	}

	/** The code to carry in links, or {@code null} for the current cycle. */
	public @Nullable String carriedCode() {
		return showsCurrent() ? null : this.cycle.code();
	}

	/** The same page showing the current cycle (its canonical address), with the page's other parameters. */
	public String currentLink() {
		if (this.keep.isEmpty()) {
			return this.action;
		}
		StringBuilder link = new StringBuilder(this.action);
		char separator = '?';
		for (Param param : this.keep) {
			link.append(separator).append(URLEncoder.encode(param.name(), StandardCharsets.UTF_8)).append('=')
				.append(URLEncoder.encode(param.value(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return link.toString();
	}

	/** A link to another public page ({@code path}, which may have a query) showing the same cycle. */
	public String link(String path) {
		String code = carriedCode();
		if (code == null) {
			return path;
		}
		return path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
	}

}
