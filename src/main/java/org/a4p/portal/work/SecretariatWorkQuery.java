package org.a4p.portal.work;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.WorkflowState;
import org.a4p.portal.stakeholder.StakeholderNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the Secretariat's work page reads besides the lists of other modules: entries written on behalf of others. */
@Service
@Transactional(readOnly = true)
class SecretariatWorkQuery {

	/** Rows of the on-behalf list shown at most; the page says how many there are and links to the full lists. */
	static final int LIMIT = 50;

	/** An entry the Secretariat entered for a Member State or an organization. */
	record OnBehalfRow(String cycleCode, String stakeholderCode, String stakeholderName, String commitmentCode,
			String commitmentTitle, WorkflowState workflowState, Status status, @Nullable String updatedBy,
			OffsetDateTime updatedAt) {

		public String href() {
			return "/entries/" + this.cycleCode + "/" + this.stakeholderCode + "/" + this.commitmentCode;
		}

	}

	/** The first {@link #LIMIT} rows and how many there are. */
	record OnBehalf(List<OnBehalfRow> rows, long total) {

		public boolean truncated() {
			return this.total > this.rows.size();
		}

	}

	private final JdbcClient jdbc;

	SecretariatWorkQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The Secretariat's own stakeholder id. */
	Optional<Long> secretariatId() {
		return this.jdbc.sql("select id from stakeholder where kind = 'SECRETARIAT'").query(Long.class).optional();
	}

	/**
	 * Entries of the cycle whose current content the Secretariat entered for a state or an organization: returned
	 * ones first, then drafts, then the rest; the latest changes first within each.
	 */
	OnBehalf onBehalf(long cycleId, Locale locale) {
		long[] total = { 0 };
		List<OnBehalfRow> rows = this.jdbc.sql("select rc.code as cycle_code, s.code as stakeholder_code, "
				+ StakeholderNames.COLUMNS + """
				     , c.code as commitment_code, coalesce(t.title, en.title) as title, pe.workflow_state, pe.status,
				       pe.updated_by, pe.updated_at, count(*) over () as total
				from progress_entry pe
				join reporting_cycle rc on rc.id = pe.cycle_id
				join stakeholder s on s.id = pe.stakeholder_id
				join commitment c on c.id = pe.commitment_id
				join catalogue_version v on v.is_current
				join commitment_text en on en.commitment_id = c.id and en.catalogue_version_id = v.id and en.lang = 'en'
				left join commitment_text t on t.commitment_id = c.id and t.catalogue_version_id = v.id and t.lang = :lang
				where pe.cycle_id = :cycle and pe.entered_by_secretariat and s.kind <> 'SECRETARIAT'
				order by case pe.workflow_state when 'RETURNED' then 0 when 'DRAFT' then 1 else 2 end,
				         pe.updated_at desc, pe.id
				limit :limit
				""")
			.param("lang", StakeholderNames.lang(locale))
			.param("cycle", cycleId)
			.param("limit", LIMIT)
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return new OnBehalfRow(rs.getString("cycle_code"), rs.getString("stakeholder_code"),
						StakeholderNames.name(rs, locale), rs.getString("commitment_code"), rs.getString("title"),
						WorkflowState.valueOf(rs.getString("workflow_state")), Status.valueOf(rs.getString("status")),
						rs.getString("updated_by"),
						rs.getObject("updated_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
			})
			.list();
		return new OnBehalf(rows, total[0]);
	}

}
