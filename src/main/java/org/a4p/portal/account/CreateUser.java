package org.a4p.portal.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.a4p.portal.audit.AuditLog;
import org.a4p.portal.shared.DatabaseConstraint;
import org.a4p.portal.shared.Refusal;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator creates a user. The user gets a generated temporary password, shown once to the
 * administrator, and must change it at first sign-in. A delegate belongs to exactly one Member
 * State; nobody else belongs to one.
 */
@Service
class CreateUser {

	/**
	 * The user to create, from a form that passed Bean Validation.
	 * @param username as typed (it is stored trimmed and in lower case)
	 * @param email {@code null} for none
	 * @param stateCode the Member State of a delegate, {@code null} for none (any case)
	 */
	record Command(String username, String displayName, @Nullable String email, Role role,
			@Nullable String stateCode) {
	}

	/** The new user, and the temporary password to hand over (never stored in clear). */
	record Created(long id, String username, String temporaryPassword) {
	}

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final TemporaryPasswords temporaryPasswords;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	CreateUser(UserAccountRepository users, PasswordEncoder passwordEncoder, TemporaryPasswords temporaryPasswords,
			JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.temporaryPasswords = temporaryPasswords;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** @throws Refusal when the user name is taken or the Member State does not fit the role */
	@Transactional
	Created create(Command command) {
		String username = UserAccount.canonicalUsername(command.username());
		Role role = command.role();
		String stateCode = (command.stateCode() != null) ? command.stateCode().trim().toUpperCase(Locale.ROOT) : "";
		List<Refusal.Problem> problems = new ArrayList<>();
		if (this.users.existsByUsername(username)) {
			problems.add(new Refusal.Problem("username", "users.username.taken"));
		}
		Long stakeholderId = null;
		if (role == Role.DELEGATE) {
			if (stateCode.isEmpty()) {
				problems.add(new Refusal.Problem("stateCode", "users.state.required"));
			}
			else {
				stakeholderId = memberStateId(stateCode);
				if (stakeholderId == null) {
					problems.add(new Refusal.Problem("stateCode", "users.state.unknown"));
				}
			}
		}
		else if (!stateCode.isEmpty()) {
			problems.add(new Refusal.Problem("stateCode", "users.state.forbidden"));
		}
		Refusal.throwIfAny(problems);
		String email = (command.email() != null) ? command.email().trim() : "";
		String temporaryPassword = this.temporaryPasswords.next();
		UserAccount account = new UserAccount(username, command.displayName().trim(), email.isEmpty() ? null : email,
				this.passwordEncoder.encode(temporaryPassword), role, stakeholderId, this.clock.instant());
		account.requirePasswordChange();
		try {
			account = this.users.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			// someone created the same user name a moment ago
			if (DatabaseConstraint.violated(ex, "app_user_username_key")) {
				throw Refusal.of("username", "users.username.taken");
			}
			throw ex;
		}
		long id = Objects.requireNonNull(account.getId());
		Map<String, @Nullable Object> after = account.auditState();
		after.put("state", (stakeholderId != null) ? stateCode : null);
		this.audit.record("USER_CREATED", "user", id, "User '" + username + "' created", null, after);
		return new Created(id, username, temporaryPassword);
	}

	private @Nullable Long memberStateId(String code) {
		return this.jdbc.sql("select id from stakeholder where code = ? and kind = 'MEMBER_STATE'")
			.param(code)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
