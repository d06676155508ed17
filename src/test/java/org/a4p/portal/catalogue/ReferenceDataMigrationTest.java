package org.a4p.portal.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.a4p.portal.catalogue.ReferenceCatalogue.CommitmentData;
import org.a4p.portal.support.PortalTest;
import org.a4p.portal.support.SharedData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@PortalTest
class ReferenceDataMigrationTest {

	@Autowired
	JdbcClient jdbc;

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void loadsEightAreasAndFortyFiveCommitmentsByOwner() {
		assertThat(count("select count(*) from area")).isEqualTo(8);
		assertThat(count("select count(*) from commitment")).isEqualTo(45);
		assertThat(count("select count(*) from commitment where owner = 'COLLECTIVE'")).isEqualTo(22);
		assertThat(count("select count(*) from commitment where owner = 'SECRETARIAT'")).isEqualTo(18);
		assertThat(count("select count(*) from commitment where owner = 'MEMBER_STATES'")).isEqualTo(5);
		assertThat(this.jdbc.sql("select code from area order by position").query(String.class).list())
			.containsExactly("POL", "WPS", "PRO", "SAF", "PER", "PBS", "PAR", "CON");
	}

	@Test
	void loadsStakeholdersEndorsementsCouncilSeatsAndOneOpenCycle() {
		assertThat(count("select count(*) from stakeholder where kind = 'MEMBER_STATE'")).isEqualTo(193);
		assertThat(count("select count(*) from stakeholder where kind = 'ORGANIZATION'")).isEqualTo(4);
		assertThat(count("select count(*) from stakeholder where kind = 'SECRETARIAT'")).isEqualTo(1);
		assertThat(this.jdbc.sql("""
				select s.code from endorsement e join stakeholder s on s.id = e.stakeholder_id
				where s.kind = 'MEMBER_STATE' and not e.demo order by s.code""").query(String.class).list())
			.containsExactly("PAK", "PHL", "POL");
		assertThat(this.jdbc.sql("select e.endorsed_on::text from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.code = 'PAK'").query(String.class).single()).isEqualTo("2018-08-17");
		assertThat(count("select count(*) from endorsement e join stakeholder s on s.id = e.stakeholder_id "
				+ "where s.kind = 'ORGANIZATION' and e.withdrawn_on is null")).isEqualTo(4);
		assertThat(this.jdbc.sql("""
				select s.code from capacity_assignment ca join stakeholder s on s.id = ca.stakeholder_id
				where ca.capacity = 'SECURITY_COUNCIL' and not ca.demo
				  and ca.starts_on <= date '2026-12-31' and (ca.ends_on is null or ca.ends_on >= date '2026-01-01')
				order by s.code""").query(String.class).list())
			.containsExactly("BHR", "CHN", "COD", "COL", "DNK", "FRA", "GBR", "GRC", "LBR", "LVA", "PAK", "PAN", "RUS",
					"SOM", "USA");
		assertThat(count("select count(*) from published_endorsement_count")).isEqualTo(5);
		assertThat(count("select count(*) from reporting_cycle where state = 'OPEN' and not demo")).isEqualTo(1);
	}

	@Test
	void everyCommitmentTextEqualsTheSharedCatalogue() {
		assumeTrue(SharedData.present(), "../shared/data is not beside this checkout");
		ReferenceCatalogue shared = SharedData.catalogue();
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select c.code, c.owner, c.capacity, a.code as area, t.lang, t.title, t.body, t.source
				from commitment c join area a on a.id = c.area_id
				join commitment_text t on t.commitment_id = c.id
				join catalogue_version v on v.id = t.catalogue_version_id and v.is_current""").query().listOfRows();
		assertThat(rows).hasSize(90);
		for (CommitmentData expected : shared.commitments()) {
			for (String lang : List.of("en", "zh")) {
				Map<String, Object> row = rows.stream()
					.filter((r) -> r.get("code").equals(expected.code()) && r.get("lang").equals(lang))
					.findFirst()
					.orElseThrow(() -> new AssertionError("missing " + expected.code() + " " + lang));
				assertThat(row.get("title")).isEqualTo(lang.equals("en") ? expected.titleEn() : expected.titleZh());
				assertThat(row.get("body")).isEqualTo(lang.equals("en") ? expected.textEn() : expected.textZh());
				assertThat(row.get("source")).isEqualTo(expected.source());
				assertThat(row.get("owner")).isEqualTo(expected.owner().name());
				assertThat(row.get("area")).isEqualTo(expected.area());
				assertThat(row.get("capacity"))
					.isEqualTo((expected.capacity() != null) ? expected.capacity().name() : null);
			}
		}
		assertThat(this.jdbc.sql("select label from catalogue_version where is_current").query(String.class).single())
			.isEqualTo(shared.versionLabel());
	}

	@Test
	void areaTextsEqualTheSharedCatalogue() {
		assumeTrue(SharedData.present(), "../shared/data is not beside this checkout");
		for (ReferenceCatalogue.AreaData area : SharedData.catalogue().areas()) {
			Map<String, Object> zh = this.jdbc.sql("select t.* from area_text t join area a on a.id = t.area_id "
					+ "where a.code = ? and t.lang = 'zh'").param(area.code()).query().singleRow();
			assertThat(zh.get("name")).isEqualTo(area.nameZh());
			assertThat(zh.get("statement")).isEqualTo(area.statementZh());
			assertThat(zh.get("secretariat_action")).isEqualTo(area.secretariatActionZh());
			Map<String, Object> en = this.jdbc.sql("select t.* from area_text t join area a on a.id = t.area_id "
					+ "where a.code = ? and t.lang = 'en'").param(area.code()).query().singleRow();
			assertThat(en.get("statement")).isEqualTo(area.statementEn());
		}
	}

	@Test
	void theBundledReferenceFilesAreExactCopiesOfTheSharedOnes() throws IOException {
		assumeTrue(SharedData.present(), "../shared/data is not beside this checkout");
		for (String file : List.of("a4p-catalogue.yaml", "un-member-states.csv", "un-m49-regions.csv")) {
			byte[] bundled = new ClassPathResource("reference/" + file).getContentAsByteArray();
			assertThat(bundled).as(file).isEqualTo(Files.readAllBytes(SharedData.dir().resolve(file)));
		}
	}

}
