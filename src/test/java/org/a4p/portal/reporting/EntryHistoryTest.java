package org.a4p.portal.reporting;

import java.util.List;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.support.EntryTestSupport;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;

import static org.a4p.portal.support.EntryTestSupport.page;
import static org.assertj.core.api.Assertions.assertThat;

/** Every change of an entry is kept (who, when, what, old → new), shown as a timeline, and audited. */
@PortalTest
@Transactional
class EntryHistoryTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyChangeIsKeptAndShownWithItsDifferences() {
		EntryTestSupport t = new EntryTestSupport(this.mvc, this.jdbc);
		PortalUser pak = t.delegateOf("PAK");
		t.save(pak, "PAK", "POL-1", "LIMITED", "Line one\nLine two", null, "Old report", "https://example.org/old");
		t.save(pak, "PAK", "POL-1", "SUBSTANTIAL", "Line one\nLine 2, changed", t.version("PAK", "POL-1"), "New report",
				"https://example.org/new");
		t.submit(pak, "PAK", "POL-1");
		t.returnWith(t.secretariat(), "PAK", "POL-1", "Which plan?");
		t.save(pak, "PAK", "POL-1", "SUBSTANTIAL", "Line one\nLine 2, changed\nThe 2025 plan.", t.version("PAK", "POL-1"),
				"New report", "https://example.org/new");

		Document doc = page(t.get(pak, t.path("PAK", "POL-1")));
		List<Element> items = doc.select(".history-item");
		assertThat(items).hasSize(5);
		assertThat(items.stream().map((i) -> i.selectFirst("strong").text()).toList()).containsExactly("Edited",
				"Returned with a comment", "Submitted for review", "Edited", "Created as a draft");
		assertThat(items.get(1).text()).contains("by secretariat.one").contains("Which plan?");
		assertThat(items.get(2).text()).contains("Review state").contains("Draft → changed to Submitted");

		Element edit = items.get(3);
		assertThat(edit.text()).contains("by delegate.pak").contains("Status").contains("Limited → changed to Substantial");
		assertThat(edit.select(".diff-removed").text()).isEqualTo("Removed: Line two");
		assertThat(edit.select(".diff-added").text()).isEqualTo("Added: Line 2, changed");
		assertThat(edit.select(".diff-same").text()).isEqualTo("Line one");
		assertThat(edit.select("ins").text()).contains("New report");
		assertThat(edit.select("del").text()).contains("Old report");

		long entryId = t.count("select pe.id from progress_entry pe join stakeholder s on s.id = pe.stakeholder_id "
				+ "where s.code = 'PAK'");
		assertThat(this.jdbc.sql("select action from audit_event where entity_type = 'progress_entry' and entity_id = ? "
				+ "order by id").param(String.valueOf(entryId)).query(String.class).list())
			.containsExactly("PROGRESS_ENTRY_CREATED", "PROGRESS_ENTRY_EDITED", "PROGRESS_ENTRY_SUBMITTED",
					"PROGRESS_ENTRY_RETURNED", "PROGRESS_ENTRY_EDITED");
		assertThat(this.jdbc.sql("select before_state ->> 'status' || ' -> ' || (after_state ->> 'status') from audit_event "
				+ "where entity_type = 'progress_entry' and entity_id = ? and action = 'PROGRESS_ENTRY_EDITED' order by id limit 1")
			.param(String.valueOf(entryId)).query(String.class).single()).isEqualTo("LIMITED -> SUBSTANTIAL");
		assertThat(t.count("select count(*) from progress_entry_revision where entry_id = ?", entryId)).isEqualTo(5);
	}

}
