package org.a4p.portal.cycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * The days before a cycle's deadline on which those with entries still to submit are reminded
 * ({@code reporting_cycle.reminder_days}), as administrators type them: whole numbers (in any script's digits)
 * separated by commas (or spaces), such as {@code 30, 7, 1}; empty for no reminders. At most {@value #MOST} days, each from 1 to
 * {@value #LONGEST}, each once. Kept from the longest to the shortest.
 *
 * @param days the days, longest first
 */
record ReminderDays(List<Integer> days) {

	/** Days at most. */
	static final int MOST = 10;

	/** The most days before the deadline. */
	static final int LONGEST = 366;

	/** What a new cycle gets unless the administrator says otherwise (the column's default too). */
	static final ReminderDays DEFAULT = new ReminderDays(List.of(30, 7, 1));

	ReminderDays {
		days = days.stream().sorted(Comparator.reverseOrder()).toList();
	}

	/** The days as stored in the column. */
	static ReminderDays of(Integer[] days) {
		return new ReminderDays(List.of(days));
	}

	/** What is wrong with a text typed in the form (nothing: {@link #parse} takes it); about {@code field}. */
	static List<Problem> problems(String field, @Nullable String text) {
		List<Problem> problems = new ArrayList<>();
		List<Integer> days = new ArrayList<>();
		for (String token : tokens(text)) {
			if (token.length() > 9 || !token.chars().allMatch(Character::isDigit)) {
				problems.add(new Problem(field, "admin.cycle.reminder-days.number", token));
				return problems;
			}
			days.add(Integer.valueOf(token));
		}
		days.stream()
			.filter((day) -> day < 1 || day > LONGEST)
			.findFirst()
			.ifPresent((day) -> problems.add(new Problem(field, "admin.cycle.reminder-days.range", day, LONGEST)));
		if (problems.isEmpty() && days.size() > MOST) {
			problems.add(new Problem(field, "admin.cycle.reminder-days.too-many", MOST, days.size()));
		}
		Set<Integer> seen = new LinkedHashSet<>();
		days.stream()
			.filter((day) -> !seen.add(day))
			.findFirst()
			.filter((day) -> problems.isEmpty())
			.ifPresent((day) -> problems.add(new Problem(field, "admin.cycle.reminder-days.duplicate", day)));
		return problems;
	}

	/**
	 * The days a text names.
	 * @throws Refusal when it breaks a rule ({@link #problems}), about {@code field}
	 */
	static ReminderDays parse(String field, @Nullable String text) {
		Refusal.throwIfAny(problems(field, text));
		return new ReminderDays(tokens(text).stream().map(Integer::valueOf).toList());
	}

	private static List<String> tokens(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		// commas as any of the six languages writes them (Arabic ، , Chinese ，、), semicolons, spaces
		return List.of(text.strip().split("[\\s,;\u060C\uFF0C\u3001\uFF1B]+"))
			.stream()
			.filter((t) -> !t.isEmpty())
			.toList();
	}

	/** As the form shows them and the audit log records them: {@code 30, 7, 1}; empty for none. */
	String text() {
		return this.days.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	Integer[] array() {
		return this.days.toArray(Integer[]::new);
	}

}
