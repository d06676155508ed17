package org.a4p.portal.shared;

/** Searching text with SQL {@code LIKE}/{@code ILIKE} for what the user typed, wildcards included. */
public final class SqlLike {

	private SqlLike() {
	}

	/**
	 * The pattern matching any text that contains {@code text}: its LIKE wildcards escaped (with
	 * PostgreSQL's default escape character, the backslash), so that a search for {@code 50%} means
	 * those characters.
	 */
	public static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
