package org.a4p.portal.support;

import java.io.UnsupportedEncodingException;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading rendered pages in tests. */
public final class Pages {

	private Pages() {
	}

	public static Document html(MvcTestResult result) {
		try {
			return Jsoup.parse(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Checks a form page shown again with errors, the GOV.UK way: "Error: " before the title, an error
	 * summary whose links point at existing inputs, each input described by its error message.
	 * @return the targets of the summary's links (input ids)
	 */
	public static List<String> assertFormErrors(Document page) {
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".error-summary[role=alert]")).hasSize(1);
		assertThat(page.select(".error-summary h2").text()).isEqualTo("There is a problem");
		List<String> targets = page.select(".error-summary a[href^=#]").eachAttr("href").stream()
			.map((href) -> href.substring(1))
			.toList();
		for (String id : targets) {
			assertThat(page.getElementById(id)).as("input #" + id).isNotNull();
			assertThat(page.getElementById(id).attr("aria-describedby")).as("aria-describedby of #" + id)
				.contains(id + "-error");
			assertThat(page.getElementById(id + "-error")).as("#" + id + "-error").isNotNull();
			assertThat(page.getElementById(id + "-error").text()).startsWith("Error:");
		}
		return targets;
	}

}
