package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.List;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.endorsement.EndorsementRules.History;
import org.a4p.portal.shared.DatabaseConstraint;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.stakeholder.StakeholderDirectory.Stakeholder;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator records that a stakeholder endorsed the Declaration. */
@Service
class RecordEndorsement {

	private final EndorsementRepository endorsements;

	private final StakeholderDirectory stakeholders;

	private final AuditLog audit;

	RecordEndorsement(EndorsementRepository endorsements, StakeholderDirectory stakeholders, AuditLog audit) {
		this.endorsements = endorsements;
		this.stakeholders = stakeholders;
		this.audit = audit;
	}

	/**
	 * @return the new endorsement's id
	 * @throws Refusal when a rule forbids it (nothing is written)
	 */
	@Transactional
	long record(EndorsementForm form) {
		Refusal.throwIfAny(problems(form));
		Stakeholder stakeholder = this.stakeholders.byCode(form.getStakeholderCode()).orElseThrow();
		Endorsement endorsement = insert(this.endorsements, stakeholder, form.getEndorsedOn(), form.getSource(),
				form.getNote(), "stakeholderCode");
		this.audit.record("ENDORSEMENT_RECORDED", "endorsement", endorsement.getId(),
				"Endorsement recorded for " + stakeholder.code(), null, endorsement.auditState(stakeholder.code()));
		return endorsement.requireId();
	}

	/** What the rules say about recording this form (nothing: it can be recorded). */
	@Transactional(readOnly = true)
	List<Problem> problems(EndorsementForm form) {
		Stakeholder stakeholder = this.stakeholders.byCode(form.getStakeholderCode()).orElse(null);
		History history = (stakeholder != null) ? history(this.endorsements, stakeholder.id()) : History.NONE;
		return EndorsementRules.checkNew("stakeholderCode", "endorsedOn", form.getStakeholderCode(), stakeholder,
				history, form.getEndorsedOn(), LocalDate.now());
	}

	static History history(EndorsementRepository endorsements, long stakeholderId) {
		return new History(endorsements.existsByStakeholderIdAndWithdrawnOnIsNull(stakeholderId),
				endorsements.lastWithdrawal(stakeholderId).orElse(null));
	}

	/**
	 * Inserts at once, so that a stakeholder endorsed by someone else in the meantime (the partial
	 * unique index) is refused with the same message as the check, not an error page.
	 */
	static Endorsement insert(EndorsementRepository endorsements, Stakeholder stakeholder,
			@Nullable LocalDate endorsedOn, @Nullable String source,
			@Nullable String note, String codeField) {
		if (source == null) {
			throw new IllegalArgumentException("An endorsement needs a source");
		}
		try {
			return endorsements.saveAndFlush(new Endorsement(stakeholder.id(), endorsedOn, source, note));
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraint.violated(ex, Endorsement.ONE_IN_FORCE)) {
				throw Refusal.of(codeField, "admin.endorsement.stakeholder.in-force", stakeholder.code());
			}
			throw ex;
		}
	}

}
