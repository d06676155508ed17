package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator corrects an endorsement's date, source or note. The stakeholder never changes. */
@Service
class EditEndorsement {

	private final EndorsementRepository endorsements;

	private final StakeholderDirectory stakeholders;

	private final AuditLog audit;

	EditEndorsement(EndorsementRepository endorsements, StakeholderDirectory stakeholders, AuditLog audit) {
		this.endorsements = endorsements;
		this.stakeholders = stakeholders;
		this.audit = audit;
	}

	/**
	 * @return whether anything changed
	 * @throws ObjectOptimisticLockingFailureException when someone changed the record since the form was shown
	 * @throws Refusal when a rule forbids the change
	 */
	@Transactional
	boolean edit(long id, EndorsementForm form) {
		Endorsement endorsement = load(this.endorsements, id, form.getVersion());
		List<Problem> problems = new ArrayList<>(
				EndorsementRules.checkDate("endorsedOn", form.getEndorsedOn(), LocalDate.now()));
		LocalDate withdrawnOn = endorsement.getWithdrawnOn();
		if (withdrawnOn != null && form.getEndorsedOn() != null && form.getEndorsedOn().isAfter(withdrawnOn)) {
			problems.add(new Problem("endorsedOn", "admin.endorsement.endorsed-on.after-withdrawal", withdrawnOn.toString()));
		}
		Refusal.throwIfAny(problems);
		if (Objects.equals(endorsement.getEndorsedOn(), form.getEndorsedOn())
				&& Objects.equals(endorsement.getSource(), form.getSource())
				&& Objects.equals(endorsement.getNote(), form.getNote())) {
			return false;
		}
		String code = stakeholderCode(this.stakeholders, endorsement);
		Map<String, @Nullable Object> before = endorsement.auditState(code);
		endorsement.correct(form.getEndorsedOn(), Objects.requireNonNull(form.getSource()), form.getNote());
		this.endorsements.saveAndFlush(endorsement);
		this.audit.record("ENDORSEMENT_EDITED", "endorsement", id, "Endorsement of " + code + " corrected", before,
				endorsement.auditState(code));
		return true;
	}

	/** The endorsement at the version the editor saw, else a conflict. */
	static Endorsement load(EndorsementRepository endorsements, long id, @Nullable Long expectedVersion) {
		Endorsement endorsement = endorsements.findById(id)
			.orElseThrow(() -> new NotFoundException("endorsement " + id));
		if (expectedVersion == null || expectedVersion != endorsement.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Endorsement.class, id);
		}
		return endorsement;
	}

	static String stakeholderCode(StakeholderDirectory stakeholders, Endorsement endorsement) {
		return stakeholders.byId(endorsement.getStakeholderId())
			.map(StakeholderDirectory.Stakeholder::code)
			.orElseThrow();
	}

}
