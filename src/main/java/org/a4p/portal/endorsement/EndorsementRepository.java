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

}
