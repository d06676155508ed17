package org.a4p.portal.reporting;

import java.util.Locale;
import java.util.Optional;

import org.a4p.portal.account.PortalUser;

import org.springframework.ui.Model;

/**
 * A section another module shows on an entry's page (the conversation on the entry), between the entry's
 * form and its history: a bean implementing this is asked each time the page is rendered for a reader who may
 * see the entry. The module owns its template; the entry page only inserts it.
 */
public interface EntryPageSection {

	/**
	 * Adds what the section's fragment needs to the model (a form the module's controller already put in the
	 * model, with its errors, is kept) and names the fragment to insert.
	 * @return the fragment, as {@code template :: selector} (e.g. {@code conversation/thread :: thread}), or
	 * empty to show nothing to this reader
	 */
	Optional<String> addTo(Model model, EntrySubject entry, PortalUser reader, Locale locale);

}
