package org.a4p.portal.stakeholder;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.a4p.portal.catalogue.ReferenceCatalogue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StakeholderNamesTest {

	@Test
	void everyMemberStateHasAChineseNameFromTheJdk() {
		for (ReferenceCatalogue.MemberState state : ReferenceCatalogue.fromClasspath().memberStates()) {
			String zh = StakeholderNames.name(state.iso2(), state.nameEn(), null, Locale.CHINESE);
			assertThat(zh).as(state.iso3()).isNotEqualTo(state.nameEn()).doesNotContainPattern("[A-Za-z]");
		}
	}

	@Test
	void englishIsTheStoredUnShortName() {
		assertThat(StakeholderNames.name("FR", "France", null, Locale.ENGLISH)).isEqualTo("France");
		assertThat(StakeholderNames.name("GB", "United Kingdom of Great Britain and Northern Ireland", null,
				Locale.ENGLISH)).isEqualTo("United Kingdom of Great Britain and Northern Ireland");
	}

	@Test
	void aStoredNameWinsOverTheJdkAndOrganizationsFallBackToEnglish() {
		assertThat(StakeholderNames.name(null, "European Union", "欧洲联盟（欧盟）", Locale.CHINESE)).isEqualTo("欧洲联盟（欧盟）");
		assertThat(StakeholderNames.name(null, "European Union", null, Locale.CHINESE)).isEqualTo("European Union");
		assertThat(StakeholderNames.name("PK", "Pakistan", null, Locale.CHINESE)).isEqualTo("巴基斯坦");
	}

	@Test
	void listsPutTheSecretariatFirstThenStatesThenOrganizations() {
		List<StakeholderRef> refs = List.of(new StakeholderRef("EU", StakeholderKind.ORGANIZATION, "European Union"),
				new StakeholderRef("POL", StakeholderKind.MEMBER_STATE, "Poland"),
				new StakeholderRef("SECRETARIAT", StakeholderKind.SECRETARIAT, "United Nations Secretariat"),
				new StakeholderRef("AFG", StakeholderKind.MEMBER_STATE, "Afghanistan"));
		Comparator<StakeholderRef> order = StakeholderNames.order(Locale.ENGLISH);
		assertThat(refs.stream().sorted(order).map(StakeholderRef::code)).containsExactly("SECRETARIAT", "AFG", "POL",
				"EU");
		assertThat(refs.stream().map(StakeholderRef::path)).containsExactly("/organizations/EU", "/stakeholders/POL",
				"/stakeholders/secretariat", "/stakeholders/AFG");
	}

}
