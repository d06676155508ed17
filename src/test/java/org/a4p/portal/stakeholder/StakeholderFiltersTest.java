package org.a4p.portal.stakeholder;

import org.a4p.portal.catalogue.Capacity;
import org.a4p.portal.stakeholder.StakeholderFilters.Ignored;
import org.a4p.portal.stakeholder.StakeholderFilters.Parsed;
import org.a4p.portal.stakeholder.StakeholderQueries.ListFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StakeholderFiltersTest {

	@Test
	void noParametersFilterNothing() {
		Parsed parsed = new StakeholderFilters(null, "", " ").parse();
		assertThat(parsed.filter()).isEqualTo(ListFilter.NONE);
		assertThat(parsed.ignored()).isEmpty();
		assertThat(parsed.filtered()).isFalse();
	}

	@Test
	void choicesAreReadInAnyCase() {
		Parsed parsed = new StakeholderFilters("member_state", "YES", "tpcc").parse();
		assertThat(parsed.filter()).isEqualTo(new ListFilter(StakeholderKind.MEMBER_STATE, true, Capacity.TPCC));
		assertThat(parsed.kind()).isEqualTo("MEMBER_STATE");
		assertThat(parsed.endorsed()).isEqualTo("yes");
		assertThat(parsed.capacity()).isEqualTo("TPCC");
	}

	@Test
	void anUnknownValueIsIgnoredAndReportedWhileTheOthersApply() {
		Parsed parsed = new StakeholderFilters("STATE", "no", "ALL").parse();
		assertThat(parsed.filter()).isEqualTo(new ListFilter(null, false, null));
		assertThat(parsed.ignored()).containsExactly(new Ignored("kind", "STATE"), new Ignored("capacity", "ALL"));
		assertThat(parsed.kind()).isEmpty();
	}

	@Test
	void aLongValueIsShortenedWhenRepeated() {
		Parsed parsed = new StakeholderFilters(null, "x".repeat(500), null).parse();
		assertThat(parsed.ignored().get(0).value()).hasSize(41).endsWith("…");
	}

}
