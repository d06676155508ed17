package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.a4p.portal.endorsement.EndorsementQueries.AdminRow;
import org.a4p.portal.shared.FormText;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.VersionedForm;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The record and edit forms of an endorsement. The stakeholder code is only read when recording;
 * the version only when editing (the one the editor saw).
 */
public class EndorsementForm extends VersionedForm {

	private @Nullable String stakeholderCode;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endorsedOn;

	@NotBlank(message = "{admin.endorsement.source.required}")
	@Size(max = EndorsementRules.SOURCE_MAX, message = "{admin.endorsement.source.too-long}")
	private @Nullable String source;

	@Size(max = EndorsementRules.NOTE_MAX, message = "{admin.endorsement.note.too-long}")
	private @Nullable String note;

	static EndorsementForm of(AdminRow row) {
		EndorsementForm form = new EndorsementForm();
		form.stakeholderCode = row.stakeholderCode();
		form.endorsedOn = row.endorsedOn();
		form.source = row.source();
		form.note = row.note();
		form.setVersion(row.version());
		return form;
	}

	/** What to record (also for checking the rules when the form is incomplete). */
	RecordEndorsement.Command toRecord() {
		return new RecordEndorsement.Command(this.stakeholderCode, this.endorsedOn, this.source, this.note);
	}

	/** The correction, once the form passed validation. */
	EditEndorsement.Command toEdit() {
		return new EditEndorsement.Command(expectedVersion(), this.endorsedOn, Objects.requireNonNull(this.source),
				this.note);
	}

	/** This form beside the endorsement as it is now, for the conflict page. */
	List<ConflictPage.Row> conflictRows(AdminRow now) {
		return List.of(
				new ConflictPage.Row("admin.endorsement.endorsed-on", ConflictPage.text(this.endorsedOn),
						ConflictPage.text(now.endorsedOn())),
				new ConflictPage.Row("admin.endorsement.source", this.source, now.source()),
				new ConflictPage.Row("admin.endorsement.note", this.note, now.note()));
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

}
