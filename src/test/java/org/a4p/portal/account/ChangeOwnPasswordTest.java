package org.a4p.portal.account;

import jakarta.persistence.EntityManager;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

@PortalTest
@Transactional
class ChangeOwnPasswordTest {

	static final String PASSWORD = "the current passphrase";

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

	long id;

	PortalUser me;

	@BeforeEach
	void aSignedInUser() {
		TestUsers users = new TestUsers(this.jdbc, this.userDetails);
		this.id = users.insert("pw-judy", Role.SECRETARIAT, null, this.passwordEncoder.encode(PASSWORD));
		this.me = users.load("pw-judy");
	}

	private MvcTestResult change(String current, String newPassword, String confirm, String language) {
		MvcTestResult result = this.mvc.post()
			.uri("/account/password")
			.param("currentPassword", current)
			.param("newPassword", newPassword)
			.param("confirmPassword", confirm)
			.header("Accept-Language", language)
			.with(user(this.me))
			.with(csrf())
			.exchange();
		this.entityManager.flush();
		return result;
	}

	private Document page(MvcTestResult result) throws Exception {
		assertThat(result).hasStatus(HttpStatus.OK);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	/** The form shown again with its problems: 422. */
	private Document refused(MvcTestResult result) throws Exception {
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	private String hash() {
		return this.jdbc.sql("select password_hash from app_user where id = ?").param(this.id).query(String.class).single();
	}

	@Test
	void theFormFollowsTheGovUkPattern() throws Exception {
		Document doc = page(this.mvc.get().uri("/account/password").header("Accept-Language", "en").with(user(this.me)).exchange());
		assertThat(doc.title()).isEqualTo("Change your password – A4P commitments portal");
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select("form[novalidate] input[name=_csrf]")).hasSize(1);
		assertThat(doc.select("label[for=currentPassword]")).hasSize(1);
		assertThat(doc.select("#newPassword").attr("aria-describedby")).isEqualTo("newPassword-hint");
		assertThat(doc.select("#newPassword-hint").text()).startsWith("At least 12 characters");
		assertThat(doc.select(".change-required")).isEmpty();
	}

	@Test
	void anEmptyFormShowsEveryProblemAndWritesNothing() throws Exception {
		String before = hash();
		Document doc = refused(change("", "", "", "en"));
		assertThat(doc.title()).isEqualTo("Error: Change your password – A4P commitments portal");
		assertThat(doc.select(".error-summary[role=alert] h2").text()).isEqualTo("There is a problem");
		assertThat(doc.select(".error-summary a").eachAttr("href")).containsExactlyInAnyOrder("#currentPassword",
				"#newPassword", "#confirmPassword");
		assertThat(doc.select("#currentPassword-error").text()).isEqualTo("Error: Enter your current password");
		assertThat(doc.select("#newPassword").attr("aria-describedby")).isEqualTo("newPassword-hint newPassword-error");
		assertThat(hash()).isEqualTo(before);
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAndCountsAsAFailedSignIn() throws Exception {
		String before = hash();
		Document doc = refused(change("not my password", "a brand new passphrase", "a brand new passphrase", "en"));
		assertThat(doc.select("#currentPassword-error").text()).isEqualTo("Error: The current password is wrong");
		assertThat(hash()).isEqualTo(before);
		assertThat(this.jdbc.sql("select failed_attempts from app_user where id = ?").param(this.id).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void theNewPasswordMustBeLongEnoughNotTheUserNameNotTheCurrentOneAndTypedTwiceAlike() throws Exception {
		assertThat(refused(change(PASSWORD, "short one", "short one", "en")).select("#newPassword-error").text())
			.isEqualTo("Error: Enter a new password of at least 12 characters");
		this.jdbc.sql("update app_user set username = 'pw-judy-the-long-name' where id = ?").param(this.id).update();
		this.entityManager.clear();
		assertThat(refused(change(PASSWORD, "PW-Judy-The-Long-Name", "PW-Judy-The-Long-Name", "en"))
			.select("#newPassword-error").text()).isEqualTo("Error: Enter a new password that is not your user name");
		assertThat(refused(change(PASSWORD, PASSWORD, PASSWORD, "en")).select("#newPassword-error").text())
			.isEqualTo("Error: Enter a new password that differs from the current one");
		assertThat(refused(change(PASSWORD, "a brand new passphrase", "a brand new passphrasf", "en"))
			.select("#confirmPassword-error").text())
			.isEqualTo("Error: The two new passwords differ: type the same password twice");
		assertThat(refused(change(PASSWORD, "长".repeat(25), "长".repeat(25), "en")).select("#newPassword-error").text())
			.startsWith("Error: Enter a shorter new password");
	}

	@Test
	void problemsAreExplainedInChineseAndPasswordsAreNeverSentBack() throws Exception {
		Document doc = refused(change(PASSWORD, "short one", "short one", "zh"));
		assertThat(doc.title()).startsWith("错误：更改密码");
		assertThat(doc.select("#newPassword-error").text()).isEqualTo("错误： 请输入至少 12 个字符的新密码");
		assertThat(doc.select("input[type=password]")).hasSize(3).allMatch((input) -> input.attr("value").isEmpty());
		assertThat(doc.html()).doesNotContain(PASSWORD).doesNotContain("short one");
	}

	@Test
	void aGoodChangeIsSavedAndAuditedWithoutHashes() throws Exception {
		this.jdbc.sql("update app_user set password_change_required = true where id = ?").param(this.id).update();
		MvcTestResult result = change(PASSWORD, "一个很长的新密码短语 with words", "一个很长的新密码短语 with words", "en");
		// on to their work (Secretariat staff: their work page)
		assertThat(result).hasRedirectedUrl("/secretariat");
		assertThat(result.getMvcResult().getFlashMap().get("flashKey")).isEqualTo("password.changed");
		assertThat(this.passwordEncoder.matches("一个很长的新密码短语 with words", hash())).isTrue();
		assertThat(hash()).startsWith("{bcrypt}");
		assertThat(this.jdbc.sql("select password_change_required from app_user where id = ?").param(this.id)
			.query(Boolean.class).single()).isFalse();
		var audit = this.jdbc.sql("select actor, before_state::text as before, after_state::text as after from audit_event "
				+ "where action = 'PASSWORD_CHANGED' and entity_id = ?").param(String.valueOf(this.id)).query().singleRow();
		assertThat(audit.get("actor")).isEqualTo("pw-judy");
		assertThat(audit.get("before").toString()).contains("\"passwordChangeRequired\": true");
		assertThat(audit.get("after").toString()).contains("\"passwordChangeRequired\": false");
		assertThat(audit.toString()).doesNotContain("bcrypt").doesNotContain("$2a$").doesNotContain("passphrase");
	}

}
