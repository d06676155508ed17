package org.a4p.portal.reporting;

import org.a4p.portal.cycle.CycleView;
import org.jspecify.annotations.Nullable;

/**
 * What the codes of an entry's address resolve to: the cycle, the stakeholder and the commitment,
 * and whether the commitment applies to the stakeholder in that cycle.
 *
 * @param stakeholderKind SECRETARIAT, MEMBER_STATE or ORGANIZATION
 * @param commitmentText the commitment's text in the reader's language, else in English
 * @param commitmentTextLang {@code en} when the English text stands in for the reader's language, else {@code null}
 */
record EntryContext(CycleView cycle, long stakeholderId, String stakeholderCode, String stakeholderKind,
		String stakeholderName, long commitmentId, String commitmentCode, String areaCode, String commitmentTitle,
		String commitmentText, @Nullable String commitmentTextLang, boolean applicable) {

	EntryRef ref() {
		return new EntryRef(this.cycle.code(), this.stakeholderCode, this.commitmentCode);
	}

	/** What other modules see of it, with the saved entry's id ({@code null}: nothing saved yet). */
	EntrySubject subject(@Nullable Long entryId) {
		return new EntrySubject(ref(), this.cycle.id(), this.stakeholderId, this.commitmentId, this.stakeholderName,
				"MEMBER_STATE".equals(this.stakeholderKind), this.cycle.open(), entryId);
	}

	boolean isSecretariat() {
		return "SECRETARIAT".equals(this.stakeholderKind);
	}

}
