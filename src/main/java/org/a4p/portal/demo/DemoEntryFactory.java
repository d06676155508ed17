package org.a4p.portal.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.a4p.portal.demo.DemoEntry.Evidence;
import org.a4p.portal.demo.DemoEntry.Step;
import org.a4p.portal.demo.DemoEntry.Workflow;
import org.a4p.portal.progress.Status;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for one applicable pair of a cycle, whether it has an entry and what it says: a
 * realistic mix of statuses (improving over the years, better for engaged stakeholders, worse for
 * hard commitments) and workflow states (mostly validated in closed cycles, more drafts and
 * submissions in the open one), with a history of steps, narratives and evidence links. Pure
 * Java: every decision comes from {@link DemoRandom} keyed by seed, cycle code, commitment code
 * and stakeholder code, so the result does not depend on the order pairs are visited in.
 */
final class DemoEntryFactory {

	/** Where the demonstration past starts: the Declaration was endorsed from late 2018 on. */
	static final LocalDate PAST_STARTS = LocalDate.of(2019, 1, 1);

	private record Profile(double engagement, double capability) {
	}

	private final long seed;

	private final Map<String, String[]> titles;

	private final OffsetDateTime now;

	private final Map<String, Profile> profiles = new HashMap<>();

	private final Map<String, Double> difficulties = new HashMap<>();

	/**
	 * @param titles commitment code → {English title, Chinese title}
	 * @param now no step is later than the start of this day (so that a whole day gives the same data)
	 */
	DemoEntryFactory(long seed, Map<String, String[]> titles, OffsetDateTime now) {
		this.seed = seed;
		this.titles = titles;
		this.now = now.truncatedTo(ChronoUnit.DAYS);
	}

	/** The entry of this pair in this cycle, or {@code null} when the pair stays without one (no evidence). */
	@Nullable DemoEntry entry(DemoCycle cycle, DemoPair pair) {
		SplittableRandom random = DemoRandom.of(this.seed, "entry", cycle.code(), pair.commitmentCode(),
				pair.stakeholderCode());
		Profile profile = profile(pair);
		if (random.nextDouble() >= reportingChance(cycle, pair, profile)) {
			return null;
		}
		Status status = status(random, cycle, pair, profile);
		Workflow finalState = finalWorkflow(random, cycle);
		List<Step> steps = steps(random, cycle, pair, status, finalState);
		// Organizations have no delegates: Secretariat staff enter their reports. A few states' too.
		boolean onBehalf = ("MEMBER_STATE".equals(pair.stakeholderKind()) && random.nextDouble() < 0.06)
				|| "ORGANIZATION".equals(pair.stakeholderKind());
		return new DemoEntry(cycle, pair, steps, onBehalf, evidence(random, cycle, pair, status, finalState));
	}

	private Profile profile(DemoPair pair) {
		return this.profiles.computeIfAbsent(pair.stakeholderCode(), (code) -> {
			SplittableRandom random = DemoRandom.of(this.seed, "profile", code);
			if ("SECRETARIAT".equals(pair.stakeholderKind())) {
				return new Profile(1.0, 0.75);
			}
			return new Profile(Math.pow(random.nextDouble(), 0.6), random.nextDouble());
		});
	}

	private double difficulty(String commitmentCode) {
		return this.difficulties.computeIfAbsent(commitmentCode,
				(code) -> DemoRandom.of(this.seed, "difficulty", code).nextDouble());
	}

	private static double reportingChance(DemoCycle cycle, DemoPair pair, Profile profile) {
		double chance = switch (pair.stakeholderKind()) {
			case "SECRETARIAT" -> 0.97;
			case "ORGANIZATION" -> 0.55 + 0.35 * profile.engagement();
			default -> 0.30 + 0.65 * profile.engagement();
		};
		return cycle.open() ? chance * 0.6 : chance;
	}

	private Status status(SplittableRandom random, DemoCycle cycle, DemoPair pair, Profile profile) {
		double notApplicable = "SECRETARIAT".equals(pair.stakeholderKind()) ? 0.01 : 0.03;
		if (random.nextDouble() < notApplicable) {
			return Status.NOT_APPLICABLE;
		}
		double years = ChronoUnit.DAYS.between(PAST_STARTS, this.now.toLocalDate());
		double time = Math.max(0, Math.min(1, ChronoUnit.DAYS.between(PAST_STARTS, cycle.periodEnd()) / Math.max(1, years)));
		double score = 0.10 + 0.55 * time + 0.45 * (profile.capability() - 0.5)
				- 0.30 * (difficulty(pair.commitmentCode()) - 0.5) + 0.25 * DemoRandom.bell(random);
		if (score < 0.22) {
			return Status.NOT_STARTED;
		}
		if (score < 0.48) {
			return Status.LIMITED;
		}
		return (score < 0.78) ? Status.SUBSTANTIAL : Status.COMPLETE;
	}

	private static Workflow finalWorkflow(SplittableRandom random, DemoCycle cycle) {
		double u = random.nextDouble();
		if (!cycle.open()) {
			return (u < 0.80) ? Workflow.VALIDATED : (u < 0.88) ? Workflow.SUBMITTED
					: (u < 0.95) ? Workflow.DRAFT : Workflow.RETURNED;
		}
		return (u < 0.35) ? Workflow.VALIDATED : (u < 0.62) ? Workflow.SUBMITTED
				: (u < 0.90) ? Workflow.DRAFT : Workflow.RETURNED;
	}

	/** The path to the final state, e.g. DRAFT, SUBMITTED, RETURNED, DRAFT, SUBMITTED, VALIDATED. */
	private static List<Workflow> path(SplittableRandom random, Workflow finalState) {
		double u = random.nextDouble();
		Workflow d = Workflow.DRAFT;
		Workflow s = Workflow.SUBMITTED;
		Workflow v = Workflow.VALIDATED;
		Workflow r = Workflow.RETURNED;
		return switch (finalState) {
			case VALIDATED -> (u < 0.15) ? List.of(d, s, r, d, s, v) : List.of(d, s, v);
			case SUBMITTED -> (u < 0.12) ? List.of(d, s, r, d, s) : (u < 0.22) ? List.of(d, s, v, d, s) : List.of(d, s);
			case RETURNED -> List.of(d, s, r);
			case DRAFT -> (u < 0.08) ? List.of(d, s, r, d) : (u < 0.16) ? List.of(d, s, v, d) : List.of(d);
		};
	}

	private List<Step> steps(SplittableRandom random, DemoCycle cycle, DemoPair pair, Status status, Workflow finalState) {
		List<Workflow> path = path(random, finalState);
		OffsetDateTime from = cycle.opensOn().atTime(LocalTime.of(8, 0)).atOffset(ZoneOffset.UTC);
		LocalDate lastDay = cycle.open() ? cycle.deadline() : cycle.deadline().plusDays(40);
		OffsetDateTime to = lastDay.atTime(LocalTime.of(18, 0)).atOffset(ZoneOffset.UTC);
		if (to.isAfter(this.now)) {
			to = this.now;
		}
		if (!to.isAfter(from)) {
			to = from.plusHours(1);
		}
		// At least a minute between two steps, so that the history is in a strict order.
		long minutes = Duration.between(from, to).toMinutes() - path.size();
		double[] fractions = new double[path.size()];
		for (int i = 0; i < fractions.length; i++) {
			fractions[i] = random.nextDouble();
		}
		Arrays.sort(fractions);

		// Where an earlier round ended (validated, or returned by the reviewer) before the last one,
		// that round shows an earlier status: lower if it was validated and the entry has moved on
		// since, the same or one the reviewer found too high if it was returned.
		int firstRoundEnd = firstRoundEnd(path);
		boolean twoRounds = firstRoundEnd < path.size() - 1;
		Status earlier = (path.get(firstRoundEnd) == Workflow.VALIDATED) ? lower(status)
				: (random.nextDouble() < 0.5) ? higher(status) : status;
		String[] title = this.titles.getOrDefault(pair.commitmentCode(),
				new String[] { pair.commitmentCode(), pair.commitmentCode() });
		String earlierNarrative = DemoText.narrative(random, earlier, pair, cycle, title[0], title[1]);
		String finalNarrative = DemoText.narrative(random, status, pair, cycle, title[0], title[1]);

		List<Step> steps = new ArrayList<>(path.size());
		for (int i = 0; i < path.size(); i++) {
			Workflow w = path.get(i);
			boolean early = twoRounds && i <= firstRoundEnd;
			String comment = (w == Workflow.RETURNED) ? DemoText.reviewComment(random) : null;
			OffsetDateTime at = from.plusMinutes((long) (fractions[i] * minutes) + i);
			steps.add(new Step(at, w, early ? earlier : status, early ? earlierNarrative : finalNarrative, comment, early));
		}
		return steps;
	}

	/** The index of the first VALIDATED or RETURNED step, which ends the first round. */
	private static int firstRoundEnd(List<Workflow> path) {
		for (int i = 0; i < path.size(); i++) {
			if (path.get(i) == Workflow.VALIDATED || path.get(i) == Workflow.RETURNED) {
				return i;
			}
		}
		return path.size() - 1;
	}

	private static Status lower(Status status) {
		return switch (status) {
			case COMPLETE -> Status.SUBSTANTIAL;
			case SUBSTANTIAL -> Status.LIMITED;
			case LIMITED -> Status.NOT_STARTED;
			default -> status;
		};
	}

	private static Status higher(Status status) {
		return switch (status) {
			case NOT_STARTED -> Status.LIMITED;
			case LIMITED -> Status.SUBSTANTIAL;
			case SUBSTANTIAL -> Status.COMPLETE;
			default -> status;
		};
	}

	private static List<Evidence> evidence(SplittableRandom random, DemoCycle cycle, DemoPair pair, Status status,
			Workflow finalState) {
		if (status == Status.NOT_APPLICABLE) {
			return List.of();
		}
		double u = random.nextDouble();
		int count = (finalState == Workflow.DRAFT) ? ((u < 0.7) ? 0 : 1)
				: (u < 0.40) ? 0 : (u < 0.75) ? 1 : (u < 0.93) ? 2 : 3;
		List<Evidence> links = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			links.add(new Evidence(DemoText.evidenceTitle(random, pair, cycle), DemoText.evidenceUrl(pair, cycle, i)));
		}
		return links;
	}

}
