package org.a4p.portal.demo;

import org.jspecify.annotations.Nullable;

/** Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
final class CopyText {

	private final StringBuilder text = new StringBuilder(1 << 16);

	private boolean lineStart = true;

	private int rows;

	CopyText value(@Nullable Object value) {
		if (!this.lineStart) {
			this.text.append('\t');
		}
		this.lineStart = false;
		if (value == null) {
			this.text.append("\\N");
			return this;
		}
		String s = value.toString();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> this.text.append("\\\\");
				case '\t' -> this.text.append("\\t");
				case '\n' -> this.text.append("\\n");
				case '\r' -> this.text.append("\\r");
				default -> this.text.append(c);
			}
		}
		return this;
	}

	CopyText endRow() {
		this.text.append('\n');
		this.lineStart = true;
		this.rows++;
		return this;
	}

	int rows() {
		return this.rows;
	}

	boolean isEmpty() {
		return this.rows == 0;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
