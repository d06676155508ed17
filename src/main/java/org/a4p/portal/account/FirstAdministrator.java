package org.a4p.portal.account;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import org.a4p.portal.audit.AuditLog;

/**
 * No password ships in code: when the database holds no administrator, one is created at start from
 * {@code PORTAL_ADMIN_USERNAME} and {@code PORTAL_ADMIN_PASSWORD} if both are set.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final AccountProperties properties;

	private final String username;

	private final String password;

	FirstAdministrator(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog audit,
			AccountProperties properties, @Value("${PORTAL_ADMIN_USERNAME:}") String username, @Value("${PORTAL_ADMIN_PASSWORD:}") String password) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.properties = properties;
		this.username = username;
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.users.existsByRole(Role.ADMIN)) {
			return;
		}
		if (!StringUtils.hasText(this.username) || !StringUtils.hasText(this.password)) {
			log.warn("No administrator exists yet. Set PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD and restart "
					+ "to create the first one.");
			return;
		}
		if (this.password.length() < this.properties.minPasswordLength()) {
			log.error("PORTAL_ADMIN_PASSWORD is shorter than {} characters: no administrator was created",
					this.properties.minPasswordLength());
			return;
		}
		String name = this.username.trim().toLowerCase(Locale.ROOT);
		UserAccount admin = new UserAccount(name, name, null, this.passwordEncoder.encode(this.password), Role.ADMIN,
				null);
		this.users.save(admin);
		this.audit.record("USER_CREATED", "user", name, "First administrator created from PORTAL_ADMIN_USERNAME", null,
				java.util.Map.of("username", name, "role", Role.ADMIN.name()));
		log.info("Created the first administrator '{}' from PORTAL_ADMIN_USERNAME / PORTAL_ADMIN_PASSWORD", name);
	}

}
