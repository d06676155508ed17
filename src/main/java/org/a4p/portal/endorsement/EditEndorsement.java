package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator corrects an endorsement's date, source or note. The stakeholder never changes. */
@Service
class EditEndorsement {

	/** The corrected values, and the version the administrator saw. */
	record Command(long version, @Nullable LocalDate endorsedOn, String source, @Nullable String note) {
	}

	private final EndorsementWrites writes;

	EditEndorsement(EndorsementWrites writes) {
		this.writes = writes;
	}

	/**
	 * @return whether anything changed
	 * @throws ObjectOptimisticLockingFailureException when someone changed the record since the form was shown
	 * @throws Refusal when a rule forbids the change
	 */
	@Transactional
	boolean edit(long id, Command command) {
		Endorsement endorsement = this.writes.load(id, command.version());
		List<Problem> problems = new ArrayList<>(
				EndorsementRules.checkDate("endorsedOn", command.endorsedOn(), this.writes.today()));
		LocalDate withdrawnOn = endorsement.getWithdrawnOn();
		if (withdrawnOn != null && command.endorsedOn() != null && command.endorsedOn().isAfter(withdrawnOn)) {
			problems.add(new Problem("endorsedOn", "admin.endorsement.endorsed-on.after-withdrawal", withdrawnOn));
		}
		LocalDate previousWithdrawal = this.writes.previousWithdrawal(endorsement);
		if (previousWithdrawal != null && command.endorsedOn() != null
				&& command.endorsedOn().isBefore(previousWithdrawal)) {
			problems.add(new Problem("endorsedOn", "admin.endorsement.endorsed-on.before-previous-withdrawal",
					previousWithdrawal));
		}
		Refusal.throwIfAny(problems);
		if (Objects.equals(endorsement.getEndorsedOn(), command.endorsedOn())
				&& Objects.equals(endorsement.getSource(), command.source())
				&& Objects.equals(endorsement.getNote(), command.note())) {
			return false;
		}
		this.writes.change(endorsement, "ENDORSEMENT_EDITED", "corrected",
				(e) -> e.correct(command.endorsedOn(), command.source(), command.note()));
		return true;
	}

}
