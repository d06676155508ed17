package org.a4p.portal.support;

import org.a4p.portal.account.PortalUser;

import static org.a4p.portal.support.EntryTestSupport.expectRedirect;

/**
 * Content that open-data tests (the dataset, the API) must and must not publish, written through the real forms:
 * an entry a delegate writes with one evidence link, submits and the Secretariat validates, then edits again (a
 * draft of a new revision the public never sees); and a submission the Secretariat has not validated.
 */
public final class PublicContentFixture {

	private final EntryTestSupport t;

	public PublicContentFixture(EntryTestSupport t) {
		this.t = t;
	}

	/**
	 * A validated entry of {@code state} for {@code commitment} (status, narrative and one evidence link as
	 * given), then a draft after validation with {@code draftStatus} and {@code draftNarrative}.
	 */
	public void validatedThenRedrafted(String state, String commitment, String status, String narrative,
			String linkTitle, String linkUrl, String draftStatus, String draftNarrative) {
		PortalUser delegate = this.t.delegateOf(state);
		expectRedirect(this.t.save(delegate, state, commitment, status, narrative, null, linkTitle, linkUrl));
		expectRedirect(this.t.submit(delegate, state, commitment));
		expectRedirect(this.t.validate(this.t.secretariat(), state, commitment));
		expectRedirect(this.t.save(delegate, state, commitment, draftStatus, draftNarrative,
				this.t.version(state, commitment)));
	}

	/** A submission of {@code state} for {@code commitment}, not validated. */
	public void submitted(String state, String commitment, String status, String narrative) {
		PortalUser delegate = this.t.delegateOf(state);
		expectRedirect(this.t.save(delegate, state, commitment, status, narrative, null));
		expectRedirect(this.t.submit(delegate, state, commitment));
	}

}
