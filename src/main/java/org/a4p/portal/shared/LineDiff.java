package org.a4p.portal.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * A difference of two texts (longest common subsequence): line by line (the history of a narrative), or word
 * by word for texts of a line or two (a commitment's text in two catalogue versions), words as the
 * language's rules find them (Chinese and Japanese have no spaces between words).
 */
public final class LineDiff {

	/** Above this many line pairs the texts are shown whole, one removed and one added. */
	private static final long MAX_CELLS = 2_000_000;

	public enum Kind {

		SAME, REMOVED, ADDED;

		public String cssName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** A line (or a word, with the spaces after it) that is in both texts, only the first, or only the second. */
	public record Line(Kind kind, String text) {
	}

	private LineDiff() {
	}

	/** The lines of two texts, each line once, marked as kept, removed or added. */
	public static List<Line> diff(String before, String after) {
		String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
		String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
		return diff(a, b);
	}

	/**
	 * The words of two texts (each with the spaces or punctuation after it), marked as kept, removed or added;
	 * consecutive pieces of one kind are joined, so the result reads as the two texts interleaved.
	 */
	public static List<Line> words(String before, String after, Locale locale) {
		List<Line> pieces = diff(words(before, locale), words(after, locale));
		List<Line> joined = new ArrayList<>();
		for (Line piece : pieces) {
			int last = joined.size() - 1;
			if (last >= 0 && joined.get(last).kind() == piece.kind()) {
				joined.set(last, new Line(piece.kind(), joined.get(last).text() + piece.text()));
			}
			else {
				joined.add(piece);
			}
		}
		return joined;
	}

	private static String[] words(String text, Locale locale) {
		BreakIterator words = BreakIterator.getWordInstance(ULocale.forLocale(locale));
		words.setText(text);
		List<String> pieces = new ArrayList<>();
		int start = words.first();
		for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
			pieces.add(text.substring(start, end));
		}
		return pieces.toArray(new String[0]);
	}

	private static List<Line> diff(String[] a, String[] b) {
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
