package org.a4p.portal.endorsement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

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

	private final EndorsementRepository endorsements;

	private final StakeholderDirectory stakeholders;

	private final AuditLog audit;

	private final Clock clock;

	WithdrawEndorsement(EndorsementRepository endorsements, StakeholderDirectory stakeholders, AuditLog audit,
			Clock clock) {
		this.endorsements = endorsements;
		this.stakeholders = stakeholders;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	void withdraw(long id, Command command) {
		Endorsement endorsement = EditEndorsement.load(this.endorsements, id, command.version());
		LocalDate on = command.withdrawnOn();
		if (endorsement.isWithdrawn()) {
			throw Refusal.of("withdrawnOn", "admin.withdraw.already", String.valueOf(endorsement.getWithdrawnOn()));
		}
		if (endorsement.getEndorsedOn() != null && on.isBefore(endorsement.getEndorsedOn())) {
			throw Refusal.of("withdrawnOn", "admin.withdraw.date.before-endorsement",
					endorsement.getEndorsedOn().toString());
		}
		if (on.isAfter(LocalDate.now(this.clock))) {
			throw Refusal.of("withdrawnOn", "admin.withdraw.date.future");
		}
		String code = EditEndorsement.stakeholderCode(this.stakeholders, endorsement);
		Map<String, @Nullable Object> before = endorsement.auditState(code);
		endorsement.withdraw(on, command.reason());
		this.endorsements.saveAndFlush(endorsement);
		this.audit.record("ENDORSEMENT_WITHDRAWN", "endorsement", id, "Endorsement of " + code + " withdrawn", before,
				endorsement.auditState(code));
	}

}
