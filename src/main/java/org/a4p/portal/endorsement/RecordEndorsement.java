package org.a4p.portal.endorsement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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

	/**
	 * What to record. The stakeholder code and the source may be missing where the form was incomplete
	 * ({@link #problems} says so); {@link #record} refuses such a command.
	 */
	record Command(@Nullable String stakeholderCode, @Nullable LocalDate endorsedOn, @Nullable String source,
			@Nullable String note) {
	}

	private final EndorsementRepository endorsements;

	private final StakeholderDirectory stakeholders;

	private final AuditLog audit;

	private final Clock clock;

	RecordEndorsement(EndorsementRepository endorsements, StakeholderDirectory stakeholders, AuditLog audit,
			Clock clock) {
		this.endorsements = endorsements;
		this.stakeholders = stakeholders;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @return the stakeholder that endorsed
	 * @throws Refusal when a rule forbids it (nothing is written)
	 */
	@Transactional
	Stakeholder record(Command command) {
		Refusal.throwIfAny(problems(command));
		Stakeholder stakeholder = this.stakeholders.byCode(command.stakeholderCode()).orElseThrow();
		Endorsement endorsement = insert(this.endorsements, stakeholder, command.endorsedOn(),
				Objects.requireNonNull(command.source(), "source"), command.note(), this.clock, "stakeholderCode");
		this.audit.record("ENDORSEMENT_RECORDED", "endorsement", endorsement.getId(),
				"Endorsement recorded for " + stakeholder.code(), null, endorsement.auditState(stakeholder.code()));
		return stakeholder;
	}

	/** What the rules say about recording this (nothing: it can be recorded). */
	@Transactional(readOnly = true)
	List<Problem> problems(Command command) {
		Stakeholder stakeholder = this.stakeholders.byCode(command.stakeholderCode()).orElse(null);
		History history = (stakeholder != null) ? history(this.endorsements, stakeholder.id()) : History.NONE;
		return EndorsementRules.checkNew("stakeholderCode", "endorsedOn", command.stakeholderCode(), stakeholder,
				history, command.endorsedOn(), LocalDate.now(this.clock));
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
			@Nullable LocalDate endorsedOn, String source, @Nullable String note, Clock clock, String codeField) {
		try {
			return endorsements
				.saveAndFlush(new Endorsement(stakeholder.id(), endorsedOn, source, note, clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraint.violated(ex, Endorsement.ONE_IN_FORCE)) {
				throw Refusal.of(codeField, "admin.endorsement.stakeholder.in-force", stakeholder.code());
			}
			throw ex;
		}
	}

}
