package org.a4p.portal.endorsement;

import java.nio.charset.StandardCharsets;

import org.a4p.portal.endorsement.EndorsementCsv.Parsed;
import org.a4p.portal.shared.Refusal.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndorsementCsvTest {

	private static Parsed parse(String csv) {
		return EndorsementCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void readsColumnsInAnyOrderAndCaseWithQuotedValues() {
		Parsed parsed = parse("Note,SOURCE,iso3,endorsed_on\r\n\"a, b\",src,fra,2018-09-25\r\n\r\n,x,DEU,\r\n");
		assertThat(parsed.fileProblems()).isEmpty();
		assertThat(parsed.rows()).hasSize(2);
		assertThat(parsed.rows().get(0)).satisfies((row) -> {
			assertThat(row.line()).as("the line after the header").isEqualTo(2);
			assertThat(row.iso3()).isEqualTo("fra");
			assertThat(row.note()).isEqualTo("a, b");
			assertThat(row.endorsedOn()).isEqualTo("2018-09-25");
		});
		assertThat(parsed.rows().get(1).note()).isNull();
		assertThat(parsed.rows().get(1).endorsedOn()).isNull();
		assertThat(parsed.rows().get(1).line()).as("after an empty line").isEqualTo(4);
	}

	@Test
	void rowsAreNumberedByTheLineTheyStartOnAsAnEditorShowsThem() {
		// a quoted value over two lines, empty lines, and every kind of line break
		Parsed parsed = parse("iso3,endorsed_on,source,note\r\n\r\nFRA,,s,\"two\r\nlines\"\r\n\n\nDEU,,s,\rITA,,s,\nESP,,s,");
		assertThat(parsed.fileProblems()).isEmpty();
		assertThat(parsed.rows()).extracting(EndorsementCsv.Row::line).containsExactly(3, 7, 8, 9);
		assertThat(parsed.rows()).extracting(EndorsementCsv.Row::iso3).containsExactly("FRA", "DEU", "ITA", "ESP");
		// a byte-order mark is no line
		assertThat(parse("\uFEFFiso3,endorsed_on,source,note\nFRA,,s,\n").rows()).extracting(EndorsementCsv.Row::line)
			.containsExactly(2);
	}

	@Test
	void aMalformedFileSaysOnWhichLineTheTroubleStarts() {
		Parsed parsed = parse("iso3,endorsed_on,source,note\nFRA,,s,\nDEU,,s,\n\"ITA,,s,\nESP,,s,\n");
		assertThat(parsed.fileProblems()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo("admin.import.file.malformed");
			assertThat(problem.args()).containsExactly(4);
		});
	}

	@Test
	void aShortRowNamesItsMissingColumnsAndALongOneIsFlagged() {
		Parsed parsed = parse("iso3,endorsed_on,source,note\nFRA\nDEU,2018-01-01,src,note,extra\n");
		assertThat(parsed.rows().get(0).missingColumns()).containsExactly("endorsed_on", "source", "note");
		assertThat(parsed.rows().get(1).extraValues()).isTrue();
	}

	@Test
	void aBrokenFileIsOneProblemOfTheWholeFile() {
		assertThat(parse("iso3,iso3,source,note\nFRA,FRA,s,n\n").fileProblems()).extracting(Problem::code)
			.containsExactly("admin.import.file.bad-header");
		assertThat(parse("iso3,endorsed_on,source,note\nFRA,2018-01-01,\"unterminated,n\n").fileProblems())
			.extracting(Problem::code).containsExactly("admin.import.file.malformed");
		assertThat(parse("   \n").fileProblems()).extracting(Problem::code).containsExactly("admin.import.file.empty");
		assertThat(EndorsementCsv.parse(new byte[] { (byte) 0xC3, (byte) 0x28 }).fileProblems()).extracting(Problem::code)
			.containsExactly("admin.import.file.not-utf8");
		assertThat(EndorsementCsv.parse(new byte[EndorsementCsv.MAX_BYTES + 1]).fileProblems()).extracting(Problem::code)
			.containsExactly("admin.import.file.too-large");
	}

	@Test
	void aByteOrderMarkIsIgnored() {
		Parsed parsed = parse("\uFEFFiso3,endorsed_on,source,note\nFRA,,s,\n");
		assertThat(parsed.fileProblems()).isEmpty();
		assertThat(parsed.rows()).singleElement().satisfies((row) -> assertThat(row.iso3()).isEqualTo("FRA"));
	}

	@Test
	void exactlyAThousandRowsAreAccepted() {
		StringBuilder csv = new StringBuilder("iso3,endorsed_on,source,note\n");
		csv.append("FRA,,s,\n".repeat(EndorsementCsv.MAX_ROWS));
		assertThat(parse(csv.toString()).rows()).hasSize(1000);
		csv.append("FRA,,s,\n");
		assertThat(parse(csv.toString()).fileProblems()).extracting(Problem::code)
			.containsExactly("admin.import.file.too-many-rows");
	}

}
