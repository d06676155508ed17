package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.stakeholder.StakeholderDirectory.Stakeholder;
import org.jspecify.annotations.Nullable;

/**
 * The rules every new or corrected endorsement obeys, whether typed in a form or read from a CSV
 * file: the Secretariat does not endorse, one endorsement in force per stakeholder, dates not in the
 * future, a withdrawal not before the endorsement, a new endorsement not before the last withdrawal.
 */
final class EndorsementRules {

	static final int SOURCE_MAX = 1000;

	static final int NOTE_MAX = 4000;

	static final int REASON_MAX = 2000;

	private EndorsementRules() {
	}

	/** What the portal knows about a stakeholder's earlier endorsements. */
	record History(boolean inForce, @Nullable LocalDate lastWithdrawal) {

		static final History NONE = new History(false, null);

	}

	/**
	 * Problems of a new endorsement.
	 * @param stakeholder the stakeholder named, {@code null} when the code is unknown
	 */
	static List<Problem> checkNew(String codeField, String dateField, @Nullable String code,
			@Nullable Stakeholder stakeholder, History history, @Nullable LocalDate endorsedOn, LocalDate today) {
		List<Problem> problems = new ArrayList<>();
		if (code == null || code.isBlank()) {
			problems.add(new Problem(codeField, "admin.endorsement.stakeholder.required"));
		}
		else if (stakeholder == null) {
			problems.add(new Problem(codeField, "admin.endorsement.stakeholder.unknown", code.strip()));
		}
		else if (stakeholder.isSecretariat()) {
			problems.add(new Problem(codeField, "admin.endorsement.stakeholder.secretariat"));
		}
		else if (history.inForce()) {
			problems.add(new Problem(codeField, "admin.endorsement.stakeholder.in-force", stakeholder.code()));
		}
		problems.addAll(checkDate(dateField, endorsedOn, today));
		if (endorsedOn != null && history.lastWithdrawal() != null && endorsedOn.isBefore(history.lastWithdrawal())) {
			problems.add(new Problem(dateField, "admin.endorsement.endorsed-on.before-withdrawal",
					history.lastWithdrawal()));
		}
		return problems;
	}

	static List<Problem> checkDate(String dateField, @Nullable LocalDate endorsedOn, LocalDate today) {
		if (endorsedOn != null && endorsedOn.isAfter(today)) {
			return List.of(new Problem(dateField, "admin.endorsement.endorsed-on.future"));
		}
		return List.of();
	}

}
