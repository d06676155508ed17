package org.a4p.portal.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	/** The row locked for update: sign-in counters must not lose increments. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.username = ?1")
	Optional<UserAccount> lockByUsername(String username);

	/** The row locked for update, by id. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.id = ?1")
	Optional<UserAccount> lockById(long id);

	/**
	 * Every enabled administrator, locked for update: two administrators disabling each other at the
	 * same moment must not leave the portal without one.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.role = ?1 and u.enabled = true order by u.id")
	List<UserAccount> lockEnabledWithRole(Role role);

	boolean existsByRole(Role role);

	boolean existsByUsername(String username);

}
