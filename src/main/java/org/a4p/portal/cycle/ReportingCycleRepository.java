package org.a4p.portal.cycle;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReportingCycleRepository extends JpaRepository<ReportingCycle, Long> {

	@Query("select count(c) > 0 from ReportingCycle c where lower(c.code) = lower(?1)")
	boolean codeTaken(String code);

	/** Cycles whose period meets {@code [start, end]}. */
	@Query("select c from ReportingCycle c where c.periodStart <= ?2 and c.periodEnd >= ?1 order by c.periodStart")
	List<ReportingCycle> overlapping(LocalDate start, LocalDate end);

}
