package org.a4p.portal.support;

import java.io.UnsupportedEncodingException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Fetching and parsing pages in tests. */
public final class Html {

	private Html() {
	}

	/** GET a page with the browser asking for a language; it must answer 200. */
	public static Document get(MockMvcTester mvc, String uri, String acceptLanguage) {
		return expect(mvc.get().uri(uri).header("Accept-Language", acceptLanguage).exchange(), HttpStatus.OK);
	}

	/** The page's body parsed, after checking the status. */
	public static Document expect(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status);
		try {
			return Jsoup.parse(result.getResponse().getContentAsString());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
