package org.a4p.portal.publication;

import java.util.Objects;

import org.a4p.portal.account.PortalUser;
import org.a4p.portal.account.Role;
import org.a4p.portal.progress.FiguresQuery.Filter;
import org.jspecify.annotations.Nullable;

/**
 * Which figures a progress page shows its reader. The public sees validated figures only. With
 * {@code ?view=self-reported}, Secretariat staff and administrators also see self-reported ones (submissions
 * not yet validated), for every stakeholder; a delegate sees them for their own state only; each labelled as
 * such. Anyone else asking for that view gets the public one.
 *
 * @param selfReported self-reported figures are shown (beside the validated ones)
 * @param stakeholderCode the one stakeholder whose self-reported values are shown (a delegate's own state), or
 * {@code null} for all
 * @param switchOffered the reader may switch between the two views
 */
record ReaderView(boolean selfReported, @Nullable String stakeholderCode, boolean switchOffered) {

	/** The value of {@code ?view=} that asks for self-reported figures. */
	static final String SELF_REPORTED = "self-reported";

	static final ReaderView PUBLIC = new ReaderView(false, null, false);

	/** The view of a page about every stakeholder (dashboard, area, commitment). */
	static ReaderView of(@Nullable String requested, @Nullable PortalUser user) {
		boolean offered = user != null && user.maySeeSelfReported();
		if (!offered || !SELF_REPORTED.equals(requested)) {
			return new ReaderView(false, null, offered);
		}
		return new ReaderView(true, user.is(Role.DELEGATE) ? user.stakeholderCode() : null, true);
	}

	/** The view of one stakeholder's page: a delegate sees self-reported figures on their own state's page only. */
	static ReaderView ofStakeholder(@Nullable String requested, @Nullable PortalUser user, String stakeholderCode) {
		ReaderView view = of(requested, user);
		if (view.switchOffered() && user != null && user.is(Role.DELEGATE)
				&& !Objects.equals(user.stakeholderCode(), stakeholderCode)) {
			return PUBLIC;
		}
		return view;
	}

	/** Whether this reader sees the self-reported value of this stakeholder. */
	public boolean showsSelfReportedOf(String stakeholderCode) {
		return this.selfReported && (this.stakeholderCode == null || this.stakeholderCode.equals(stakeholderCode));
	}

	/** {@code filter} narrowed to the stakeholder whose self-reported values the reader may see. */
	Filter narrow(Filter filter) {
		return (this.stakeholderCode == null) ? filter
				: new Filter(filter.areaCode(), filter.commitmentCode(), this.stakeholderCode, filter.stakeholderKind());
	}

}
