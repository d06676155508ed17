package org.a4p.portal.stakeholder;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.catalogue.Owner;
import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.stakeholder.Applicability.Endorsement;
import org.a4p.portal.stakeholder.Applicability.HeldCapacity;
import org.a4p.portal.stakeholder.Applicability.Period;
import org.a4p.portal.support.PortalTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table {@code applicable_pair} (which every figure counts over), the SQL view
 * {@code applicable_pair_rule} it is derived from, and the Java rule {@link Applicability} give exactly
 * the same (commitment, stakeholder) pairs, over the whole reference data and after every kind of
 * change the table's triggers follow (V50).
 */
@PortalTest
class ApplicabilityViewTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CycleQueries cycles;

	private record Commitment(String code, Owner owner, @Nullable Capacity capacity) {
	}

	/** Pairs as "COMMITMENT STAKEHOLDER", e.g. "POL-5 PAK". */
	private Set<String> viewPairs(CycleView cycle) {
		return new TreeSet<>(this.jdbc.sql("""
				select c.code || ' ' || s.code from applicable_pair ap
				join commitment c on c.id = ap.commitment_id join stakeholder s on s.id = ap.stakeholder_id
				where ap.cycle_id = ?""").param(cycle.id()).query(String.class).list());
	}

	/** The same pairs from the Java rule, over facts read straight from the tables. */
	private Set<String> rulePairs(CycleView cycle) {
		Period period = new Period(cycle.periodStart(), cycle.periodEnd());
		List<Commitment> commitments = this.jdbc.sql("select code, owner, capacity from commitment")
			.query(Commitment.class)
			.list();
		Map<String, StakeholderKind> kinds = new HashMap<>();
		this.jdbc.sql("select code, kind from stakeholder")
			.query((rs) -> { kinds.put(rs.getString(1), StakeholderKind.valueOf(rs.getString(2))); });
		Map<String, List<Endorsement>> endorsements = new HashMap<>();
		this.jdbc.sql("select s.code, e.endorsed_on, e.withdrawn_on from endorsement e join stakeholder s on s.id = e.stakeholder_id")
			.query((rs) -> {
				endorsements.computeIfAbsent(rs.getString(1), (k) -> new java.util.ArrayList<>())
					.add(new Endorsement(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
			});
		Map<String, List<HeldCapacity>> capacities = new HashMap<>();
		this.jdbc.sql("select s.code, ca.capacity, ca.starts_on, ca.ends_on from capacity_assignment ca "
				+ "join stakeholder s on s.id = ca.stakeholder_id")
			.query((rs) -> {
				capacities.computeIfAbsent(rs.getString(1), (k) -> new java.util.ArrayList<>())
					.add(new HeldCapacity(Capacity.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
							rs.getObject(4, LocalDate.class)));
			});
		Set<String> pairs = new TreeSet<>();
		kinds.forEach((code, kind) -> {
			Applicability.Stakeholder facts = new Applicability.Stakeholder(kind,
					endorsements.getOrDefault(code, List.of()), capacities.getOrDefault(code, List.of()));
			for (Commitment c : commitments) {
				if (Applicability.applies(c.owner(), c.capacity(), facts, period)) {
					pairs.add(c.code() + " " + code);
				}
			}
		});
		return pairs;
	}

	private CycleView cycle() {
		return this.cycles.current().orElseThrow();
	}

	private void endorse(String code, @Nullable LocalDate on, @Nullable LocalDate withdrawnOn) {
		this.jdbc.sql("insert into endorsement (stakeholder_id, endorsed_on, source, withdrawn_on, withdrawal_reason) "
				+ "select id, cast(? as date), 'test', cast(? as date), cast(? as text) from stakeholder where code = ?")
			.params(on, withdrawnOn, (withdrawnOn != null) ? "test" : null, code)
			.update();
	}

	private void assign(String code, Capacity capacity, LocalDate from, @Nullable LocalDate to) {
		this.jdbc.sql("insert into capacity_assignment (stakeholder_id, capacity, starts_on, ends_on) "
				+ "select id, cast(? as text), cast(? as date), cast(? as date) from stakeholder where code = ?")
			.params(capacity.name(), from, to, code)
			.update();
	}

	@Test
	void theViewAndTheRuleAgreeOnTheReferenceData() {
		CycleView cycle = cycle();
		Set<String> view = viewPairs(cycle);
		assertThat(view).isEqualTo(rulePairs(cycle));
		// Secretariat 18 + 22, Pakistan 22 + POL-5, Philippines 22, Poland 22, four organizations 4 x 22.
		assertThat(view).hasSize(195).contains("POL-5 PAK", "POL-6 SECRETARIAT", "POL-1 EU").doesNotContain("POL-5 FRA",
				"POL-1 FRA", "POL-6 PAK");
	}

	@Test
	@Transactional
	void theViewAndTheRuleStillAgreeWhenEndorsementsAndCapacitiesChange() {
		CycleView cycle = cycle();
		LocalDate start = cycle.periodStart();
		Set<String> before = viewPairs(cycle);

		// One more state endorses: France, a permanent Security Council member.
		endorse("FRA", LocalDate.of(2019, 1, 15), null);
		// An endorser becomes a troop and police contributor.
		assign("PHL", Capacity.TPCC, LocalDate.of(2020, 1, 1), null);
		// A troop contributor that has not endorsed: still nothing.
		assign("BGD", Capacity.TPCC, LocalDate.of(2020, 1, 1), null);
		// Endorsed, then withdrawn the day before the cycle began: nothing.
		endorse("DEU", LocalDate.of(2018, 9, 25), start.minusDays(1));
		// Withdrawn on the cycle's first day: in force during the cycle.
		endorse("GHA", LocalDate.of(2018, 9, 25), start);
		// Hosted a mission until the day before the cycle: the host-state commitment does not apply.
		assign("POL", Capacity.HOST_STATE, LocalDate.of(2010, 1, 1), start.minusDays(1));

		Set<String> after = viewPairs(cycle);
		assertThat(after).isEqualTo(rulePairs(cycle));
		Set<String> added = new HashSet<>(after);
		added.removeAll(before);
		assertThat(before).isSubsetOf(after);
		// France: 22 collective + POL-5; Philippines: PER-8, PER-9, CON-3; Ghana: 22 collective.
		assertThat(added).hasSize(23 + 3 + 22)
			.contains("POL-5 FRA", "PER-8 PHL", "PER-9 PHL", "CON-3 PHL", "POL-1 GHA")
			.noneMatch((pair) -> pair.endsWith(" DEU") || pair.endsWith(" BGD") || pair.equals("PRO-4 POL"));
	}

	/** Pairs in the table and not in the rule, or in the rule and not in the table, in every cycle. */
	private List<String> tableVersusRule() {
		return this.jdbc.sql("""
				(select 'stored only: ' || cycle_id || ' ' || commitment_id || ' ' || stakeholder_id from
				   (select * from applicable_pair except select * from applicable_pair_rule) a)
				union all
				(select 'missing: ' || cycle_id || ' ' || commitment_id || ' ' || stakeholder_id from
				   (select * from applicable_pair_rule except select * from applicable_pair) b)""")
			.query(String.class)
			.list();
	}

	@Test
	@Transactional
	void theTableFollowsUpdatesDeletionsNewCyclesAndNewStakeholders() {
		assertThat(tableVersusRule()).isEmpty();
		CycleView cycle = cycle();
		endorse("FRA", LocalDate.of(2019, 1, 15), null);
		assign("PHL", Capacity.TPCC, LocalDate.of(2020, 1, 1), null);
		assertThat(viewPairs(cycle)).contains("POL-5 FRA", "PER-8 PHL");

		// Withdrawn before the cycle, by an update: France's pairs go.
		this.jdbc.sql("update endorsement set withdrawn_on = ?, withdrawal_reason = 'test' "
				+ "where stakeholder_id = (select id from stakeholder where code = 'FRA')")
			.param(cycle.periodStart().minusDays(1))
			.update();
		assertThat(viewPairs(cycle)).noneMatch((pair) -> pair.endsWith(" FRA"));
		// The capacity assignment deleted: PER-8 no longer applies to the Philippines.
		this.jdbc.sql("delete from capacity_assignment where stakeholder_id = (select id from stakeholder where code = 'PHL')")
			.update();
		assertThat(viewPairs(cycle)).doesNotContain("PER-8 PHL").contains("POL-1 PHL");
		assertThat(tableVersusRule()).isEmpty();

		// A new cycle gets its pairs at once; moving its period re-derives them.
		long next = this.jdbc.sql("insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state) "
				+ "values ('T-NEXT', ?, ?, ?, ?, 'CLOSED') returning id")
			.params(cycle.periodEnd().plusDays(1), cycle.periodEnd().plusYears(1), cycle.periodEnd().plusDays(1),
					cycle.periodEnd().plusYears(1))
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select count(*) from applicable_pair where cycle_id = ?").param(next).query(Long.class).single())
			.isGreaterThan(150);
		assertThat(tableVersusRule()).isEmpty();
		this.jdbc.sql("update reporting_cycle set period_start = period_start - 1 where id = ?").param(next).update();
		// A new stakeholder that endorses.
		this.jdbc.sql("insert into stakeholder (code, kind, name_en) values ('ZZZ', 'ORGANIZATION', 'Test organization')").update();
		endorse("ZZZ", LocalDate.of(2019, 1, 1), null);
		assertThat(viewPairs(cycle)).contains("POL-1 ZZZ");
		assertThat(tableVersusRule()).isEmpty();

		// Deleting the cycle takes its pairs with it.
		this.jdbc.sql("delete from reporting_cycle where id = ?").param(next).update();
		assertThat(this.jdbc.sql("select count(*) from applicable_pair where cycle_id = ?").param(next).query(Long.class).single())
			.isZero();
		assertThat(tableVersusRule()).isEmpty();
	}

}
