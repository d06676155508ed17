package org.a4p.portal.publication;

import java.time.LocalDate;
import java.util.Locale;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.expectRedirect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was done, in public: the commitment and stakeholder pages show each validated entry's narrative and
 * evidence links exactly as validated, with the validation date and "validated by the Secretariat" (no
 * reviewer's name); never a draft, a submission or an edit made after validation.
 */
@PortalTest
@Transactional
class WhatWasDoneTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Editions editions;

	@Autowired
	ProgressViews views;

	EntryTestSupport t;

	PortalUser pak;

	@BeforeEach
	void setUp() {
		this.t = new EntryTestSupport(this.mvc, this.jdbc);
		this.pak = this.t.delegateOf("PAK");
	}

	private void validate(String stakeholder, String commitment, String status, String narrative, String... links) {
		PortalUser writer = this.t.delegateOf(stakeholder);
		expectRedirect(this.t.save(writer, stakeholder, commitment, status, narrative,
				this.t.versionOrNull(stakeholder, commitment), links));
		expectRedirect(this.t.submit(writer, stakeholder, commitment));
		expectRedirect(this.t.validate(this.t.secretariat(), stakeholder, commitment));
	}

	private LocalDate validatedOn(String stakeholder, String commitment) {
		return this.jdbc.sql("""
				select (pe.published_at at time zone 'UTC')::date from progress_entry pe
				join stakeholder s on s.id = pe.stakeholder_id join commitment c on c.id = pe.commitment_id
				join reporting_cycle rc on rc.id = pe.cycle_id where rc.code = ? and s.code = ? and c.code = ?""")
			.params(this.t.cycle, stakeholder, commitment)
			.query(LocalDate.class)
			.single();
	}

	private static Element done(Document page, String code) {
		Element entry = page.selectFirst(".what-was-done .done-entry[data-code=" + code + "]");
		assertThat(entry).as("what was done for " + code).isNotNull();
		return entry;
	}

	@Test
	void aValidatedEntryIsShownAsValidatedOnTheCommitmentAndStakeholderPages() {
		validate("PAK", "POL-1", "SUBSTANTIAL", "Trained 300 peacekeepers.", "Training report",
				"https://example.org/training");
		String date = validatedOn("PAK", "POL-1").toString();
		for (String page : new String[] { "/commitments/POL-1", "/stakeholders/PAK" }) {
			Document doc = Html.get(this.mvc, page, "en");
			Element entry = done(doc, page.startsWith("/commitments") ? "PAK" : "POL-1");
			assertThat(entry.select(".narrative").text()).as(page).isEqualTo("Trained 300 peacekeepers.");
			assertThat(entry.select(".narrative").attr("dir")).isEqualTo("auto");
			assertThat(entry.select(".validated-by").text()).isEqualTo("Validated by the Secretariat on " + date + ".");
			assertThat(entry.select(".evidence-links a").attr("href")).isEqualTo("https://example.org/training");
			assertThat(entry.select(".evidence-links a bdi").text()).isEqualTo("Training report");
			assertThat(entry.select(".done-status").attr("data-status")).isEqualTo("SUBSTANTIAL");
			// who reviewed it is not shown
			assertThat(doc.text()).as(page).doesNotContain("secretariat.one", "Secretariat staff");
		}
	}

	@Test
	void anEditAfterValidationStaysPrivateUntilItIsValidatedInTurn() {
		validate("PAK", "POL-1", "LIMITED", "As validated.", "First report", "https://example.org/first");
		expectRedirect(this.t.save(this.pak, "PAK", "POL-1", "COMPLETE", "Edited after validation.",
				this.t.version("PAK", "POL-1"), "Second report", "https://example.org/second"));
		assertPublicText("As validated.", "https://example.org/first", "LIMITED");
		expectRedirect(this.t.submit(this.pak, "PAK", "POL-1"));
		assertPublicText("As validated.", "https://example.org/first", "LIMITED");
		expectRedirect(this.t.validate(this.t.secretariat(), "PAK", "POL-1"));
		assertPublicText("Edited after validation.", "https://example.org/second", "COMPLETE");
	}

	private void assertPublicText(String narrative, String link, String status) {
		for (String page : new String[] { "/commitments/POL-1", "/stakeholders/PAK" }) {
			Document doc = Html.get(this.mvc, page, "en");
			Element entry = done(doc, page.startsWith("/commitments") ? "PAK" : "POL-1");
			assertThat(entry.select(".narrative").text()).as(page).isEqualTo(narrative);
			assertThat(entry.select(".evidence-links a").eachAttr("href")).as(page).containsExactly(link);
			assertThat(entry.select(".done-status").attr("data-status")).as(page).isEqualTo(status);
		}
	}

	@Test
	void draftsAndSubmissionsAreNeverShown() {
		expectRedirect(this.t.save(this.pak, "PAK", "POL-1", "COMPLETE", "A draft nobody validated.", null));
		PortalUser phl = this.t.delegateOf("PHL");
		expectRedirect(this.t.save(phl, "PHL", "POL-1", "COMPLETE", "Submitted, not validated.", null,
				"Pending", "https://example.org/pending"));
		expectRedirect(this.t.submit(phl, "PHL", "POL-1"));
		Document commitment = Html.get(this.mvc, "/commitments/POL-1", "en");
		assertThat(commitment.select(".what-was-done .done-entry")).isEmpty();
		assertThat(commitment.select(".what-was-done .done-none").text())
			.isEqualTo("Nothing has been validated yet in reporting cycle " + this.t.cycle + ".");
		assertThat(commitment.text()).doesNotContain("A draft nobody validated.", "Submitted, not validated.");
		assertThat(commitment.select("a[href=https://example.org/pending]")).isEmpty();
		for (String state : new String[] { "PAK", "PHL" }) {
			Document page = Html.get(this.mvc, "/stakeholders/" + state, "en");
			assertThat(page.select(".what-was-done .done-entry")).as(state).isEmpty();
			assertThat(page.text()).doesNotContain("A draft nobody validated.", "Submitted, not validated.");
		}
	}

	@Test
	void theListOfValidatedEntriesHoldsWhatThePagesShowAndNothingElse() {
		validate("PAK", "POL-1", "LIMITED", "As validated.", "First report", "https://example.org/first");
		expectRedirect(this.t.save(this.pak, "PAK", "POL-1", "COMPLETE", "Edited after validation.",
				this.t.version("PAK", "POL-1")));
		PortalUser phl = this.t.delegateOf("PHL");
		expectRedirect(this.t.save(phl, "PHL", "POL-1", "COMPLETE", "Submitted, not validated.", null));
		expectRedirect(this.t.submit(phl, "PHL", "POL-1"));
		Edition edition = this.editions.resolve(new MockHttpServletRequest("GET", "/"));
		ProgressViews.EntryPage page = this.views.entries(edition, 0, 10, Locale.ENGLISH);
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.entries()).singleElement().satisfies((e) -> {
			assertThat(e.commitmentCode()).isEqualTo("POL-1");
			assertThat(e.stakeholder().code()).isEqualTo("PAK");
			assertThat(e.status()).hasToString("LIMITED");
			assertThat(e.text().narrative()).isEqualTo("As validated.");
			assertThat(e.text().evidence()).extracting(ValidatedText.Link::url).containsExactly("https://example.org/first");
		});
		// past the end: no rows, the same total
		assertThat(this.views.entries(edition, 10, 10, Locale.ENGLISH)).satisfies((p) -> {
			assertThat(p.entries()).isEmpty();
			assertThat(p.total()).isEqualTo(1);
		});
	}

	@Test
	void aLongNarrativeFoldsAndTextInAnyScriptIsShownAsTyped() {
		String longText = "تم تدريب حفظة السلام. ".repeat(40) + "<b>not bold</b>";
		validate("PAK", "POL-1", "SUBSTANTIAL", longText);
		Element entry = done(Html.get(this.mvc, "/commitments/POL-1", "en"), "PAK");
		assertThat(entry.select(".narrative-excerpt").text()).endsWith("…").hasSizeLessThan(300);
		assertThat(entry.select("details.narrative-details summary").text())
			.isEqualTo("Read the whole narrative (" + String.format("%,d", longText.length()) + " characters)");
		assertThat(entry.select("details.narrative-details .narrative").text()).isEqualTo(longText.strip());
		assertThat(entry.select("details .narrative").attr("dir")).isEqualTo("auto");
		assertThat(entry.select(".narrative b")).isEmpty();
		// no evidence link was given: no list
		assertThat(entry.select(".evidence-links")).isEmpty();
	}

	@Test
	void anEntryValidatedWithoutANarrativeSaysSo() {
		this.t.publish("PAK", "POL-1", "NOT_STARTED");
		Element entry = done(Html.get(this.mvc, "/stakeholders/PAK", "zh"), "POL-1");
		assertThat(entry.select(".narrative-none").text()).isEqualTo("未提供陈述。");
		assertThat(entry.select(".validated-by").text()).startsWith("秘书处于 ");
	}

}
