package org.a4p.portal.stakeholder;

/** The three kinds of stakeholder (column {@code stakeholder.kind}), in the order lists show them. */
public enum StakeholderKind {

	SECRETARIAT, MEMBER_STATE, ORGANIZATION;

	/** The message key of this kind's name, e.g. {@code stakeholder.kind.MEMBER_STATE}. */
	public String messageKey() {
		return "stakeholder.kind." + name();
	}

	/** The canonical address of a stakeholder of this kind (codes are upper case). */
	public String path(String code) {
		return switch (this) {
			case SECRETARIAT -> "/stakeholders/secretariat";
			case MEMBER_STATE -> "/stakeholders/" + code;
			case ORGANIZATION -> "/organizations/" + code;
		};
	}

}
