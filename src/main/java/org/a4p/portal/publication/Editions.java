package org.a4p.portal.publication;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.cycle.CycleChoice;
import org.a4p.portal.cycle.CycleChoices;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.publication.Edition.Publication;
import org.a4p.portal.shared.BadRequestException;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.web.RequestArgument;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/**
 * Resolves the {@link Edition} a public progress page shows from {@code ?cycle=} (through {@link CycleChoices})
 * and {@code ?publication=}: not a number, 400; not a publication of the chosen cycle, 404. Puts it in the
 * model as {@code edition} (and as the layout's links), and the cycle choice as for any page taking a cycle.
 * One query: every cycle with its publications.
 */
@Component
public class Editions extends RequestArgument<Edition> {

	private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

	private final CycleChoices choices;

	private static final TypeReference<List<List<Object>>> PUBLICATIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Editions(CycleChoices choices, JdbcClient jdbc, JsonMapper json) {
		super(Edition.class);
		this.choices = choices;
		this.jdbc = jdbc;
		this.json = json;
	}

	public Edition resolve(HttpServletRequest request) {
		Map<Long, List<Publication>> publications = new HashMap<>();
		List<CycleView> all = cyclesWithPublications(publications);
		CycleChoice choice = this.choices.choose(request, all);
		String raw = request.getParameter(Edition.PARAMETER);
		Long wanted = null;
		if (raw != null && !raw.isBlank()) {
			if (!ID.matcher(raw.strip()).matches()) {
				throw new BadRequestException(Edition.PARAMETER);
			}
			wanted = Long.valueOf(raw.strip());
		}
		CycleView cycle = choice.cycle();
		List<Publication> ofCycle = (cycle != null) ? publications.getOrDefault(cycle.id(), List.of()) : List.of();
		Publication earlier = null;
		if (wanted != null) {
			long id = wanted;
			Publication asked = ofCycle.stream()
				.filter((p) -> p.id() == id)
				.findFirst()
				.orElseThrow(() -> new NotFoundException("publication " + id + " of the chosen cycle"));
			// the publication in force of a closed cycle is what its usual address shows
			boolean usual = asked.inForce() && cycle != null && !cycle.open();
			earlier = usual ? null : asked;
		}
		return new Edition(choice, ofCycle, earlier);
	}

	/**
	 * Every cycle, latest first (as {@link org.a4p.portal.cycle.CycleQueries#all()}), and the publications of
	 * each, oldest first: one query for what every public progress page needs before it reads its own data.
	 */
	private List<CycleView> cyclesWithPublications(Map<Long, List<Publication>> publications) {
		return this.jdbc.sql("""
				select rc.id, rc.code, rc.period_start, rc.period_end, rc.opens_on, rc.deadline, rc.state = 'OPEN' as open,
				       rc.demo,
				       (select json_agg(json_build_array(p.id, p.published_at, p.superseded_at) order by p.published_at, p.id)
				        from publication p where p.cycle_id = rc.id)::text as publications
				from reporting_cycle rc order by rc.period_start desc, rc.id desc""")
			.query((rs, row) -> {
				CycleView cycle = new CycleView(rs.getLong("id"), rs.getString("code"),
						rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
						rs.getObject("opens_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
						rs.getBoolean("open"), rs.getBoolean("demo"));
				String json = rs.getString("publications");
				if (json != null) {
					publications.put(cycle.id(), this.json.readValue(json, PUBLICATIONS)
						.stream()
						.map((p) -> new Publication(((Number) p.get(0)).longValue(), timestamp(p.get(1)),
								(p.get(2) != null) ? timestamp(p.get(2)) : null))
						.toList());
				}
				return cycle;
			})
			.list();
	}

	/** A timestamp as PostgreSQL writes it in JSON (ISO 8601 with an offset of hours, e.g. {@code +00:00}). */
	private static OffsetDateTime timestamp(Object value) {
		return OffsetDateTime.parse(value.toString());
	}

	@Override
	protected Edition read(HttpServletRequest request) {
		return resolve(request);
	}

	@Override
	protected void expose(Edition edition, ModelMap model) {
		model.addAttribute("edition", edition);
		model.addAttribute(CycleChoices.MODEL_ATTRIBUTE, edition.choice());
		model.addAttribute(CycleChoices.LINKS_ATTRIBUTE, edition);
	}

}
