package org.a4p.portal.shared;

import org.a4p.portal.shared.LineDiff.Kind;
import org.a4p.portal.shared.LineDiff.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

	@Test
	void showsRemovedAndAddedLinesAroundUnchangedOnes() {
		assertThat(LineDiff.diff("one\ntwo\nthree", "one\n2\nthree\nfour")).containsExactly(new Line(Kind.SAME, "one"),
				new Line(Kind.REMOVED, "two"), new Line(Kind.ADDED, "2"), new Line(Kind.SAME, "three"),
				new Line(Kind.ADDED, "four"));
	}

	@Test
	void fromNothingEverythingIsAdded() {
		assertThat(LineDiff.diff("", "a\nb")).containsExactly(new Line(Kind.ADDED, "a"), new Line(Kind.ADDED, "b"));
		assertThat(LineDiff.diff("a", "")).containsExactly(new Line(Kind.REMOVED, "a"));
	}

	@Test
	void wordsDifferWordByWordInAnyScript() {
		assertThat(LineDiff.words("Strengthen engagement at the national level.", "Strengthen engagement at the regional level.",
				java.util.Locale.ENGLISH)).containsExactly(new Line(Kind.SAME, "Strengthen engagement at the "),
						new Line(Kind.REMOVED, "national"), new Line(Kind.ADDED, "regional"), new Line(Kind.SAME, " level."));
		assertThat(LineDiff.words("推动冲突的政治解决", "推动冲突的和平解决", java.util.Locale.CHINESE))
			.extracting(Line::kind)
			.containsExactly(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME);
	}

}
