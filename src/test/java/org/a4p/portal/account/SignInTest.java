package org.a4p.portal.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;
import org.a4p.portal.support.CookieSession;
import org.a4p.portal.support.MutableClock;
import org.a4p.portal.support.Pages;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Signing in through the real filter chain, with real transactions (sign-in counters are committed
 * as in production): every user made here is deleted afterwards, with its audit rows.
 */
@PortalTest
class SignInTest {

	static final String PASSWORD = "correct horse battery staple";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountProperties properties;

	@Autowired
	FilterChainProxy filterChainProxy;

	TestUsers users;

	final List<Long> created = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.users = new TestUsers(this.jdbc, this.userDetails);
	}

	@AfterEach
	void deleteWhatWasCreated() {
		this.clock.reset();
		for (long id : this.created) {
			this.jdbc.sql("delete from audit_event where entity_type = 'user' and entity_id = ?")
				.param(String.valueOf(id))
				.update();
			this.jdbc.sql("delete from app_user where id = ?").param(id).update();
		}
	}

	private long newUser(String username, Role role) {
		long id = this.users.insert(username, role, null, this.passwordEncoder.encode(PASSWORD));
		this.created.add(id);
		return id;
	}

	private MvcTestResult signIn(CookieSession session, String username, String password) {
		return this.mvc.post()
			.uri("/login")
			.param("username", username)
			.param("password", password)
			.with(csrf())
			.with(session)
			.exchange();
	}

	/** The message the sign-in page shows after a failure (empty when none). */
	private String signInMessage(CookieSession session) throws Exception {
		MvcTestResult page = this.mvc.get().uri("/login?error").header("Accept-Language", "en").with(session).exchange();
		assertThat(page).hasStatus(HttpStatus.OK);
		Document doc = Jsoup.parse(page.getResponse().getContentAsString());
		return doc.select(".error-summary li").text();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("select failed_attempts, locked_until, enabled, password_change_required from app_user where id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	@Test
	void signingInChangesTheSessionId() {
		newUser("signin-alice", Role.SECRETARIAT);
		CookieSession session = new CookieSession();
		this.mvc.get().uri("/login").with(session).exchange();
		String before = session.id();
		assertThat(before).as("the sign-in page's session").isNotNull();
		assertThat(signIn(session, "signin-alice", PASSWORD)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/account");
		assertThat(session.id()).isNotNull().isNotEqualTo(before);
		assertThat(this.mvc.get().uri("/account").with(session).exchange()).hasStatus(HttpStatus.OK);
	}

	@Test
	void userNamesAreNotCaseSensitiveAtSignIn() {
		newUser("signin-carol", Role.SECRETARIAT);
		assertThat(signIn(new CookieSession(), "  Signin-CAROL ", PASSWORD)).hasRedirectedUrl("/account");
	}

	@Test
	void theFifthFailureLocksTheAccountUntilTheLockEnds() throws Exception {
		long id = newUser("signin-bob", Role.SECRETARIAT);
		CookieSession session = new CookieSession();
		for (int i = 1; i <= 4; i++) {
			assertThat(signIn(session, "signin-bob", "wrong password " + i)).hasRedirectedUrl("/login?error");
			assertThat(signInMessage(session)).isEqualTo("The user name or password is wrong.");
		}
		assertThat(row(id)).containsEntry("failed_attempts", 4).containsEntry("locked_until", null);

		assertThat(signIn(session, "signin-bob", "wrong password 5")).hasRedirectedUrl("/login?error");
		assertThat(row(id).get("failed_attempts")).isEqualTo(5);
		assertThat(row(id).get("locked_until")).isNotNull();
		assertThat(signInMessage(session)).isEqualTo("This account is locked after too many failed sign-ins. "
				+ "Try again in 15 minutes, or ask an administrator to unlock it.");

		// The right password does not open a locked account.
		assertThat(signIn(session, "signin-bob", PASSWORD)).hasRedirectedUrl("/login?error");
		assertThat(signInMessage(session)).startsWith("This account is locked");
		assertThat(this.mvc.get().uri("/account").with(session).exchange()).hasRedirectedUrl("/login");

		this.clock.advance(this.properties.lockDuration().minusSeconds(5));
		assertThat(signIn(session, "signin-bob", PASSWORD)).hasRedirectedUrl("/login?error");

		this.clock.advance(java.time.Duration.ofSeconds(6));
		// Signed in at last, and sent to the page asked for while signed out.
		assertThat(signIn(session, "signin-bob", PASSWORD).getResponse().getRedirectedUrl()).endsWith("/account?continue");
		assertThat(row(id)).containsEntry("failed_attempts", 0).containsEntry("locked_until", null);
	}

	@Test
	void aFailedSignInIsShownAsAnErrorOfTheUserNameLikeAnyFormError() throws Exception {
		newUser("signin-erin", Role.SECRETARIAT);
		CookieSession session = new CookieSession();
		assertThat(signIn(session, "signin-erin", "not the password")).hasStatus(HttpStatus.FOUND);
		MvcTestResult page = this.mvc.get().uri("/login?error").header("Accept-Language", "en").with(session).exchange();
		Document doc = Jsoup.parse(page.getResponse().getContentAsString());
		assertThat(Pages.assertFormErrors(doc)).containsExactly("username");
		assertThat(doc.select("#username-error").text()).isEqualTo("Error: The user name or password is wrong.");
		assertThat(doc.select("#password[type=password]").val()).isEmpty();
		Document first = Jsoup.parse(this.mvc.get().uri("/login").exchange().getResponse().getContentAsString());
		assertThat(first.select(".error-summary, .error-message")).isEmpty();
		assertThat(first.title()).doesNotStartWith("Error");
	}

	@Test
	void anAdministratorCanUnlockALockedAccount() {
		long id = newUser("signin-dave", Role.SECRETARIAT);
		newUser("signin-admin", Role.ADMIN);
		CookieSession session = new CookieSession();
		for (int i = 1; i <= 5; i++) {
			signIn(session, "signin-dave", "wrong");
		}
		assertThat(row(id).get("locked_until")).isNotNull();

		assertThat(this.mvc.post()
			.uri("/admin/users/{id}/unlock", id)
			.with(user(this.users.load("signin-admin")))
			.with(csrf())
			.exchange()).hasRedirectedUrl("/admin/users/" + id);

		assertThat(row(id)).containsEntry("failed_attempts", 0).containsEntry("locked_until", null);
		assertThat(this.jdbc.sql("select actor from audit_event where action = 'USER_UNLOCKED' and entity_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.single()).isEqualTo("signin-admin");
		assertThat(signIn(session, "signin-dave", PASSWORD)).hasRedirectedUrl("/account");
	}

	@Test
	void aDisabledUserCannotSignIn() throws Exception {
		long id = newUser("signin-erin", Role.SECRETARIAT);
		this.jdbc.sql("update app_user set enabled = false where id = ?").param(id).update();
		CookieSession session = new CookieSession();
		assertThat(signIn(session, "signin-erin", PASSWORD)).hasRedirectedUrl("/login?error");
		assertThat(signInMessage(session)).isEqualTo("This account is disabled. Ask an administrator.");
		assertThat(row(id).get("failed_attempts")).isEqualTo(0);
	}

	@Test
	void aSessionEndsAtTheNextRequestOnceItsAccountIsDisabled() {
		long id = newUser("signin-frank", Role.SECRETARIAT);
		CookieSession session = new CookieSession();
		signIn(session, "signin-frank", PASSWORD);
		assertThat(this.mvc.get().uri("/account").with(session).exchange()).hasStatus(HttpStatus.OK);
		this.jdbc.sql("update app_user set enabled = false where id = ?").param(id).update();
		assertThat(this.mvc.get().uri("/account").with(session).exchange()).hasRedirectedUrl("/login?disabled");
		assertThat(this.mvc.get().uri("/account").exchange()).hasRedirectedUrl("/login");
	}

	@Test
	void aPostWithoutCsrfTokenIsRefusedAndWritesNothing() {
		long id = newUser("signin-grace", Role.SECRETARIAT);
		newUser("signin-root", Role.ADMIN);
		String hash = this.jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).single();

		assertThat(this.mvc.post().uri("/login").param("username", "signin-grace").param("password", "wrong").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(row(id).get("failed_attempts")).isEqualTo(0);

		assertThat(this.mvc.post()
			.uri("/admin/users")
			.param("username", "signin-mallory")
			.param("displayName", "Mallory")
			.param("role", "ADMIN")
			.with(user(this.users.load("signin-root")))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.jdbc.sql("select count(*) from app_user where username = 'signin-mallory'").query(Long.class).single())
			.isZero();

		assertThat(this.mvc.post()
			.uri("/account/password")
			.param("currentPassword", PASSWORD)
			.param("newPassword", "a brand new passphrase")
			.param("confirmPassword", "a brand new passphrase")
			.with(user(this.users.load("signin-grace")))
			.exchange()).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(this.jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).single())
			.isEqualTo(hash);
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'user' and entity_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void thereIsNoRememberMe() throws Exception {
		newUser("signin-heidi", Role.SECRETARIAT);
		List<Filter> filters = this.filterChainProxy.getFilterChains()
			.stream()
			.flatMap((chain) -> chain.getFilters().stream())
			.toList();
		assertThat(filters).isNotEmpty().noneMatch(RememberMeAuthenticationFilter.class::isInstance);

		MvcTestResult signedIn = this.mvc.post()
			.uri("/login")
			.param("username", "signin-heidi")
			.param("password", PASSWORD)
			.param("remember-me", "on")
			.with(csrf())
			.exchange();
		assertThat(signedIn).hasRedirectedUrl("/account");
		assertThat(signedIn.getResponse().getCookies()).noneMatch((c) -> c.getName().contains("remember"));
		Document login = Jsoup.parse(this.mvc.get().uri("/login").exchange().getResponse().getContentAsString());
		assertThat(login.select("input[type=checkbox]")).isEmpty();
	}

	@Test
	void aTemporaryPasswordMustBeChangedBeforeAnythingElse() throws Exception {
		long id = newUser("signin-ivan", Role.SECRETARIAT);
		this.jdbc.sql("update app_user set password_change_required = true where id = ?").param(id).update();
		CookieSession session = new CookieSession();
		assertThat(signIn(session, "signin-ivan", PASSWORD)).hasRedirectedUrl("/account");

		for (String page : List.of("/account", "/", "/stakeholders")) {
			assertThat(this.mvc.get().uri(page).with(session).exchange()).as(page)
				.hasRedirectedUrl("/account/password");
		}
		MvcTestResult form = this.mvc.get().uri("/account/password").header("Accept-Language", "en").with(session).exchange();
		assertThat(form).hasStatus(HttpStatus.OK);
		assertThat(Jsoup.parse(form.getResponse().getContentAsString()).select(".change-required").text())
			.startsWith("You must choose a new password");

		assertThat(this.mvc.post()
			.uri("/account/password")
			.param("currentPassword", PASSWORD)
			.param("newPassword", "my very own passphrase")
			.param("confirmPassword", "my very own passphrase")
			.with(csrf())
			.with(session)
			.exchange()).hasRedirectedUrl("/account");
		assertThat(row(id).get("password_change_required")).isEqualTo(false);
		assertThat(this.mvc.get().uri("/account").with(session).exchange()).hasStatus(HttpStatus.OK);
		assertThat(this.mvc.get().uri("/").with(session).exchange()).hasStatus(HttpStatus.OK);
		assertThat(signIn(new CookieSession(), "signin-ivan", "my very own passphrase")).hasRedirectedUrl("/account");
	}

}
