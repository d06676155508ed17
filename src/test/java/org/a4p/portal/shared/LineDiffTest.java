package org.a4p.portal.reporting;

import org.a4p.portal.reporting.LineDiff.Kind;
import org.a4p.portal.reporting.LineDiff.Line;
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

}
