package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.Refusal.Problem;
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

	private final EndorsementRepository endorsements;

	private final StakeholderDirectory stakeholders;

	private final AuditLog audit;

	WithdrawEndorsement(EndorsementRepository endorsements, StakeholderDirectory stakeholders, AuditLog audit) {
		this.endorsements = endorsements;
		this.stakeholders = stakeholders;
		this.audit = audit;
	}

	@Transactional
	void withdraw(long id, WithdrawalForm form) {
		Endorsement endorsement = EditEndorsement.load(this.endorsements, id, form.getVersion());
		LocalDate on = Objects.requireNonNull(form.getWithdrawnOn());
		List<Problem> problems = new ArrayList<>();
		if (endorsement.isWithdrawn()) {
			problems.add(new Problem("withdrawnOn", "admin.withdraw.already", String.valueOf(endorsement.getWithdrawnOn())));
		}
		else if (endorsement.getEndorsedOn() != null && on.isBefore(endorsement.getEndorsedOn())) {
			problems.add(new Problem("withdrawnOn", "admin.withdraw.date.before-endorsement",
					endorsement.getEndorsedOn().toString()));
		}
		else if (on.isAfter(LocalDate.now())) {
			problems.add(new Problem("withdrawnOn", "admin.withdraw.date.future"));
		}
		Refusal.throwIfAny(problems);
		String code = EditEndorsement.stakeholderCode(this.stakeholders, endorsement);
		Map<String, @Nullable Object> before = endorsement.auditState(code);
		endorsement.withdraw(on, Objects.requireNonNull(form.getReason()));
		this.endorsements.saveAndFlush(endorsement);
		this.audit.record("ENDORSEMENT_WITHDRAWN", "endorsement", id, "Endorsement of " + code + " withdrawn", before,
				endorsement.auditState(code));
	}

}
