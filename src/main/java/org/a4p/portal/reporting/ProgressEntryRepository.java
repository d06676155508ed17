package org.a4p.portal.reporting;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressEntryRepository extends JpaRepository<ProgressEntry, Long> {

	Optional<ProgressEntry> findByCycleIdAndCommitmentIdAndStakeholderId(long cycleId, long commitmentId,
			long stakeholderId);

}
