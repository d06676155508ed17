package org.a4p.portal.reporting;

import java.util.List;

import org.a4p.portal.reporting.EntryForm.EvidenceRow;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;

class EntryFormValidatorTest {

	private static Errors validate(EntryForm form) {
		Errors errors = new BeanPropertyBindingResult(form, "entryForm");
		form.normalise();
		new EntryFormValidator().validate(form, errors);
		return errors;
	}

	private static EntryForm form(String status, String narrative, String... titlesAndUrls) {
		EntryForm form = new EntryForm();
		form.setStatus(status);
		form.setNarrative(narrative);
		for (int i = 0; i + 1 < titlesAndUrls.length; i += 2) {
			EvidenceRow row = new EvidenceRow();
			row.setTitle(titlesAndUrls[i]);
			row.setUrl(titlesAndUrls[i + 1]);
			form.getEvidence().add(row);
		}
		return form;
	}

	private static List<String> codes(Errors errors) {
		return errors.getAllErrors().stream().map((e) -> e.getCode() + ((e instanceof FieldError f) ? "@" + f.getField() : "")).toList();
	}

	@Test
	void aCompleteFormHasNoError() {
		assertThat(validate(form("SUBSTANTIAL", "Done.", "Report", "https://example.org/r?x=1#y")).hasErrors()).isFalse();
	}

	@Test
	void onlyWebAddressesWithAHostAreAccepted() {
		assertThat(EntryFormValidator.isWebAddress("https://example.org")).isTrue();
		assertThat(EntryFormValidator.isWebAddress("HTTP://EXAMPLE.ORG/Path")).isTrue();
		assertThat(EntryFormValidator.isWebAddress("https://例子.测试/路径")).isTrue();
		assertThat(EntryFormValidator.isWebAddress("javascript:alert(1)")).isFalse();
		assertThat(EntryFormValidator.isWebAddress(" javascript:alert(1)")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("data:text/html,hi")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("ftp://example.org")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("https://")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("https:///path")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("https://user@evil.example")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("https://exa mple.org")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("https://example.org/\u00a0x")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("https://example.org/\u0000")).isFalse();
		assertThat(EntryFormValidator.isWebAddress("//example.org")).isFalse();
	}

	@Test
	void lengthsAreCountedInCharactersAfterLineBreaksAreMadeSingle() {
		assertThat(validate(form("LIMITED", "x".repeat(10_000))).hasErrors()).isFalse();
		assertThat(codes(validate(form("LIMITED", "x".repeat(10_001))))).containsExactly("entry.narrative.too-long@narrative");
		assertThat(validate(form("LIMITED", "x\r\n".repeat(5_000))).hasErrors()).isFalse();
		assertThat(validate(form("LIMITED", "😀".repeat(10_000))).hasErrors()).isFalse();
		assertThat(codes(validate(form("LIMITED", "x", "t".repeat(301), "https://example.org"))))
			.containsExactly("entry.evidence.title.too-long@evidence[0].title");
	}

	@Test
	void controlCharactersAndLoneSurrogatesAreRefused() {
		assertThat(codes(validate(form("LIMITED", "a\u0000b")))).containsExactly("entry.narrative.control@narrative");
		assertThat(codes(validate(form("LIMITED", "a\u009bb")))).containsExactly("entry.narrative.control@narrative");
		assertThat(codes(validate(form("LIMITED", "a\ud800b")))).containsExactly("entry.narrative.control@narrative");
		assertThat(validate(form("LIMITED", "tab\tand\nnew line")).hasErrors()).isFalse();
		assertThat(codes(validate(form("LIMITED", "x", "two\nlines", "https://example.org"))))
			.containsExactly("entry.evidence.title.control@evidence[0].title");
	}

	@Test
	void rowsNeedBothTitleAndAddressAndEmptyRowsAreIgnored() {
		assertThat(codes(validate(form(null, "", "", "", "Title", "", "", "https://example.org", "  ", "  "))))
			.containsExactly("entry.status.required@status", "entry.evidence.url.required@evidence[1].url",
					"entry.evidence.title.required@evidence[2].title");
		EntryForm ok = form("LIMITED", "", "", "", "A", "https://example.org/a");
		assertThat(validate(ok).hasErrors()).isFalse();
		assertThat(ok.toContent().evidence()).hasSize(1);
	}

	@Test
	void theFormOffersAtLeastFiveRowsAndTwoSpareOnes() {
		EntryForm form = EntryForm.blank();
		assertThat(form.getEvidence()).hasSize(5);
		EntryForm full = form("LIMITED", "", "a", "https://a.org", "b", "https://b.org", "c", "https://c.org", "d",
				"https://d.org", "e", "https://e.org");
		full.padRows();
		assertThat(full.getEvidence()).hasSize(7);
	}

}
