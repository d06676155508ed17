package org.a4p.portal.progress;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.PortalTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Checks this branch's rows of the access matrix (src/test/resources/access-matrix/progress.csv)
 * until the project-wide access-matrix test reads them: every route, every kind of user. "ok" means
 * the user got past authorization (any answer but a sign-in redirect, 403, 404 or a server error;
 * for an empty POST that is a 422 or 409 answer, nothing written).
 */
@PortalTest
@Transactional
class ProgressAccessMatrixTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyProgressRouteAnswersEachKindOfUserAsTheMatrixSays() throws IOException {
		EntryTestSupport t = new EntryTestSupport(this.mvc, this.jdbc);
		Properties placeholders = new Properties();
		try (InputStream in = new ClassPathResource("access-matrix/progress-placeholders.properties").getInputStream()) {
			placeholders.load(in);
		}
		Map<String, PortalUser> users = Map.of("delegate_x", t.delegateOf("PAK"), "delegate_y", t.delegateOf("PHL"),
				"secretariat", t.secretariat(), "admin", t.admin());
		List<String> mismatches = new ArrayList<>();
		int checked = 0;
		try (Reader reader = new InputStreamReader(new ClassPathResource("access-matrix/progress.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				String path = row.get("example_path").replace("{xState}", "PAK").replace("{yState}", "PHL");
				for (String name : placeholders.stringPropertyNames()) {
					path = path.replace("{" + name + "}",
							this.jdbc.sql(placeholders.getProperty(name)).query(String.class).single());
				}
				for (String role : List.of("anonymous", "delegate_x", "delegate_y", "secretariat", "admin")) {
					MockMvcRequestBuilder request = row.get("method").equals("POST")
							? this.mvc.post().uri(path).with(csrf()) : this.mvc.get().uri(path);
					if (users.containsKey(role)) {
						request = request.with(user(users.get(role)));
					}
					String outcome = outcome(request.exchange().getResponse());
					checked++;
					if (!outcome.equals(row.get(role))) {
						mismatches.add(row.get("method") + " " + path + " as " + role + ": expected " + row.get(role)
								+ ", got " + outcome);
					}
				}
			}
		}
		assertThat(mismatches).isEmpty();
		assertThat(checked).isGreaterThanOrEqualTo(40);
		assertThat(t.count("select count(*) from progress_entry")).as("empty POSTs write nothing").isZero();
	}

	private static String outcome(org.springframework.mock.web.MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		if (status == 302 && location != null && location.endsWith("/login")) {
			return "login";
		}
		if (status == 403 || status == 404) {
			return String.valueOf(status);
		}
		return (status < 500) ? "ok" : "error " + status;
	}

}
