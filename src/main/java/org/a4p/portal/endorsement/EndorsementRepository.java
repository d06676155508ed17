package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EndorsementRepository extends JpaRepository<Endorsement, Long> {

	boolean existsByStakeholderIdAndWithdrawnOnIsNull(long stakeholderId);

	/** The latest date on which one of the stakeholder's endorsements was withdrawn. */
	@Query("select max(e.withdrawnOn) from Endorsement e where e.stakeholderId = ?1")
	Optional<LocalDate> lastWithdrawal(long stakeholderId);

	/**
	 * The latest withdrawal among the stakeholder's endorsements recorded before this one: a stakeholder's
	 * endorsements are recorded in the order of their periods, each dated on or after the last withdrawal.
	 */
	@Query("select max(e.withdrawnOn) from Endorsement e where e.stakeholderId = ?1 and e.id < ?2")
	Optional<LocalDate> withdrawalBefore(long stakeholderId, long endorsementId);

}
