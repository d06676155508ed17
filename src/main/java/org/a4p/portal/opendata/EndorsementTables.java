package org.a4p.portal.opendata;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.a4p.portal.cycle.CycleChoices;
import org.a4p.portal.endorsement.EndorsementQueries.Endorsement;
import org.a4p.portal.endorsement.EndorsementQueries.PublishedCount;
import org.a4p.portal.endorsement.EndorsementQueries.RecordedEndorsement;
import org.a4p.portal.endorsement.EndorsementQueries;
import org.a4p.portal.shared.Table.Kind;
import org.a4p.portal.shared.Table;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The two tables of the endorsements page, from the read model the page reads ({@link EndorsementQueries}):
 * endorsements recorded in the portal, and the counts the UN published. Neither depends on the cycle, but the
 * address takes one like the page (an unknown cycle is a 404).
 */
@Component
class EndorsementTables {

	private final EndorsementQueries endorsements;

	private final CycleChoices cycles;

	private final MessageSource messages;

	EndorsementTables(EndorsementQueries endorsements, CycleChoices cycles, MessageSource messages) {
		this.endorsements = endorsements;
		this.cycles = cycles;
		this.messages = messages;
	}

	Table recorded(HttpServletRequest request, Locale locale) {
		this.cycles.choose(request);
		Table.Builder table = Table.builder("endorsements", null)
			.column(text("download.stakeholder-code", locale), Kind.CODE)
			.column(text("endorsements.page.column.stakeholder", locale), Kind.TEXT)
			.column(text("endorsements.page.column.kind", locale), Kind.CODE)
			.column(text("endorsements.page.column.date", locale), Kind.DATE)
			.column(text("endorsements.page.column.source", locale), Kind.TEXT)
			.column(text("endorsements.page.column.note", locale), Kind.TEXT)
			.column(text("download.withdrawn-on", locale), Kind.DATE)
			.column(text("download.withdrawal-reason", locale), Kind.TEXT);
		for (RecordedEndorsement row : this.endorsements.recorded(locale)) {
			Endorsement e = row.endorsement();
			table.row(row.stakeholder().code(), row.stakeholder().name(), row.stakeholder().kind().name(),
					e.endorsedOn(), e.source(), e.note(), e.withdrawnOn(), e.withdrawalReason());
		}
		return table.build();
	}

	Table published(HttpServletRequest request, Locale locale) {
		this.cycles.choose(request);
		Table.Builder table = Table.builder("endorsement-counts", null)
			.column(text("endorsements.page.column.as-of", locale), Kind.DATE)
			.column(text("endorsements.page.column.member-states", locale), Kind.INTEGER)
			.column(text("endorsements.page.column.organizations", locale), Kind.INTEGER)
			.column(text("endorsements.page.column.note", locale), Kind.TEXT);
		for (PublishedCount count : this.endorsements.publishedCounts()) {
			table.row(count.asOf(), (long) count.memberStates(),
					(count.organizations() != null) ? (long) count.organizations() : null, count.note());
		}
		return table.build();
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
