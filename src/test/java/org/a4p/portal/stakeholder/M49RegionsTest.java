package org.a4p.portal.stakeholder;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.a4p.portal.stakeholder.M49Regions.StateRegion;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.SharedData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The UN M49 regions (migrations V85, V86): every Member State in its region, sub-region and intermediate region
 * as {@code shared/data/un-m49-regions.csv} gives them, and every region named in the six languages.
 */
@PortalTest
class M49RegionsTest {

	private static final List<String> LANGUAGES = List.of("", "_zh", "_ar", "_fr", "_ru", "_es");

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMemberStateIsInItsRegionAsTheSharedFileSays() throws IOException {
		assertThat(this.jdbc.sql("select count(*) from member_state_region").query(Long.class).single()).isEqualTo(193);
		assertThat(this.jdbc.sql("select count(*) from stakeholder s where s.kind = 'MEMBER_STATE' "
				+ "and not exists (select 1 from member_state_region r where r.stakeholder_id = s.id)").query(Long.class).single())
			.isZero();
		Map<String, Object> pak = this.jdbc.sql("select r.* from member_state_region r join stakeholder s on s.id = r.stakeholder_id "
				+ "where s.code = 'PAK'").query().singleRow();
		assertThat(pak).containsEntry("m49_code", "586").containsEntry("region_code", "142").containsEntry("subregion_code", "034");
		assertThat(this.jdbc.sql("select level, count(*) from m49_region group by level order by level")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactly("INTERMEDIATE=7", "REGION=5",
					"SUBREGION=17");
		assumeTrue(SharedData.present(), "../shared/data is not beside this checkout");
		List<StateRegion> shared = M49Regions.read(Files.newInputStream(SharedData.dir().resolve("un-m49-regions.csv")));
		assertThat(shared).hasSize(193);
		for (StateRegion row : shared) {
			Map<String, Object> stored = this.jdbc.sql("""
					select r.m49_code, r.region_code, r.subregion_code, r.intermediate_code, r.ldc, r.lldc, r.sids
					from member_state_region r join stakeholder s on s.id = r.stakeholder_id where s.code = ?""")
				.param(row.iso3())
				.query()
				.singleRow();
			assertThat(stored.get("m49_code")).as(row.iso3()).isEqualTo(row.m49());
			assertThat(stored.get("region_code")).as(row.iso3()).isEqualTo(row.regionCode());
			assertThat(stored.get("subregion_code")).as(row.iso3()).isEqualTo(row.subregionCode());
			assertThat(stored.get("intermediate_code")).as(row.iso3()).isEqualTo(row.intermediateCode());
			assertThat(stored.get("ldc")).as(row.iso3()).isEqualTo(row.ldc());
			assertThat(stored.get("sids")).as(row.iso3()).isEqualTo(row.sids());
		}
	}

	@Test
	void everyRegionHasItsNameInEveryLanguageAndTheEnglishIsTheStandardsOwn() throws IOException {
		List<Map<String, Object>> regions = this.jdbc.sql("select code, name_en from m49_region").query().listOfRows();
		assertThat(regions).hasSize(29);
		for (String suffix : LANGUAGES) {
			Properties names = new Properties();
			try (Reader reader = new InputStreamReader(
					new ClassPathResource("i18n/regions" + suffix + ".properties").getInputStream(), StandardCharsets.UTF_8)) {
				names.load(reader);
			}
			assertThat(names.stringPropertyNames()).as("regions" + suffix).hasSize(29);
			for (Map<String, Object> region : regions) {
				String name = names.getProperty("region." + region.get("code"));
				assertThat(name).as("regions" + suffix + ": " + region.get("code")).isNotBlank();
				if (suffix.isEmpty()) {
					assertThat(name).isEqualTo(region.get("name_en"));
				}
			}
		}
	}

	@Test
	void onlyAMemberStateHasARegion() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.jdbc.sql("""
				insert into member_state_region (stakeholder_id, m49_code, region_code, subregion_code, ldc, lldc, sids)
				select id, '999', '150', '155', false, false, false from stakeholder where code = 'EU'""").update())
			.hasMessageContaining("is not a Member State");
	}

}
