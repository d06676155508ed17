package org.a4p.portal.reporting;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.a4p.portal.progress.Status;
import org.a4p.portal.reporting.EntryForm.EvidenceRow;
import org.a4p.portal.shared.PlainText;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the entry form, field by field, with messages that say how to put things right (GOV.UK
 * style). Error codes are message keys of the progress bundle.
 */
class EntryFormValidator implements Validator {

	static final int MAX_NARRATIVE = 10_000;

	static final int MAX_TITLE = 300;

	static final int MAX_URL = 2000;

	/** Same rule as the database's check on evidence_link.url. */
	private static final Pattern WEB_ADDRESS = Pattern.compile("^https?://[^\\s/?#@]+(?:[/?#]\\S*)?$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

	@Override
	public boolean supports(Class<?> type) {
		return EntryForm.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		EntryForm form = (EntryForm) target;
		String status = form.getStatus();
		if (status == null || status.isBlank()) {
			errors.rejectValue("status", "entry.status.required");
		}
		else if (Status.REPORTABLE.stream().noneMatch((s) -> s.name().equals(status))) {
			errors.rejectValue("status", "entry.status.invalid");
		}

		String narrative = form.getNarrative();
		if (PlainText.length(narrative) > MAX_NARRATIVE) {
			errors.rejectValue("narrative", "entry.narrative.too-long",
					new Object[] { MAX_NARRATIVE, PlainText.length(narrative) }, null);
		}
		else if (PlainText.hasForbiddenCharacter(narrative, true)) {
			errors.rejectValue("narrative", "entry.narrative.control");
		}
		else if (Status.NOT_APPLICABLE.name().equals(status) && narrative.isBlank()) {
			errors.rejectValue("narrative", "entry.narrative.explain-not-applicable");
		}

		List<EvidenceRow> rows = form.getEvidence();
		long filled = rows.stream().filter((row) -> !row.isBlank()).count();
		if (filled > EntryForm.MAX_LINKS) {
			errors.reject("entry.evidence.too-many", new Object[] { EntryForm.MAX_LINKS }, null);
		}
		for (int i = 0; i < rows.size(); i++) {
			EvidenceRow row = rows.get(i);
			if (row.isBlank()) {
				continue;
			}
			Object[] number = { i + 1 };
			String field = "evidence[" + i + "].";
			String title = row.getTitle();
			if (title.isBlank()) {
				errors.rejectValue(field + "title", "entry.evidence.title.required", number, null);
			}
			else if (PlainText.length(title) > MAX_TITLE) {
				errors.rejectValue(field + "title", "entry.evidence.title.too-long", new Object[] { i + 1, MAX_TITLE },
						null);
			}
			else if (PlainText.hasForbiddenCharacter(title, false)) {
				errors.rejectValue(field + "title", "entry.evidence.title.control", number, null);
			}
			String url = row.getUrl();
			if (url.isBlank()) {
				errors.rejectValue(field + "url", "entry.evidence.url.required", number, null);
			}
			else if (url.length() > MAX_URL) {
				errors.rejectValue(field + "url", "entry.evidence.url.too-long", new Object[] { i + 1, MAX_URL }, null);
			}
			else if (!isWebAddress(url)) {
				errors.rejectValue(field + "url", "entry.evidence.url.invalid", number, null);
			}
		}
	}

	/** An http or https address with a host: never javascript:, data: or anything else. */
	static boolean isWebAddress(String url) {
		return !PlainText.hasForbiddenCharacter(url, false) && WEB_ADDRESS.matcher(url).matches()
				&& url.toLowerCase(Locale.ROOT).startsWith("http");
	}

}
