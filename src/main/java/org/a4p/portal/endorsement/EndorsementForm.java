package org.a4p.portal.endorsement;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.a4p.portal.shared.FormText;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The record and edit forms of an endorsement. The stakeholder code is only read when recording;
 * the version is the one the editor saw (optimistic locking).
 */
public class EndorsementForm {

	private @Nullable String stakeholderCode;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endorsedOn;

	@NotBlank(message = "{admin.endorsement.source.required}")
	@Size(max = EndorsementRules.SOURCE_MAX, message = "{admin.endorsement.source.too-long}")
	private @Nullable String source;

	@Size(max = EndorsementRules.NOTE_MAX, message = "{admin.endorsement.note.too-long}")
	private @Nullable String note;

	private @Nullable Long version;

	static EndorsementForm of(EndorsementQueries.AdminRow row) {
		EndorsementForm form = new EndorsementForm();
		form.stakeholderCode = row.stakeholderCode();
		form.endorsedOn = row.endorsedOn();
		form.source = row.source();
		form.note = row.note();
		form.version = row.version();
		return form;
	}

	public @Nullable String getStakeholderCode() {
		return this.stakeholderCode;
	}

	public void setStakeholderCode(@Nullable String stakeholderCode) {
		this.stakeholderCode = FormText.clean(stakeholderCode);
	}

	public @Nullable LocalDate getEndorsedOn() {
		return this.endorsedOn;
	}

	public void setEndorsedOn(@Nullable LocalDate endorsedOn) {
		this.endorsedOn = endorsedOn;
	}

	public @Nullable String getSource() {
		return this.source;
	}

	public void setSource(@Nullable String source) {
		this.source = FormText.clean(source);
	}

	public @Nullable String getNote() {
		return this.note;
	}

	public void setNote(@Nullable String note) {
		this.note = FormText.clean(note);
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

}
