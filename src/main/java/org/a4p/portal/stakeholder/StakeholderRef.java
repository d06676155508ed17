package org.a4p.portal.stakeholder;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A stakeholder as pages name and link it: its name is in the reader's language.
 *
 * @param code {@code SECRETARIAT}, an ISO 3166 alpha-3 code or an organization's code
 */
public record StakeholderRef(String code, StakeholderKind kind, String name) {

	/**
	 * Names a stakeholder from its stored columns: {@code storedName} is its row of
	 * {@code stakeholder_name} in the reader's language, if any.
	 */
	public static StakeholderRef of(String code, String kind, @Nullable String iso2, String nameEn,
			@Nullable String storedName, Locale locale) {
		return new StakeholderRef(code, StakeholderKind.valueOf(kind),
				StakeholderNames.name(iso2, nameEn, storedName, locale));
	}

	/** The canonical address of this stakeholder's page. */
	public String path() {
		return this.kind.path(this.code);
	}

}
