package org.a4p.portal.stakeholder;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.catalogue.Owner;
import org.a4p.portal.cycle.CycleView;
import org.jspecify.annotations.Nullable;

/**
 * Which commitments apply to whom in a reporting cycle (product brief section 1), as a pure
 * function of the facts:
 * <ul>
 * <li>the Secretariat: {@code SECRETARIAT} and {@code COLLECTIVE} commitments, always;</li>
 * <li>a Member State bound in the cycle: {@code COLLECTIVE}, {@code MEMBER_STATES/ALL}, and
 * {@code MEMBER_STATES/<capacity>} for each capacity it holds at any time during the cycle;</li>
 * <li>a partner organization bound in the cycle: {@code COLLECTIVE};</li>
 * <li>a Member State or organization not bound: nothing.</li>
 * </ul>
 * A stakeholder other than the Secretariat is bound in a cycle when one of its endorsements was in
 * force at any time during the cycle's period: endorsed on or before its last day (or on a date not
 * recorded) and not withdrawn before its first day. The SQL view {@code applicable_pair} says the
 * same; {@code ApplicabilityViewTest} keeps the two in agreement.
 */
public final class Applicability {

	private Applicability() {
	}

	/** A period of days, both ends included (a reporting cycle's period). */
	public record Period(LocalDate start, LocalDate end) {

		public Period {
			if (end.isBefore(start)) {
				throw new IllegalArgumentException("A period cannot end (" + end + ") before it starts (" + start + ")");
			}
		}

		/** The period of a cycle; without a cycle, the one day {@code today}. */
		public static Period of(@Nullable CycleView cycle, LocalDate today) {
			return (cycle != null) ? new Period(cycle.periodStart(), cycle.periodEnd()) : new Period(today, today);
		}

		/** Whether the days from {@code from} to {@code to} (null: open-ended) share a day with this period. */
		public boolean overlaps(@Nullable LocalDate from, @Nullable LocalDate to) {
			return (from == null || !from.isAfter(this.end)) && (to == null || !to.isBefore(this.start));
		}

	}

	/** An endorsement of the Declaration: the date may not be recorded; withdrawn if {@code withdrawnOn} is set. */
	public record Endorsement(@Nullable LocalDate endorsedOn, @Nullable LocalDate withdrawnOn) {

		/** In force at any time during the period (a withdrawal takes effect the day after {@code withdrawnOn}). */
		public boolean inForceDuring(Period period) {
			return period.overlaps(this.endorsedOn, this.withdrawnOn);
		}

	}

	/** A capacity a Member State holds from {@code startsOn} to {@code endsOn} (null: no end yet). */
	public record HeldCapacity(Capacity capacity, LocalDate startsOn, @Nullable LocalDate endsOn) {

		public boolean heldDuring(Period period) {
			return period.overlaps(this.startsOn, this.endsOn);
		}

	}

	/** What the rule needs to know about a stakeholder. */
	public record Stakeholder(StakeholderKind kind, List<Endorsement> endorsements, List<HeldCapacity> capacities) {

		public Stakeholder {
			endorsements = List.copyOf(endorsements);
			capacities = List.copyOf(capacities);
		}

		public static Stakeholder secretariat() {
			return new Stakeholder(StakeholderKind.SECRETARIAT, List.of(), List.of());
		}

	}

	/** Whether commitments bind the stakeholder at all in the period: the Secretariat always, others by endorsement. */
	public static boolean bound(Stakeholder stakeholder, Period period) {
		return stakeholder.kind() == StakeholderKind.SECRETARIAT
				|| stakeholder.endorsements().stream().anyMatch((e) -> e.inForceDuring(period));
	}

	/** The capacities a Member State holds at any time during the period. */
	public static Set<Capacity> capacitiesDuring(Stakeholder stakeholder, Period period) {
		Set<Capacity> held = EnumSet.noneOf(Capacity.class);
		if (stakeholder.kind() == StakeholderKind.MEMBER_STATE) {
			stakeholder.capacities().stream().filter((c) -> c.heldDuring(period)).forEach((c) -> held.add(c.capacity()));
		}
		return held;
	}

	/** Whether a commitment of this owner and capacity applies to the stakeholder in the period. */
	public static boolean applies(Owner owner, @Nullable Capacity capacity, Stakeholder stakeholder, Period period) {
		return bound(stakeholder, period) && wouldApply(owner, capacity, stakeholder, period);
	}

	/**
	 * Whether the commitment would apply if the stakeholder were bound in the period: what a page
	 * shows for a Member State that has not endorsed (collective, {@code ALL} and its capacities).
	 */
	public static boolean wouldApply(Owner owner, @Nullable Capacity capacity, Stakeholder stakeholder,
			Period period) {
		return switch (stakeholder.kind()) {
			case SECRETARIAT -> owner == Owner.SECRETARIAT || owner == Owner.COLLECTIVE;
			case ORGANIZATION -> owner == Owner.COLLECTIVE;
			case MEMBER_STATE -> owner == Owner.COLLECTIVE || (owner == Owner.MEMBER_STATES && capacity != null
					&& (capacity == Capacity.ALL || capacitiesDuring(stakeholder, period).contains(capacity)));
		};
	}

}
