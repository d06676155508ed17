package org.a4p.portal.stakeholder;

import java.util.List;
import java.util.Locale;

import org.a4p.portal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one naming rule as the queries apply it ({@link StakeholderNames#COLUMNS}, {@link StakeholderNames#MATCHES}):
 * a stored name counts for its own language only, in any language; searches match codes, English names and
 * stored names. Each test's writes are rolled back.
 */
@PortalTest
@Transactional
class StakeholderNamesQueryTest {

	@Autowired
	StakeholderQueries queries;

	@Autowired
	StakeholderDirectory directory;

	@Autowired
	JdbcClient jdbc;

	private String name(String code, Locale locale) {
		return this.queries.find(code, locale).orElseThrow().name();
	}

	@Test
	void aStoredNameCountsForItsOwnLanguageOnlyWhateverTheLanguage() {
		assertThat(name("EU", Locale.CHINESE)).isEqualTo("欧洲联盟（欧盟）");
		assertThat(name("EU", Locale.ENGLISH)).isEqualTo("European Union");
		assertThat(name("EU", Locale.FRENCH)).as("no French name stored yet").isEqualTo("European Union");
		this.jdbc.sql("insert into stakeholder_name (stakeholder_id, lang, name) "
				+ "select id, 'fr', 'Union européenne' from stakeholder where code = 'EU'").update();
		assertThat(name("EU", Locale.FRENCH)).isEqualTo("Union européenne");
		assertThat(name("EU", Locale.CHINESE)).isEqualTo("欧洲联盟（欧盟）");
		assertThat(name("EU", Locale.ENGLISH)).isEqualTo("European Union");
		// a Member State without a stored name: the JDK's name in the reader's language
		assertThat(name("PAK", Locale.CHINESE)).isEqualTo("巴基斯坦");
		assertThat(name("DEU", Locale.FRENCH)).isEqualTo("Allemagne");
		assertThat(name("DEU", new Locale("ru"))).isEqualTo("Германия");
	}

	@Test
	void theAdministrationChoicesAreNamedAndSortedForTheReader() {
		List<StakeholderDirectory.Stakeholder> states = this.directory.memberStates(Locale.CHINESE);
		assertThat(states).hasSize(193).anySatisfy((s) -> {
			assertThat(s.code()).isEqualTo("PAK");
			assertThat(s.name(Locale.CHINESE)).isEqualTo("巴基斯坦");
		});
		assertThat(this.directory.endorsers(Locale.ENGLISH).get(0).kind()).isEqualTo("MEMBER_STATE");
		assertThat(this.directory.endorsers(Locale.CHINESE))
			.anySatisfy((s) -> assertThat(s.name(Locale.CHINESE)).isEqualTo("欧洲联盟（欧盟）"));
		assertThat(this.directory.byCode(" eu ").orElseThrow().name(Locale.ENGLISH)).isEqualTo("European Union");
	}

	@Test
	void searchesMatchTheCodeTheEnglishNameOrAStoredNameInAnyLanguage() {
		assertThat(search("eu")).contains("EU");
		assertThat(search("pak")).containsExactly("PAK");
		assertThat(search("philipp")).containsExactly("PHL");
		assertThat(search("欧盟")).containsExactly("EU");
		assertThat(search("Union europ")).isEmpty();
		this.jdbc.sql("insert into stakeholder_name (stakeholder_id, lang, name) "
				+ "select id, 'fr', 'Union européenne' from stakeholder where code = 'EU'").update();
		assertThat(search("Union europ")).containsExactly("EU");
		assertThat(search("100%")).as("wildcards typed are searched as text").isEmpty();
	}

	private List<String> search(String typed) {
		return this.jdbc.sql("select s.code from stakeholder s where " + StakeholderNames.MATCHES + " order by s.code")
			.params(StakeholderNames.searchParams(typed))
			.query(String.class)
			.list();
	}

}
