package org.a4p.portal.endorsement;

import java.time.LocalDate;

import org.a4p.portal.shared.Refusal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator records that a stakeholder withdrew its endorsement. The record stays, marked
 * withdrawn; the stakeholder may endorse again later (a new record).
 */
@Service
class WithdrawEndorsement {

	/** When and why, and the version the administrator saw. */
	record Command(long version, LocalDate withdrawnOn, String reason) {
	}

	private final EndorsementWrites writes;

	WithdrawEndorsement(EndorsementWrites writes) {
		this.writes = writes;
	}

	@Transactional
	void withdraw(long id, Command command) {
		Endorsement endorsement = this.writes.load(id, command.version());
		LocalDate on = command.withdrawnOn();
		if (endorsement.isWithdrawn()) {
			throw Refusal.of("withdrawnOn", "admin.withdraw.already", String.valueOf(endorsement.getWithdrawnOn()));
		}
		if (endorsement.getEndorsedOn() != null && on.isBefore(endorsement.getEndorsedOn())) {
			throw Refusal.of("withdrawnOn", "admin.withdraw.date.before-endorsement",
					endorsement.getEndorsedOn().toString());
		}
		if (on.isAfter(this.writes.today())) {
			throw Refusal.of("withdrawnOn", "admin.withdraw.date.future");
		}
		this.writes.change(endorsement, "ENDORSEMENT_WITHDRAWN", "withdrawn", (e) -> e.withdraw(on, command.reason()));
	}

}
