package org.a4p.portal.account;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.support.CookieSession;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@PortalTest
@Transactional
class UserAdminPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	EntityManager entityManager;

	@Autowired
	DisableUser disableUser;

	TestUsers users;

	long adminId;

	PortalUser admin;

	@BeforeEach
	void anAdministrator() {
		this.users = new TestUsers(this.jdbc, this.userDetails);
		this.adminId = this.users.insert("ua-root", Role.ADMIN, null, TestUsers.NO_PASSWORD);
		this.admin = this.users.load("ua-root");
	}

	/** The administrator's browser session: a message shown after a redirect travels in it. */
	final CookieSession session = new CookieSession();

	private MvcTestResult post(String uri, Map<String, String> params) {
		var request = this.mvc.post()
			.uri(uri)
			.header("Accept-Language", "en")
			.with(user(this.admin))
			.with(csrf())
			.with(this.session);
		params.forEach(request::param);
		MvcTestResult result = request.exchange();
		this.entityManager.flush();
		return result;
	}

	private MvcTestResult createUser(String username, String displayName, String role, String state) {
		return post("/admin/users", Map.of("username", username, "displayName", displayName, "email", "", "role", role,
				"stateCode", state));
	}

	private Document get(String uri, String language) throws Exception {
		MvcTestResult result = this.mvc.get().uri(uri).header("Accept-Language", language).with(user(this.admin)).exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private Map<String, Object> row(String username) {
		return this.jdbc.sql("select * from app_user where username = ?").param(username).query().singleRow();
	}

	private Map<String, Object> audit(String action, long userId) {
		return this.jdbc.sql("select actor, before_state::text as before, after_state::text as after from audit_event "
				+ "where action = ? and entity_type = 'user' and entity_id = ?")
			.params(action, String.valueOf(userId))
			.query()
			.singleRow();
	}

	@Test
	void theListShowsEveryUserAndNeverAHash() throws Exception {
		this.users.insert("ua-delegate", Role.DELEGATE, "PAK", this.passwordEncoder.encode("some long passphrase"));
		this.jdbc.sql("update app_user set locked_until = now() + interval '5 minutes', failed_attempts = 5 "
				+ "where username = 'ua-delegate'").update();
		Document doc = get("/admin/users", "en");
		assertThat(doc.title()).isEqualTo("Users – A4P commitments portal");
		assertThat(doc.select("h1").text()).isEqualTo("Users");
		var row = doc.select("tr:has(th a:containsOwn(ua-delegate))");
		assertThat(row.select("td").eachText()).containsExactly("Test ua-delegate", "Member-State delegate",
				"Pakistan (PAK)", "yes", "yes", "never");
		assertThat(doc.html()).doesNotContain("{bcrypt}").doesNotContain("$2a$").doesNotContain("{noop}");
		assertThat(get("/admin/users", "zh").select("tr:has(th a:containsOwn(ua-delegate)) td").eachText())
			.contains("巴基斯坦 (PAK)", "会员国代表");
	}

	@Test
	void creatingAUserShowsItsTemporaryPasswordOnceAndRequiresAChange() throws Exception {
		MvcTestResult created = createUser("  New.Delegate ", "Nouvelle Déléguée", "DELEGATE", "PHL");
		long id = ((Number) row("new.delegate").get("id")).longValue();
		assertThat(created).hasRedirectedUrl("/admin/users/" + id);
		String temporary = (String) created.getMvcResult().getFlashMap().get("temporaryPassword");
		assertThat(temporary).hasSize(20).matches("[A-Za-z0-9]{20}");

		Map<String, Object> stored = row("new.delegate");
		assertThat(this.passwordEncoder.matches(temporary, (String) stored.get("password_hash"))).isTrue();
		assertThat(stored.get("password_change_required")).isEqualTo(true);
		assertThat(stored.get("role")).isEqualTo("DELEGATE");
		assertThat(stored.get("email")).isNull();

		Document shown = Jsoup.parse(this.mvc.get()
			.uri("/admin/users/{id}", id)
			.header("Accept-Language", "en")
			.with(user(this.admin))
			.with(this.session)
			.exchange()
			.getResponse()
			.getContentAsString());
		assertThat(shown.select(".temporary-password-value").text()).isEqualTo(temporary);
		assertThat(shown.select("[role=status]").text()).isEqualTo("The user has been created.");
		assertThat(shown.select("dd").eachText()).contains("Nouvelle Déléguée", "Philippines (PHL)");

		Document again = get("/admin/users/" + id, "en");
		assertThat(again.select(".temporary-password")).isEmpty();
		assertThat(again.html()).doesNotContain(temporary);

		Map<String, Object> audit = audit("USER_CREATED", id);
		assertThat(audit.get("actor")).isEqualTo("ua-root");
		assertThat(audit.get("after").toString()).contains("\"username\": \"new.delegate\"")
			.contains("\"state\": \"PHL\"")
			.contains("\"passwordChangeRequired\": true")
			.doesNotContain(temporary)
			.doesNotContain("bcrypt");
	}

	@Test
	void userNamesAreCaseInsensitiveSoADuplicateIsAFieldError() throws Exception {
		this.users.insert("ua-taken", Role.SECRETARIAT, null, TestUsers.NO_PASSWORD);
		MvcTestResult result = createUser("UA-Taken", "Someone Else", "SECRETARIAT", "");
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document doc = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(doc.select("#username-error").text()).isEqualTo("Error: This user name is already taken: choose another");
		assertThat(doc.select("#username").attr("value")).isEqualTo("UA-Taken");
		assertThat(doc.select("#displayName").attr("value")).isEqualTo("Someone Else");
		assertThat(this.jdbc.sql("select count(*) from app_user where display_name = 'Someone Else'").query(Long.class).single())
			.isZero();
	}

	@Test
	void anEmptyFormNamesEveryMissingFieldAndLinksToItsInput() throws Exception {
		MvcTestResult result = post("/admin/users", Map.of());
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		Document doc = Jsoup.parse(result.getResponse().getContentAsString());
		assertThat(doc.title()).isEqualTo("Error: Create a user – A4P commitments portal");
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactlyInAnyOrder("#username",
				"#displayName", "#role");
		for (String href : doc.select(".error-summary a").eachAttr("href")) {
			assertThat(doc.select(href)).as(href).hasSize(1);
		}
		assertThat(doc.select("#role-error").text()).isEqualTo("Error: Choose a role");
	}

	@Test
	void aMemberStateIsRequiredForADelegateAndForbiddenForAnyoneElse() throws Exception {
		assertThat(Jsoup.parse(createUser("ua-d1", "D One", "DELEGATE", "").getResponse().getContentAsString())
			.select("#stateCode-error").text()).isEqualTo("Error: Choose the Member State of the delegate");
		assertThat(Jsoup.parse(createUser("ua-d2", "D Two", "DELEGATE", "XYZ").getResponse().getContentAsString())
			.select("#stateCode-error").text()).isEqualTo("Error: Choose a Member State from the list");
		assertThat(Jsoup.parse(createUser("ua-d3", "D Three", "DELEGATE", "EU").getResponse().getContentAsString())
			.select("#stateCode-error").text()).isEqualTo("Error: Choose a Member State from the list");
		Document secretariat = Jsoup.parse(createUser("ua-s1", "S One", "SECRETARIAT", "PAK").getResponse()
			.getContentAsString());
		assertThat(secretariat.select("#stateCode-error").text())
			.isEqualTo("Error: Leave the Member State empty: only delegates belong to one");
		assertThat(secretariat.select("#stateCode option[selected]").attr("value")).isEqualTo("PAK");
		assertThat(this.jdbc.sql("select count(*) from app_user where username like 'ua-d_' or username = 'ua-s1'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void namesInAnyScriptAreStoredIntactAndShownAsText() throws Exception {
		List<String> names = List.of("王小明", "محمد عبد الله", "<script>alert(1)</script>");
		for (int i = 0; i < names.size(); i++) {
			assertThat(createUser("ua-script-" + i, names.get(i), "SECRETARIAT", "")).hasStatus(HttpStatus.FOUND);
			assertThat(row("ua-script-" + i).get("display_name")).isEqualTo(names.get(i));
		}
		MvcTestResult list = this.mvc.get().uri("/admin/users").with(user(this.admin)).exchange();
		String html = list.getResponse().getContentAsString();
		assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		Document doc = Jsoup.parse(html);
		assertThat(doc.select("script:not([src])")).as("no inline script").isEmpty();
		assertThat(doc.select("td.display-name").eachText()).containsAll(names);
	}

	@Test
	void disablingAndEnablingAreAudited() throws Exception {
		long id = this.users.insert("ua-kim", Role.SECRETARIAT, null, TestUsers.NO_PASSWORD);
		MvcTestResult disabled = post("/admin/users/" + id + "/disable", Map.of());
		assertThat(disabled).hasRedirectedUrl("/admin/users/" + id);
		assertThat(disabled.getMvcResult().getFlashMap().get("flashKey")).isEqualTo("users.disabled");
		assertThat(row("ua-kim").get("enabled")).isEqualTo(false);
		assertThat(audit("USER_DISABLED", id)).containsEntry("actor", "ua-root")
			.containsEntry("before", "{\"enabled\": true}")
			.containsEntry("after", "{\"enabled\": false}");
		assertThat(get("/admin/users/" + id, "en").select(".user-enabled").text()).isEqualTo("no");

		assertThat(post("/admin/users/" + id + "/enable", Map.of())).hasRedirectedUrl("/admin/users/" + id);
		assertThat(row("ua-kim").get("enabled")).isEqualTo(true);
		assertThat(audit("USER_ENABLED", id)).containsEntry("after", "{\"enabled\": true}");
	}

	@Test
	void anAdministratorCannotDisableThemselves() throws Exception {
		MvcTestResult result = post("/admin/users/" + this.adminId + "/disable", Map.of());
		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("main").text())
			.contains("You cannot disable your own account");
		assertThat(row("ua-root").get("enabled")).isEqualTo(true);
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'USER_DISABLED' and entity_id = ?")
			.param(String.valueOf(this.adminId)).query(Long.class).single()).isZero();
	}

	@Test
	void theLastEnabledAdministratorCannotBeDisabled() {
		long other = this.users.insert("ua-other-admin", Role.ADMIN, null, TestUsers.NO_PASSWORD);
		// Another administrator may be disabled while one stays enabled ...
		assertThat(this.disableUser.disable(other, this.admin)).isTrue();
		this.entityManager.flush();
		// ... but not the last one, even by an administrator whose own account was disabled meanwhile.
		this.jdbc.sql("update app_user set enabled = false where role = 'ADMIN' and id <> ?").param(this.adminId).update();
		PortalUser formerAdmin = new PortalUser(other, "ua-other-admin", "Other", null, Role.ADMIN, null, null, false, false);
		assertThatThrownBy(() -> this.disableUser.disable(this.adminId, formerAdmin)).isInstanceOf(Refusal.class)
			.hasMessageContaining("users.disable.refused.last-admin");
		assertThat(row("ua-root").get("enabled")).isEqualTo(true);
	}

	@Test
	void resettingAPasswordShowsANewTemporaryOneAndRequiresAChange() throws Exception {
		long id = this.users.insert("ua-liu", Role.SECRETARIAT, null, this.passwordEncoder.encode("the old passphrase"));
		MvcTestResult result = post("/admin/users/" + id + "/reset-password", Map.of());
		assertThat(result).hasRedirectedUrl("/admin/users/" + id);
		String temporary = (String) result.getMvcResult().getFlashMap().get("temporaryPassword");
		assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
		Map<String, Object> stored = row("ua-liu");
		assertThat(this.passwordEncoder.matches(temporary, (String) stored.get("password_hash"))).isTrue();
		assertThat(this.passwordEncoder.matches("the old passphrase", (String) stored.get("password_hash"))).isFalse();
		assertThat(stored.get("password_change_required")).isEqualTo(true);
		Map<String, Object> audit = audit("PASSWORD_RESET", id);
		assertThat(audit.get("before")).isEqualTo("{\"passwordChangeRequired\": false}");
		assertThat(audit.toString()).doesNotContain(temporary).doesNotContain("bcrypt");
	}

	@Test
	void unlockingClearsTheLockAndIsAudited() {
		long id = this.users.insert("ua-mo", Role.SECRETARIAT, null, TestUsers.NO_PASSWORD);
		this.jdbc.sql("update app_user set locked_until = now() + interval '10 minutes', failed_attempts = 5 where id = ?")
			.param(id).update();
		assertThat(post("/admin/users/" + id + "/unlock", Map.of())).hasRedirectedUrl("/admin/users/" + id);
		assertThat(row("ua-mo")).containsEntry("failed_attempts", 0).containsEntry("locked_until", null);
		assertThat(audit("USER_UNLOCKED", id).get("before").toString()).contains("\"failedAttempts\": 5");
	}

	@Test
	void anUnknownUserIsA404() {
		assertThat(this.mvc.get().uri("/admin/users/999999999").with(user(this.admin)).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("/admin/users/999999999/disable", Map.of())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/admin/users/abc").with(user(this.admin)).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
	}

}
