package org.a4p.portal.endorsement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.endorsement.EndorsementRules.History;
import org.a4p.portal.shared.DatabaseConstraint;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.shared.Versions;
import org.a4p.portal.stakeholder.StakeholderDirectory.Stakeholder;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the endorsement use cases (record, import, edit, withdraw) share: today's date from the portal's
 * clock, a stakeholder's history, inserting a new endorsement, and changing one at the version its
 * editor saw, each with its audit row, in the use case's transaction.
 */
@Component
class EndorsementWrites {

	private final EndorsementRepository endorsements;

	private final StakeholderDirectory stakeholders;

	private final AuditLog audit;

	private final Clock clock;

	EndorsementWrites(EndorsementRepository endorsements, StakeholderDirectory stakeholders, AuditLog audit,
			Clock clock) {
		this.endorsements = endorsements;
		this.stakeholders = stakeholders;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The withdrawal of the stakeholder's endorsement before this one, if any: this one cannot be dated before it. */
	@Nullable LocalDate previousWithdrawal(Endorsement endorsement) {
		return this.endorsements.withdrawalBefore(endorsement.getStakeholderId(), endorsement.requireId()).orElse(null);
	}

	/** What the portal knows about the stakeholder's earlier endorsements. */
	History history(long stakeholderId) {
		return new History(this.endorsements.existsByStakeholderIdAndWithdrawnOnIsNull(stakeholderId),
				this.endorsements.lastWithdrawal(stakeholderId).orElse(null));
	}

	/**
	 * Inserts at once, so that a stakeholder endorsed by someone else in the meantime (the partial unique
	 * index) is refused with the same message as the check, not an error page; and records the audit row.
	 * @param codeField the field a refusal names
	 * @param how how it came, for the audit log (e.g. " (imported from …)"), or ""
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Endorsement insert(Stakeholder stakeholder, @Nullable LocalDate endorsedOn, String source, @Nullable String note,
			String codeField, String how) {
		Endorsement endorsement;
		try {
			endorsement = this.endorsements
				.saveAndFlush(new Endorsement(stakeholder.id(), endorsedOn, source, note, this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraint.violated(ex, Endorsement.ONE_IN_FORCE)) {
				throw Refusal.of(codeField, "admin.endorsement.stakeholder.in-force", stakeholder.code());
			}
			throw ex;
		}
		this.audit.record("ENDORSEMENT_RECORDED", "endorsement", endorsement.getId(),
				"Endorsement recorded for " + stakeholder.code() + how, null, endorsement.auditState(stakeholder.code()));
		return endorsement;
	}

	/**
	 * The endorsement at the version the editor saw.
	 * @throws ObjectOptimisticLockingFailureException when someone changed it since
	 */
	Endorsement load(long id, long expectedVersion) {
		Endorsement endorsement = this.endorsements.findById(id)
			.orElseThrow(() -> new NotFoundException("endorsement " + id));
		Versions.require(Endorsement.class, id, endorsement.getVersion(), expectedVersion);
		return endorsement;
	}

	/** Changes a loaded endorsement, saves it and records the audit row ({@code action}; "Endorsement of X {@code done}"). */
	@Transactional(propagation = Propagation.MANDATORY)
	void change(Endorsement endorsement, String action, String done, Consumer<Endorsement> change) {
		String code = this.stakeholders.byId(endorsement.getStakeholderId()).map(Stakeholder::code).orElseThrow();
		Map<String, @Nullable Object> before = endorsement.auditState(code);
		change.accept(endorsement);
		this.endorsements.saveAndFlush(endorsement);
		this.audit.record(action, "endorsement", endorsement.getId(), "Endorsement of " + code + " " + done, before,
				endorsement.auditState(code));
	}

}
