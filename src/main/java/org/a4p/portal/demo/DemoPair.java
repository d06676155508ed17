package org.a4p.portal.demo;

/**
 * An applicable (commitment, stakeholder) pair of a cycle, as the {@code applicable_pair} view gives it.
 *
 * @param stakeholderKind SECRETARIAT, MEMBER_STATE or ORGANIZATION
 */
record DemoPair(long commitmentId, String commitmentCode, long stakeholderId, String stakeholderCode,
		String stakeholderKind, String stakeholderName) {
}
