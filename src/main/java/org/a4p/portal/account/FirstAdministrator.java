package org.a4p.portal.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.a4p.portal.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * No password ships in code: when the database holds no administrator, one is created at start from
 * {@code PORTAL_ADMIN_USERNAME} and {@code PORTAL_ADMIN_PASSWORD} if both are set and the password
 * follows the {@link PasswordPolicy}. Once an administrator exists the variables are ignored: remove
 * them from the deployment after the first start.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final String username;

	private final String password;

	private final Clock clock;

	FirstAdministrator(UserAccountRepository users, PasswordEncoder passwordEncoder, PasswordPolicy policy,
			AuditLog audit, @Value("${PORTAL_ADMIN_USERNAME:}") String username,
			@Value("${PORTAL_ADMIN_PASSWORD:}") String password, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.audit = audit;
		this.username = username;
		this.password = password;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		createIfNone();
	}

	/** @return the administrator created, if one was */
	@Transactional
	Optional<UserAccount> createIfNone() {
		if (this.users.existsByRole(Role.ADMIN)) {
			return Optional.empty();
		}
		if (!StringUtils.hasText(this.username) || !StringUtils.hasText(this.password)) {
			log.warn("No administrator exists yet. Set PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD and restart "
					+ "to create the first one.");
			return Optional.empty();
		}
		String name = UserAccount.canonicalUsername(this.username);
		if (!name.matches(NewUserForm.USERNAME_PATTERN)) {
			log.error("PORTAL_ADMIN_USERNAME must be 3 to 100 letters, digits, '.', '_', '@' or '-', starting with a "
					+ "letter or digit: no administrator was created");
			return Optional.empty();
		}
		Optional<String> problem = this.policy.problem(name, this.password);
		if (problem.isPresent()) {
			log.error("PORTAL_ADMIN_PASSWORD refused ({}; at least {} characters, not the user name): no administrator "
					+ "was created", problem.get(), this.policy.minLength());
			return Optional.empty();
		}
		UserAccount admin = new UserAccount(name, name, null, this.passwordEncoder.encode(this.password), Role.ADMIN,
				null, this.clock.instant());
		admin = this.users.saveAndFlush(admin);
		this.audit.record("USER_CREATED", "user", admin.getId(),
				"First administrator created from PORTAL_ADMIN_USERNAME", null, Map.of("username", name, "role",
						Role.ADMIN.name()));
		log.info("Created the first administrator '{}' from PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD", name);
		return Optional.of(admin);
	}

}
