package org.a4p.portal.stakeholder;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.a4p.portal.i18n.PortalLocales;
import org.a4p.portal.support.Html;
import org.a4p.portal.support.PortalTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stakeholders are named in six languages by one rule ({@link StakeholderNames}): the United Nations'
 * short names where the JDK's locale data gives a common name instead (V70), the JDK's name elsewhere,
 * stored names for the Secretariat and the partner organizations in every language; sorted by the
 * reader's language.
 */
@PortalTest
class StakeholderNamesInSixLanguagesTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void aStoredMemberStateNameIsOneTheJdkDoesNotGive() {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select s.iso2, sn.lang, sn.name from stakeholder_name sn join stakeholder s on s.id = sn.stakeholder_id
				where s.kind = 'MEMBER_STATE'
				""").query().listOfRows();
		assertThat(rows).hasSizeGreaterThan(100);
		for (Map<String, Object> row : rows) {
			String jdk = new Locale("", (String) row.get("iso2")).getDisplayCountry(Locale.forLanguageTag((String) row.get("lang")));
			assertThat(row.get("name")).as(row.get("iso2") + " in " + row.get("lang")).isNotEqualTo(jdk);
		}
	}

	@Test
	void formalNamesAreTheUnitedNationsShortNames() {
		assertThat(name("KR", "ar")).isEqualTo("جمهورية كوريا");
		assertThat(name("KP", "zh")).isEqualTo("朝鲜民主主义人民共和国");
		assertThat(name("RU", "fr")).isEqualTo("Fédération de Russie");
		assertThat(name("IR", "es")).isEqualTo("Irán (República Islámica del)");
		assertThat(name("VE", "ru")).isEqualTo("Венесуэла (Боливарианская Республика)");
		assertThat(name("GB", "zh")).isEqualTo("大不列颠及北爱尔兰联合王国");
		assertThat(name("TZ", "fr")).isEqualTo("République-Unie de Tanzanie");
		assertThat(name("VN", "es")).isEqualTo("Viet Nam");
		assertThat(name("SY", "ar")).isEqualTo("الجمهورية العربية السورية");
		assertThat(name("CI", "ar")).isEqualTo("كوت ديفوار");
		// where the JDK already gives the UN name, it is used as it is
		assertThat(name("PK", "ar")).isEqualTo("باكستان");
		assertThat(name("FR", "ru")).isEqualTo("Франция");
		assertThat(name("KR", "ru")).isEqualTo("Республика Корея");
	}

	@Test
	void theSecretariatAndEveryOrganizationHaveAStoredNameInEveryLanguage() {
		Long missing = this.jdbc.sql("""
				select count(*) from stakeholder s cross join (values ('zh'), ('ar'), ('fr'), ('ru'), ('es')) as l (lang)
				where s.kind <> 'MEMBER_STATE'
				  and not exists (select 1 from stakeholder_name sn where sn.stakeholder_id = s.id and sn.lang = l.lang)
				""").query(Long.class).single();
		assertThat(missing).isZero();
		Document page = Html.get(this.mvc, "/organizations/EU", "ru");
		assertThat(page.select("h1").text()).isEqualTo("Европейский союз");
		Document secretariat = Html.get(this.mvc, "/stakeholders/secretariat", "es");
		assertThat(secretariat.select("h1").text()).isEqualTo("Secretaría de las Naciones Unidas");
	}

	@Test
	void theStakeholderListSortsArabicNamesByArabicCollation() {
		Document page = Html.get(this.mvc, "/stakeholders?kind=MEMBER_STATE", "ar");
		List<String> names = page.select("table.stakeholders-table tbody th").eachText();
		assertThat(names).hasSize(193).contains("جمهورية كوريا");
		// Jordan (الأردن) between Afghanistan (أفغانستان) and Albania (ألبانيا): ICU treats أ and ا alike
		assertThat(names.indexOf("الأردن")).isGreaterThan(names.indexOf("أفغانستان"))
			.isLessThan(names.indexOf("ألبانيا"));
		Document chinese = Html.get(this.mvc, "/stakeholders?kind=MEMBER_STATE", "zh");
		List<String> zh = chinese.select("table.stakeholders-table tbody th").eachText();
		// pinyin order: 阿富汗 (a) before 巴基斯坦 (ba) before 中国 (zhong)
		assertThat(zh.indexOf("阿富汗")).isLessThan(zh.indexOf("巴基斯坦"));
		assertThat(zh.indexOf("巴基斯坦")).isLessThan(zh.indexOf("中国"));
	}

	private String name(String iso2, String lang) {
		Map<String, Object> row = this.jdbc.sql("""
				select s.iso2, s.name_en, (select sn.name from stakeholder_name sn where sn.stakeholder_id = s.id
				and sn.lang = :lang) as stored_name from stakeholder s where s.iso2 = :iso2
				""").param("lang", lang).param("iso2", iso2).query().singleRow();
		return StakeholderNames.name(iso2, (String) row.get("name_en"), (String) row.get("stored_name"),
				lang.equals("ar") ? PortalLocales.ARABIC : Locale.forLanguageTag(lang));
	}

}
