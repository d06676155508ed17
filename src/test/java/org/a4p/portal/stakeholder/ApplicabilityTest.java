package org.a4p.portal.stakeholder;

import java.time.LocalDate;
import java.util.List;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.catalogue.Owner;
import org.a4p.portal.stakeholder.Applicability.Endorsement;
import org.a4p.portal.stakeholder.Applicability.HeldCapacity;
import org.a4p.portal.stakeholder.Applicability.Period;
import org.a4p.portal.stakeholder.Applicability.Stakeholder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApplicabilityTest {

	private static final Period CYCLE_2026 = new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

	/** One commitment of each kind of owner the catalogue has, plus MEMBER_STATES/ALL. */
	private enum Kind {

		COLLECTIVE(Owner.COLLECTIVE, null), SECRETARIAT(Owner.SECRETARIAT, null), ALL(Owner.MEMBER_STATES, Capacity.ALL),
		SECURITY_COUNCIL(Owner.MEMBER_STATES, Capacity.SECURITY_COUNCIL), TPCC(Owner.MEMBER_STATES, Capacity.TPCC),
		HOST_STATE(Owner.MEMBER_STATES, Capacity.HOST_STATE);

		final Owner owner;

		final @Nullable Capacity capacity;

		Kind(Owner owner, @Nullable Capacity capacity) {
			this.owner = owner;
			this.capacity = capacity;
		}

	}

	private static List<Kind> applying(Stakeholder stakeholder) {
		return List.of(Kind.values())
			.stream()
			.filter((k) -> Applicability.applies(k.owner, k.capacity, stakeholder, CYCLE_2026))
			.toList();
	}

	private static List<Kind> wouldApply(Stakeholder stakeholder) {
		return List.of(Kind.values())
			.stream()
			.filter((k) -> Applicability.wouldApply(k.owner, k.capacity, stakeholder, CYCLE_2026))
			.toList();
	}

	private static Stakeholder state(List<Endorsement> endorsements, HeldCapacity... capacities) {
		return new Stakeholder(StakeholderKind.MEMBER_STATE, endorsements, List.of(capacities));
	}

	private static Endorsement endorsedOn(int year, int month, int day) {
		return new Endorsement(LocalDate.of(year, month, day), null);
	}

	@Test
	void theSecretariatHasItsOwnAndTheCollectiveCommitmentsWithoutEndorsing() {
		assertThat(applying(Stakeholder.secretariat())).containsExactly(Kind.COLLECTIVE, Kind.SECRETARIAT);
		assertThat(Applicability.bound(Stakeholder.secretariat(), CYCLE_2026)).isTrue();
	}

	@Test
	void anEndorsingStateHasTheCollectiveAndAllStatesCommitments() {
		assertThat(applying(state(List.of(endorsedOn(2018, 9, 25))))).containsExactly(Kind.COLLECTIVE, Kind.ALL);
	}

	@Test
	void anEndorsementWithoutADateCounts() {
		assertThat(applying(state(List.of(new Endorsement(null, null))))).containsExactly(Kind.COLLECTIVE, Kind.ALL);
	}

	@Test
	void aSecurityCouncilMemberThatEndorsedAlsoHasTheCouncilCommitments() {
		Stakeholder pakistan = state(List.of(endorsedOn(2018, 8, 17)),
				new HeldCapacity(Capacity.SECURITY_COUNCIL, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)));
		assertThat(applying(pakistan)).containsExactly(Kind.COLLECTIVE, Kind.ALL, Kind.SECURITY_COUNCIL);
	}

	@Test
	void aTroopContributorThatEndorsedAlsoHasTheTpccCommitments() {
		Stakeholder tpcc = state(List.of(endorsedOn(2018, 9, 25)),
				new HeldCapacity(Capacity.TPCC, LocalDate.of(2020, 3, 1), null));
		assertThat(applying(tpcc)).containsExactly(Kind.COLLECTIVE, Kind.ALL, Kind.TPCC);
	}

	@Test
	void aHostStateThatEndorsedAlsoHasTheHostStateCommitments() {
		Stakeholder host = state(List.of(endorsedOn(2018, 9, 25)),
				new HeldCapacity(Capacity.HOST_STATE, LocalDate.of(2026, 12, 31), null));
		assertThat(applying(host)).containsExactly(Kind.COLLECTIVE, Kind.ALL, Kind.HOST_STATE);
	}

	@Test
	void aCapacityHeldOnlyBeforeOrAfterTheCycleDoesNotCount() {
		Stakeholder former = state(List.of(endorsedOn(2018, 9, 25)),
				new HeldCapacity(Capacity.SECURITY_COUNCIL, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
				new HeldCapacity(Capacity.TPCC, LocalDate.of(2027, 1, 1), null));
		assertThat(applying(former)).containsExactly(Kind.COLLECTIVE, Kind.ALL);
	}

	@Test
	void aStateThatHasNotEndorsedHasNothingBindingButWouldHaveItsCapacities() {
		Stakeholder france = state(List.of(),
				new HeldCapacity(Capacity.SECURITY_COUNCIL, LocalDate.of(1945, 10, 24), null));
		assertThat(Applicability.bound(france, CYCLE_2026)).isFalse();
		assertThat(applying(france)).isEmpty();
		assertThat(wouldApply(france)).containsExactly(Kind.COLLECTIVE, Kind.ALL, Kind.SECURITY_COUNCIL);
	}

	@Test
	void anOrganizationThatEndorsedHasOnlyTheCollectiveCommitments() {
		Stakeholder eu = new Stakeholder(StakeholderKind.ORGANIZATION, List.of(new Endorsement(null, null)),
				List.of(new HeldCapacity(Capacity.TPCC, LocalDate.of(2020, 1, 1), null)));
		assertThat(applying(eu)).containsExactly(Kind.COLLECTIVE);
		assertThat(Applicability.capacitiesDuring(eu, CYCLE_2026)).isEmpty();
	}

	@Test
	void anOrganizationThatHasNotEndorsedHasNothing() {
		Stakeholder org = new Stakeholder(StakeholderKind.ORGANIZATION, List.of(), List.of());
		assertThat(applying(org)).isEmpty();
		assertThat(wouldApply(org)).containsExactly(Kind.COLLECTIVE);
	}

	@Test
	void anEndorsementWithdrawnBeforeTheCycleBindsNothing() {
		Stakeholder withdrawn = state(List.of(new Endorsement(LocalDate.of(2018, 9, 25), LocalDate.of(2025, 12, 31))),
				new HeldCapacity(Capacity.TPCC, LocalDate.of(2020, 1, 1), null));
		assertThat(Applicability.bound(withdrawn, CYCLE_2026)).isFalse();
		assertThat(applying(withdrawn)).isEmpty();
		assertThat(wouldApply(withdrawn)).containsExactly(Kind.COLLECTIVE, Kind.ALL, Kind.TPCC);
	}

	@Test
	void anEndorsementInForceOnAnyDayOfTheCycleCounts() {
		Endorsement withdrawnOnTheFirstDay = new Endorsement(LocalDate.of(2018, 9, 25), LocalDate.of(2026, 1, 1));
		Endorsement givenOnTheLastDay = endorsedOn(2026, 12, 31);
		Endorsement givenAfterTheCycle = endorsedOn(2027, 1, 1);
		assertThat(applying(state(List.of(withdrawnOnTheFirstDay)))).containsExactly(Kind.COLLECTIVE, Kind.ALL);
		assertThat(applying(state(List.of(givenOnTheLastDay)))).containsExactly(Kind.COLLECTIVE, Kind.ALL);
		assertThat(applying(state(List.of(givenAfterTheCycle)))).isEmpty();
	}

	@Test
	void aWithdrawnEndorsementFollowedByANewOneCounts() {
		Stakeholder again = state(List.of(new Endorsement(LocalDate.of(2018, 9, 25), LocalDate.of(2020, 1, 1)),
				endorsedOn(2023, 5, 1)));
		assertThat(applying(again)).containsExactly(Kind.COLLECTIVE, Kind.ALL);
	}

	@Test
	void aPeriodCannotEndBeforeItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)));
	}

}
