package org.a4p.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.a4p.portal.web.OutagePage.Field;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the 503 page offers: a retry link for a read; for a form, what was sent and a button to send it again. */
class OutagePageTest {

	@Test
	void aReadOffersToTryTheSameAddressAgain() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/areas/POL");
		request.setQueryString("cycle=2026");
		Map<String, ?> model = OutagePage.model(request, Locale.ENGLISH);
		assertThat(model.get("wasForm")).isEqualTo(false);
		assertThat(model.get("retryHref")).isEqualTo("/areas/POL?cycle=2026");
		assertThat(model.get("status")).isEqualTo(503);
	}

	@Test
	void aFormShowsWhatWasTypedAndSendsAllOfItAgain() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/entries/2026/PAK/POL-1");
		request.addParameter("_csrf", "token");
		request.addParameter("version", "3");
		request.addParameter("status", "LIMITED");
		request.addParameter("narrative", "What the delegate typed");
		request.addParameter("evidence[0].title", "");
		Map<String, ?> model = OutagePage.model(request, Locale.ENGLISH);
		assertThat(model.get("wasForm")).isEqualTo(true);
		assertThat(model.get("shown")).isEqualTo(
				List.of(new Field("status", "LIMITED"), new Field("narrative", "What the delegate typed")));
		assertThat(model.get("resend")).isEqualTo(List.of(new Field("_csrf", "token"), new Field("version", "3"),
				new Field("status", "LIMITED"), new Field("narrative", "What the delegate typed"),
				new Field("evidence[0].title", "")));
		assertThat(model.get("resendAction")).isEqualTo("/entries/2026/PAK/POL-1");
		assertThat(model.get("withheld")).isEqualTo(false);
	}

	@Test
	void passwordsAreNeitherShownNorSentAgain() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.addParameter("username", "delegate.pak");
		request.addParameter("password", "secret passphrase");
		Map<String, ?> model = OutagePage.model(request, Locale.ENGLISH);
		assertThat(model.get("shown")).isEqualTo(List.of(new Field("username", "delegate.pak")));
		assertThat(model.get("withheld")).isEqualTo(true);
		assertThat(model.get("resend")).isEqualTo(List.of());
		assertThat(model.get("resendAction")).isNull();
	}

	@Test
	void onAnErrorPageTheFailedRequestIsTheOneDescribed() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/entries/2026/PAK/POL-1");
		request.setAttribute(RequestDispatcher.ERROR_METHOD, "POST");
		request.addParameter("narrative", "Kept");
		Map<String, ?> model = OutagePage.model(request, Locale.ENGLISH);
		assertThat(model.get("wasForm")).isEqualTo(true);
		assertThat(model.get("resendAction")).isEqualTo("/entries/2026/PAK/POL-1");
		assertThat(model.get("shown")).isEqualTo(List.of(new Field("narrative", "Kept")));
	}

	@Test
	void linksStayOnThisSite() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "//evil.example/x");
		assertThat(OutagePage.model(request, Locale.ENGLISH).get("retryHref")).isEqualTo("/evil.example/x");
	}

}
