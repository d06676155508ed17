package org.a4p.portal.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.catalogue.Owner;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.progress.Status;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a delegate's home page shows about their Member State in a cycle: the state, its endorsement
 * and capacities, and its applicable commitments (the {@code applicable_pair} view) with the entry
 * of each, if any, in one query.
 */
@Service
@Transactional(readOnly = true)
class MyStateQuery {

	/** The state, named in the reader's language, and the endorsement in force, if any. */
	record StateSummary(long id, String code, String name, boolean endorsed, @Nullable LocalDate endorsedOn) {
	}

	/** A capacity the state holds during (part of) the cycle. */
	record CapacityHeld(Capacity capacity, LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	/**
	 * One applicable commitment and where the state stands on it.
	 *
	 * @param publishedStatus what the public sees: the last validated status, else NO_EVIDENCE
	 * @param entryId the state's entry in the cycle, if one exists
	 * @param workingStatus the entry's current (perhaps not yet validated) status
	 * @param workflowState DRAFT, SUBMITTED, VALIDATED or RETURNED
	 */
	record CommitmentRow(String areaCode, String code, String title, Owner owner, @Nullable Capacity capacity,
			Status publishedStatus, @Nullable Long entryId, @Nullable Status workingStatus,
			@Nullable String workflowState) {

		public boolean hasEntry() {
			return this.entryId != null;
		}

	}

	/** The applicable commitments of one area, in catalogue order. */
	record AreaGroup(String code, String name, List<CommitmentRow> commitments) {
	}

	private final JdbcClient jdbc;

	MyStateQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	StateSummary state(long stakeholderId, Locale locale) {
		return this.jdbc.sql("select s.id, s.code, " + StakeholderNames.COLUMNS + """
				     , e.id as endorsement_id, e.endorsed_on
				from stakeholder s
				left join endorsement e on e.stakeholder_id = s.id and e.withdrawn_on is null
				where s.id = :id
				""")
			.param("lang", StakeholderNames.lang(locale))
			.param("id", stakeholderId)
			.query((rs, n) -> {
				rs.getLong("endorsement_id");
				boolean endorsed = !rs.wasNull();
				return new StateSummary(rs.getLong("id"), rs.getString("code"), StakeholderNames.name(rs, locale),
						endorsed, rs.getObject("endorsed_on", LocalDate.class));
			})
			.single();
	}

	/** Capacities held at some time during the cycle's period. */
	List<CapacityHeld> capacities(long stakeholderId, CycleView cycle) {
		return this.jdbc.sql("""
				select capacity, starts_on, ends_on from capacity_assignment
				where stakeholder_id = ? and starts_on <= ? and (ends_on is null or ends_on >= ?)
				order by capacity, starts_on
				""")
			.params(stakeholderId, cycle.periodEnd(), cycle.periodStart())
			.query(CapacityHeld.class)
			.list();
	}

	/** The state's applicable commitments in the cycle, grouped by area; empty when none is binding. */
	List<AreaGroup> commitments(long stakeholderId, long cycleId, Locale locale) {
		Map<String, String> areaNames = new LinkedHashMap<>();
		Map<String, List<CommitmentRow>> byArea = new LinkedHashMap<>();
		this.jdbc.sql("""
				select a.code as area_code, coalesce(at.short_name, aen.short_name) as area_name, c.code, c.owner, c.capacity,
				       coalesce(t.title, en.title) as title, coalesce(pe.published_status, 'NO_EVIDENCE') as published_status,
				       pe.id as entry_id, pe.status as working_status, pe.workflow_state
				""" + EntryListQuery.APPLICABLE_ENTRIES + """
				join area_text aen on aen.area_id = a.id and aen.catalogue_version_id = v.id and aen.lang = 'en'
				left join area_text at on at.area_id = a.id and at.catalogue_version_id = v.id and at.lang = :lang
				""" + EntryListQuery.APPLICABLE_WHERE)
			.param("lang", locale.getLanguage())
			.param("cycle", cycleId)
			.param("stakeholder", stakeholderId)
			.query((rs) -> {
				String area = rs.getString("area_code");
				areaNames.putIfAbsent(area, rs.getString("area_name"));
				String capacity = rs.getString("capacity");
				String working = rs.getString("working_status");
				long entryId = rs.getLong("entry_id");
				Long entry = rs.wasNull() ? null : entryId;
				byArea.computeIfAbsent(area, (k) -> new ArrayList<>())
					.add(new CommitmentRow(area, rs.getString("code"), rs.getString("title"),
							Owner.valueOf(rs.getString("owner")), (capacity != null) ? Capacity.valueOf(capacity) : null,
							Status.valueOf(rs.getString("published_status")), entry,
							(working != null) ? Status.valueOf(working) : null, rs.getString("workflow_state")));
			});
		List<AreaGroup> groups = new ArrayList<>();
		byArea.forEach((code, rows) -> groups.add(new AreaGroup(code, areaNames.get(code), List.copyOf(rows))));
		return groups;
	}

}
