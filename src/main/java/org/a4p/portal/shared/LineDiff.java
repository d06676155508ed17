package org.a4p.portal.reporting;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line difference of two texts (longest common subsequence), for the history of a narrative. */
final class LineDiff {

	/** Above this many line pairs the texts are shown whole, one removed and one added. */
	private static final long MAX_CELLS = 2_000_000;

	enum Kind {

		SAME, REMOVED, ADDED;

		public String cssName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	record Line(Kind kind, String text) {
	}

	private LineDiff() {
	}

	static List<Line> diff(String before, String after) {
		String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
		String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
		List<Line> lines = new ArrayList<>();
		if ((long) a.length * b.length > MAX_CELLS) {
			for (String line : a) {
				lines.add(new Line(Kind.REMOVED, line));
			}
			for (String line : b) {
				lines.add(new Line(Kind.ADDED, line));
			}
			return lines;
		}
		int[][] lcs = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i].equals(b[j])) {
				lines.add(new Line(Kind.SAME, a[i]));
				i++;
				j++;
			}
			else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
				lines.add(new Line(Kind.REMOVED, a[i++]));
			}
			else {
				lines.add(new Line(Kind.ADDED, b[j++]));
			}
		}
		while (i < a.length) {
			lines.add(new Line(Kind.REMOVED, a[i++]));
		}
		while (j < b.length) {
			lines.add(new Line(Kind.ADDED, b[j++]));
		}
		return lines;
	}

}
