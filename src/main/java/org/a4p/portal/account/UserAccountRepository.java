package org.a4p.portal.account;

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

	boolean existsByRole(Role role);

	boolean existsByUsername(String username);

}
