package org.a4p.portal.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.a4p.portal.progress.Status;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Secretariat's review queue: submitted entries of a cycle, oldest submission first. One query. */
@Service
@Transactional(readOnly = true)
class ReviewQueueQuery {

	/** Rows shown at most; the page says how many more there are. */
	static final int LIMIT = 200;

	record QueueRow(String cycleCode, String stakeholderCode, String stakeholderName, String commitmentCode,
			String areaCode, String commitmentTitle, Status status, @Nullable Status publishedStatus,
			boolean enteredBySecretariat, @Nullable OffsetDateTime submittedAt, @Nullable String updatedBy) {

		public String href() {
			return "/entries/" + this.cycleCode + "/" + this.stakeholderCode + "/" + this.commitmentCode;
		}

	}

	record Queue(List<QueueRow> rows, long total) {

		public boolean truncated() {
			return this.total > this.rows.size();
		}

	}

	/** A stakeholder the filter offers: one with an entry in the cycle. */
	record StakeholderOption(String code, String name) {
	}

	private final JdbcClient jdbc;

	ReviewQueueQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Queue submitted(long cycleId, @Nullable String areaCode, @Nullable String stakeholderCode, Locale locale) {
		long[] total = { 0 };
		List<QueueRow> rows = this.jdbc.sql("""
				select rc.code as cycle_code, s.code as stakeholder_code,
				""" + StakeholderNames.COLUMNS + """
				     , c.code as commitment_code, a.code as area_code, coalesce(t.title, en.title) as title,
				       pe.status, pe.published_status, pe.entered_by_secretariat, pe.submitted_at, pe.updated_by,
				       count(*) over () as total
				from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id
				join stakeholder s on s.id = pe.stakeholder_id
				join commitment c on c.id = pe.commitment_id
				join area a on a.id = c.area_id
				join catalogue_version v on v.is_current
				join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
				left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = :lang
				where pe.cycle_id = :cycle and pe.workflow_state = 'SUBMITTED'
				  and (cast(:area as varchar) is null or a.code = :area)
				  and (cast(:stakeholder as varchar) is null or s.code = :stakeholder)
				order by pe.submitted_at, pe.id
				limit :limit
				""")
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId)
			.param("area", areaCode)
			.param("stakeholder", stakeholderCode)
			.param("limit", LIMIT)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				String published = rs.getString("published_status");
				return new QueueRow(rs.getString("cycle_code"), rs.getString("stakeholder_code"),
						StakeholderNames.name(rs, locale),
						rs.getString("commitment_code"), rs.getString("area_code"), rs.getString("title"),
						Status.valueOf(rs.getString("status")), (published != null) ? Status.valueOf(published) : null,
						rs.getBoolean("entered_by_secretariat"), rs.getObject("submitted_at", OffsetDateTime.class),
						rs.getString("updated_by"));
			})
			.list();
		return new Queue(rows, total[0]);
	}

	/** Stakeholders with any entry in the cycle, by code. */
	List<StakeholderOption> stakeholdersWithEntries(long cycleId, Locale locale) {
		return this.jdbc.sql("select s.code, " + StakeholderNames.COLUMNS + """
				 from stakeholder s
				where exists (select 1 from progress_entry pe where pe.stakeholder_id = s.id and pe.cycle_id = :cycle)
				order by s.kind desc, s.code
				""")
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId)
			.query((rs, n) -> new StakeholderOption(rs.getString("code"), StakeholderNames.name(rs, locale)))
			.list();
	}

}
