package org.a4p.portal.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as the rest of the portal sees it. A delegate carries the id and code (ISO
 * alpha-3) of the one Member State they belong to; every permission check on state data uses them.
 */
public final class PortalUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private @Nullable String passwordHash;

	private final Role role;

	private final @Nullable Long stakeholderId;

	private final @Nullable String stakeholderCode;

	private final boolean enabled;

	private final boolean locked;

	public PortalUser(long id, String username, String displayName, @Nullable String passwordHash, Role role,
			@Nullable Long stakeholderId, @Nullable String stakeholderCode, boolean enabled, boolean locked) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.stakeholderId = stakeholderId;
		this.stakeholderCode = stakeholderCode;
		this.enabled = enabled;
		this.locked = locked;
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public boolean is(Role role) {
		return this.role == role;
	}

	/** The Member State a delegate belongs to; {@code null} for everyone else. */
	public @Nullable Long stakeholderId() {
		return this.stakeholderId;
	}

	public @Nullable String stakeholderCode() {
		return this.stakeholderCode;
	}

	/**
	 * The signed-in portal user of a request; refuses (403) a request whose principal is not a portal
	 * user (the security configuration lets only signed-in users reach such pages, so this is a guard).
	 */
	public static PortalUser signedIn(@Nullable PortalUser principal) {
		if (principal == null) {
			throw new AccessDeniedException("Not signed in as a portal user");
		}
		return principal;
	}

	/** May see self-reported (submitted, not yet validated) figures: of every stakeholder, or of their own state. */
	public boolean maySeeSelfReported() {
		return is(Role.SECRETARIAT) || is(Role.ADMIN) || (is(Role.DELEGATE) && this.stakeholderCode != null);
	}

	/** Whether this user may see non-validated entries of the given stakeholder. */
	public boolean maySeeUnpublishedOf(long stakeholderId) {
		return switch (this.role) {
			case ADMIN, SECRETARIAT -> true;
			case DELEGATE -> this.stakeholderId != null && this.stakeholderId == stakeholderId;
		};
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PortalUser user && user.username.equals(this.username);
	}

	@Override
	public int hashCode() {
		return this.username.hashCode();
	}

	@Override
	public String toString() {
		return "PortalUser[" + this.username + ", " + this.role + "]";
	}

}
