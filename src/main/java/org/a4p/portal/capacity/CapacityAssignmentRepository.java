package org.a4p.portal.capacity;

import java.time.LocalDate;
import java.util.List;

import org.a4p.portal.catalogue.Capacity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CapacityAssignmentRepository extends JpaRepository<CapacityAssignment, Long> {

	/** Stands for "no end" in {@link #overlapping}. */
	LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

	/**
	 * The state's assignments of this capacity whose period meets {@code [startsOn, endsOn]}
	 * ({@link #OPEN_END} for an open-ended period), other than {@code exceptId}.
	 */
	@Query("""
			select a from CapacityAssignment a
			where a.stakeholderId = :stakeholderId and a.capacity = :capacity and a.id <> :exceptId
			  and a.startsOn <= :endsOn
			  and (a.endsOn is null or a.endsOn >= :startsOn)
			order by a.startsOn""")
	List<CapacityAssignment> overlapping(long stakeholderId, Capacity capacity, LocalDate startsOn, LocalDate endsOn,
			long exceptId);

}
