package org.a4p.portal.reporting;

import org.a4p.portal.cycle.CycleView;

/**
 * What the codes of an entry's address resolve to: the cycle, the stakeholder and the commitment,
 * and whether the commitment applies to the stakeholder in that cycle.
 *
 * @param stakeholderKind SECRETARIAT, MEMBER_STATE or ORGANIZATION
 */
record EntryContext(CycleView cycle, long stakeholderId, String stakeholderCode, String stakeholderKind,
		String stakeholderName, long commitmentId, String commitmentCode, String areaCode, String commitmentTitle,
		boolean applicable) {

	EntryRef ref() {
		return new EntryRef(this.cycle.code(), this.stakeholderCode, this.commitmentCode);
	}

	boolean isSecretariat() {
		return "SECRETARIAT".equals(this.stakeholderKind);
	}

}
