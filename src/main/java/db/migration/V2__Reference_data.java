package db.migration;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.a4p.portal.catalogue.InstallationDay;
import org.a4p.portal.catalogue.ReferenceCatalogue.AreaData;
import org.a4p.portal.catalogue.ReferenceCatalogue.CommitmentData;
import org.a4p.portal.catalogue.ReferenceCatalogue.ElectedTerm;
import org.a4p.portal.catalogue.ReferenceCatalogue.KnownEndorsement;
import org.a4p.portal.catalogue.ReferenceCatalogue.MemberState;
import org.a4p.portal.catalogue.ReferenceCatalogue.OrganizationData;
import org.a4p.portal.catalogue.ReferenceCatalogue.PublishedCount;
import org.a4p.portal.catalogue.ReferenceCatalogue;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;

/**
 * Loads the reference data of {@code shared/data} (copied under {@code src/main/resources/reference})
 * as given: the first catalogue version with its 8 areas and 45 commitments in English and Chinese,
 * the Secretariat, the 193 Member States, the 4 partner organizations (endorsed), the three state
 * endorsements a source confirms, the UN-published endorsement counts, the Security Council seats
 * held in the current reference year, and one open reporting cycle for the year the portal is
 * installed ({@link InstallationDay}).
 */
public class V2__Reference_data extends BaseJavaMigration {

	/** The first day the UN Charter was in force: the start of the permanent seats. */
	private static final LocalDate CHARTER_IN_FORCE = LocalDate.of(1945, 10, 24);

	@Override
	public void migrate(Context context) throws SQLException {
		ReferenceCatalogue data = ReferenceCatalogue.fromClasspath();
		Connection db = context.getConnection();

		long version = insertReturningId(db, "insert into catalogue_version (label, description, is_current) values (?, ?, true)",
				data.versionLabel(), "Loaded from shared/data/a4p-catalogue.yaml at installation");

		Map<String, Long> areaIds = new HashMap<>();
		for (AreaData area : data.areas()) {
			long id = insertReturningId(db, "insert into area (code, position) values (?, ?)", area.code(), area.order());
			areaIds.put(area.code(), id);
			try (PreparedStatement ps = db.prepareStatement("insert into area_text (area_id, catalogue_version_id, lang, "
					+ "name, short_name, statement, secretariat_action) values (?, ?, ?, ?, ?, ?, ?)")) {
				addAreaText(ps, id, version, "en", area.nameEn(), area.shortEn(), area.statementEn(), area.secretariatActionEn());
				addAreaText(ps, id, version, "zh", area.nameZh(), area.shortZh(), area.statementZh(), area.secretariatActionZh());
				ps.executeBatch();
			}
		}

		Map<String, Integer> positions = new HashMap<>();
		for (CommitmentData c : data.commitments()) {
			int position = positions.merge(c.area(), 1, Integer::sum);
			long id = insertReturningId(db, "insert into commitment (code, area_id, position, owner, capacity) values (?, ?, ?, ?, ?)",
					c.code(), areaIds.get(c.area()), position, c.owner().name(),
					(c.capacity() != null) ? c.capacity().name() : null);
			try (PreparedStatement ps = db.prepareStatement("insert into commitment_text (commitment_id, "
					+ "catalogue_version_id, lang, title, body, source) values (?, ?, ?, ?, ?, ?)")) {
				addCommitmentText(ps, id, version, "en", c.titleEn(), c.textEn(), c.source());
				addCommitmentText(ps, id, version, "zh", c.titleZh(), c.textZh(), c.source());
				ps.executeBatch();
			}
		}

		long secretariat = insertReturningId(db, "insert into stakeholder (kind, code, name_en) values ('SECRETARIAT', 'SECRETARIAT', ?)",
				"United Nations Secretariat");
		execute(db, "insert into stakeholder_name (stakeholder_id, lang, name) values (?, 'zh', ?)", secretariat, "联合国秘书处");

		Map<String, Long> stateIds = new HashMap<>();
		try (PreparedStatement ps = db.prepareStatement(
				"insert into stakeholder (kind, code, iso2, name_en) values ('MEMBER_STATE', ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			for (MemberState state : data.memberStates()) {
				ps.setString(1, state.iso3());
				ps.setString(2, state.iso2());
				ps.setString(3, state.nameEn());
				ps.executeUpdate();
				try (ResultSet keys = ps.getGeneratedKeys()) {
					keys.next();
					stateIds.put(state.iso3(), keys.getLong(1));
				}
			}
		}

		for (OrganizationData org : data.organizations()) {
			long id = insertReturningId(db, "insert into stakeholder (kind, code, name_en) values ('ORGANIZATION', ?, ?)",
					org.code(), org.nameEn());
			execute(db, "insert into stakeholder_name (stakeholder_id, lang, name) values (?, 'zh', ?)", id, org.nameZh());
			execute(db, "insert into endorsement (stakeholder_id, endorsed_on, source, note) values (?, null, ?, ?)", id,
					"A4P overview page", "Named on the A4P overview page as supporting the Declaration; date not recorded");
		}
		for (KnownEndorsement known : data.knownEndorsements()) {
			execute(db, "insert into endorsement (stakeholder_id, endorsed_on, source, note) values (?, ?, ?, ?)",
					require(stateIds, known.iso3()), Date.valueOf(known.endorsedOn()), "A4P reference catalogue (known endorsements)",
					known.note());
		}

		int position = 0;
		for (PublishedCount count : data.publishedCounts()) {
			execute(db, "insert into published_endorsement_count (position, as_of, member_states, organizations, note) "
					+ "values (?, ?, ?, ?, ?)", ++position, (count.asOf() != null) ? Date.valueOf(count.asOf()) : null,
					count.memberStates(), count.organizations(), count.note());
		}

		for (String iso3 : data.permanentCouncilMembers()) {
			execute(db, "insert into capacity_assignment (stakeholder_id, capacity, starts_on, note) values (?, 'SECURITY_COUNCIL', ?, ?)",
					require(stateIds, iso3), Date.valueOf(CHARTER_IN_FORCE), "Permanent member of the Security Council");
		}
		for (ElectedTerm term : data.electedCouncilTerms()) {
			for (String iso3 : term.members()) {
				execute(db, "insert into capacity_assignment (stakeholder_id, capacity, starts_on, ends_on, note) "
						+ "values (?, 'SECURITY_COUNCIL', ?, ?, ?)", require(stateIds, iso3),
						Date.valueOf(LocalDate.of(term.firstYear(), 1, 1)), Date.valueOf(LocalDate.of(term.lastYear(), 12, 31)),
						"Elected member of the Security Council, " + term.firstYear() + "-" + term.lastYear());
			}
		}

		int year = InstallationDay.of(context).getYear();
		LocalDate start = LocalDate.of(year, 1, 1);
		LocalDate end = LocalDate.of(year, 12, 31);
		execute(db, "insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state) "
				+ "values (?, ?, ?, ?, ?, 'OPEN')", String.valueOf(year), Date.valueOf(start), Date.valueOf(end),
				Date.valueOf(start), Date.valueOf(end));
	}

	private static long require(Map<String, Long> ids, String iso3) {
		Long id = ids.get(iso3);
		if (id == null) {
			throw new IllegalStateException("Reference catalogue names an unknown Member State: " + iso3);
		}
		return id;
	}

	private static void addAreaText(PreparedStatement ps, long area, long version, String lang, String name,
			String shortName, String statement, String action) throws SQLException {
		bind(ps, area, version, lang, name, shortName, statement, action);
		ps.addBatch();
	}

	private static void addCommitmentText(PreparedStatement ps, long commitment, long version, String lang,
			String title, String body, String source) throws SQLException {
		bind(ps, commitment, version, lang, title, body, source);
		ps.addBatch();
	}

	private static long insertReturningId(Connection db, String sql, @Nullable Object... values) throws SQLException {
		try (PreparedStatement ps = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
			bind(ps, values);
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void execute(Connection db, String sql, @Nullable Object... values) throws SQLException {
		try (PreparedStatement ps = db.prepareStatement(sql)) {
			bind(ps, values);
			ps.executeUpdate();
		}
	}

	private static void bind(PreparedStatement ps, @Nullable Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null) {
				ps.setNull(i + 1, Types.NULL);
			}
			else {
				ps.setObject(i + 1, values[i]);
			}
		}
	}

}
