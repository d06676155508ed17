package org.a4p.portal.stakeholder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A stakeholder as pages name and link it: its name is in the reader's language.
 *
 * @param code {@code SECRETARIAT}, an ISO 3166 alpha-3 code or an organization's code
 */
public record StakeholderRef(String code, StakeholderKind kind, String name) {

	/**
	 * SQL selecting what {@link #of(ResultSet, Locale)} reads of stakeholder {@code s}: its code, kind and
	 * {@link StakeholderNames#COLUMNS} (bind {@code :lang}).
	 */
	public static final String COLUMNS = "s.code, s.kind, " + StakeholderNames.COLUMNS;

	/** The stakeholder of a row that selected {@link #COLUMNS}, named for the reader. */
	public static StakeholderRef of(ResultSet rs, Locale locale) throws SQLException {
		return new StakeholderRef(rs.getString("code"), StakeholderKind.valueOf(rs.getString("kind")),
				StakeholderNames.name(rs, locale));
	}

	/** The canonical address of this stakeholder's page. */
	public String path() {
		return this.kind.path(this.code);
	}

}
