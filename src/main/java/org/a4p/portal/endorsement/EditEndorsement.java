package org.a4p.portal.endorsement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.shared.Versions;
import org.a4p.portal.stakeholder.StakeholderDirectory;
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

	private final EndorsementRepository endorsements;

	private final StakeholderDirectory stakeholders;

	private final AuditLog audit;

	private final Clock clock;

	EditEndorsement(EndorsementRepository endorsements, StakeholderDirectory stakeholders, AuditLog audit,
			Clock clock) {
		this.endorsements = endorsements;
		this.stakeholders = stakeholders;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return whether anything changed
	 * @throws ObjectOptimisticLockingFailureException when someone changed the record since the form was shown
	 * @throws Refusal when a rule forbids the change
	 */
	@Transactional
	boolean edit(long id, Command command) {
		Endorsement endorsement = load(this.endorsements, id, command.version());
		List<Problem> problems = new ArrayList<>(
				EndorsementRules.checkDate("endorsedOn", command.endorsedOn(), LocalDate.now(this.clock)));
		LocalDate withdrawnOn = endorsement.getWithdrawnOn();
		if (withdrawnOn != null && command.endorsedOn() != null && command.endorsedOn().isAfter(withdrawnOn)) {
			problems.add(new Problem("endorsedOn", "admin.endorsement.endorsed-on.after-withdrawal", withdrawnOn.toString()));
		}
		Refusal.throwIfAny(problems);
		if (Objects.equals(endorsement.getEndorsedOn(), command.endorsedOn())
				&& Objects.equals(endorsement.getSource(), command.source())
				&& Objects.equals(endorsement.getNote(), command.note())) {
			return false;
		}
		String code = stakeholderCode(this.stakeholders, endorsement);
		Map<String, @Nullable Object> before = endorsement.auditState(code);
		endorsement.correct(command.endorsedOn(), command.source(), command.note());
		this.endorsements.saveAndFlush(endorsement);
		this.audit.record("ENDORSEMENT_EDITED", "endorsement", id, "Endorsement of " + code + " corrected", before,
				endorsement.auditState(code));
		return true;
	}

	/** The endorsement at the version the editor saw, else a conflict. */
	static Endorsement load(EndorsementRepository endorsements, long id, long expectedVersion) {
		Endorsement endorsement = endorsements.findById(id)
			.orElseThrow(() -> new NotFoundException("endorsement " + id));
		Versions.require(Endorsement.class, id, endorsement.getVersion(), expectedVersion);
		return endorsement;
	}

	static String stakeholderCode(StakeholderDirectory stakeholders, Endorsement endorsement) {
		return stakeholders.byId(endorsement.getStakeholderId())
			.map(StakeholderDirectory.Stakeholder::code)
			.orElseThrow();
	}

}
