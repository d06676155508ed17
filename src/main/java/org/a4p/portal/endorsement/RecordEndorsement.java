package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.a4p.portal.endorsement.EndorsementRules.History;
import org.a4p.portal.shared.Refusal.Problem;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.stakeholder.StakeholderDirectory.Stakeholder;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.jspecify.annotations.Nullable;

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

	private final EndorsementWrites writes;

	private final StakeholderDirectory stakeholders;

	RecordEndorsement(EndorsementWrites writes, StakeholderDirectory stakeholders) {
		this.writes = writes;
		this.stakeholders = stakeholders;
	}

	/**
	 * @return the stakeholder that endorsed
	 * @throws Refusal when a rule forbids it (nothing is written)
	 */
	@Transactional
	Stakeholder record(Command command) {
		Refusal.throwIfAny(problems(command));
		Stakeholder stakeholder = this.stakeholders.byCode(command.stakeholderCode()).orElseThrow();
		this.writes.insert(stakeholder, command.endorsedOn(), Objects.requireNonNull(command.source(), "source"),
				command.note(), "stakeholderCode", "");
		return stakeholder;
	}

	/** What the rules say about recording this (nothing: it can be recorded). */
	@Transactional(readOnly = true)
	List<Problem> problems(Command command) {
		Stakeholder stakeholder = this.stakeholders.byCode(command.stakeholderCode()).orElse(null);
		History history = (stakeholder != null) ? this.writes.history(stakeholder.id()) : History.NONE;
		return EndorsementRules.checkNew("stakeholderCode", "endorsedOn", command.stakeholderCode(), stakeholder,
				history, command.endorsedOn(), this.writes.today());
	}

}
