package org.a4p.portal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A user of the portal. The password is only ever held as an adaptive hash. */
@Entity
@Table(name = "app_user")
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	private @Nullable String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(name = "stakeholder_id")
	private @Nullable Long stakeholderId;

	private boolean enabled = true;

	@Column(name = "failed_attempts")
	private int failedAttempts;

	@Column(name = "locked_until")
	private @Nullable Instant lockedUntil;

	@Column(name = "password_change_required")
	private boolean passwordChangeRequired;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.EPOCH;

	@Column(name = "password_changed_at")
	private @Nullable Instant passwordChangedAt;

	@Column(name = "last_login_at")
	private @Nullable Instant lastLoginAt;

	@Version
	private long version;

	protected UserAccount() {
		this.username = "";
		this.displayName = "";
		this.passwordHash = "";
		this.role = Role.SECRETARIAT;
	}

	public UserAccount(String username, String displayName, @Nullable String email, String passwordHash, Role role,
			@Nullable Long stakeholderId, Instant createdAt) {
		if ((role == Role.DELEGATE) != (stakeholderId != null)) {
			throw new IllegalArgumentException("A delegate belongs to exactly one Member State; nobody else does");
		}
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.stakeholderId = stakeholderId;
		this.createdAt = createdAt;
		this.passwordChangedAt = createdAt;
	}

	/** Counts a failed sign-in; at {@code maxAttempts} in a row the account locks for {@code lockFor}. */
	public void registerFailedLogin(Instant now, int maxAttempts, Duration lockFor) {
		if (this.lockedUntil != null && !this.lockedUntil.isAfter(now)) {
			this.lockedUntil = null;
			this.failedAttempts = 0;
		}
		this.failedAttempts++;
		if (this.failedAttempts >= maxAttempts) {
			this.lockedUntil = now.plus(lockFor);
		}
	}

	public void registerSuccessfulLogin(Instant now) {
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.lastLoginAt = now;
	}

	public boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/** An administrator lifts a lock at once. */
	public void unlock() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	public void changePassword(String newHash, boolean mustChangeAtNextSignIn, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = mustChangeAtNextSignIn;
		this.passwordChangedAt = now;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/** A password someone else chose (an administrator, the environment) must be changed at the next sign-in. */
	public void requirePasswordChange() {
		this.passwordChangeRequired = true;
	}

	/** User names are case-insensitive: stored and compared trimmed and in lower case. */
	public static String canonicalUsername(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	/** What the audit log records of this account: never the password hash. */
	Map<String, @Nullable Object> auditState() {
		Map<String, @Nullable Object> state = new LinkedHashMap<>();
		state.put("username", this.username);
		state.put("displayName", this.displayName);
		state.put("email", this.email);
		state.put("role", this.role.name());
		state.put("stakeholderId", this.stakeholderId);
		state.put("enabled", this.enabled);
		state.put("passwordChangeRequired", this.passwordChangeRequired);
		state.put("failedAttempts", this.failedAttempts);
		state.put("lockedUntil", (this.lockedUntil != null) ? this.lockedUntil.toString() : null);
		return state;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Role getRole() {
		return this.role;
	}

	public @Nullable Long getStakeholderId() {
		return this.stakeholderId;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public int getFailedAttempts() {
		return this.failedAttempts;
	}

	public @Nullable Instant getLockedUntil() {
		return this.lockedUntil;
	}

	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public @Nullable Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

	public long getVersion() {
		return this.version;
	}

}
