package org.a4p.portal.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.shared.BadRequestException;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.web.RequestArgument;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/**
 * Turns {@code ?cycle=CODE} into the {@link CycleChoice} of a public page: absent or empty, the current
 * cycle; not shaped like a cycle's code, 400 ({@link BadRequestException}); no such cycle, 404. One query
 * (every cycle: there is one a year). As an argument resolver it also puts the choice in the model as
 * {@value #MODEL_ATTRIBUTE} (the selector) and {@value #LINKS_ATTRIBUTE} (the layout's links keep the cycle).
 */
@Component
public class CycleChoices extends RequestArgument<CycleChoice> {

	/** The model attribute holding the choice. */
	public static final String MODEL_ATTRIBUTE = "cycleChoice";

	/**
	 * The model attribute whose {@code link(path)} the layout's navigation uses, so that the chosen cycle stays
	 * in its links: the choice, or a more specific object put there by the page (e.g. a publication).
	 */
	public static final String LINKS_ATTRIBUTE = "pageLinks";

	/** What a cycle's code may be ({@code reporting_cycle.code}). */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,20}");

	/** Query parameters the selector does not keep: the cycle itself, what depends on it, the language switch. */
	private static final Set<String> NOT_KEPT = Set.of(CycleChoice.PARAMETER, "publication", "lang", "page");

	private final CycleQueries cycles;

	CycleChoices(CycleQueries cycles) {
		super(CycleChoice.class);
		this.cycles = cycles;
	}

	/** The choice a request makes with its {@code cycle} parameter. */
	public CycleChoice choose(HttpServletRequest request) {
		return choose(request, this.cycles.all());
	}

	/**
	 * The same among cycles already read (every cycle, latest first, as {@link CycleQueries#all()} orders them),
	 * for a page that reads them with something of its own in one query.
	 */
	public CycleChoice choose(HttpServletRequest request, List<CycleView> all) {
		String raw = request.getParameter(CycleChoice.PARAMETER);
		CycleView current = current(all);
		CycleView chosen = current;
		if (raw != null && !raw.isBlank()) {
			String code = raw.strip();
			if (!CODE.matcher(code).matches()) {
				throw new BadRequestException(CycleChoice.PARAMETER);
			}
			chosen = all.stream()
				.filter((c) -> c.code().toLowerCase(Locale.ROOT).equals(code.toLowerCase(Locale.ROOT)))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("reporting cycle " + code));
		}
		return new CycleChoice(chosen, current, all, request.getRequestURI(), kept(request));
	}

	/** The latest open cycle, else the latest one (as {@link CycleQueries#current()}), from every cycle latest first. */
	private static @Nullable CycleView current(List<CycleView> latestFirst) {
		return latestFirst.stream().filter(CycleView::open).findFirst()
			.orElse(latestFirst.isEmpty() ? null : latestFirst.get(0));
	}

	private static List<CycleChoice.Param> kept(HttpServletRequest request) {
		List<CycleChoice.Param> kept = new ArrayList<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (NOT_KEPT.contains(parameter.getKey())) {
				continue;
			}
			for (String value : parameter.getValue()) {
				if (value != null && !value.isBlank()) {
					kept.add(new CycleChoice.Param(parameter.getKey(), value));
				}
			}
		}
		return List.copyOf(kept);
	}

	@Override
	protected CycleChoice read(HttpServletRequest request) {
		return choose(request);
	}

	@Override
	protected void expose(CycleChoice choice, ModelMap model) {
		model.addAttribute(MODEL_ATTRIBUTE, choice);
		if (!model.containsAttribute(LINKS_ATTRIBUTE)) {
			model.addAttribute(LINKS_ATTRIBUTE, choice);
		}
	}

}
