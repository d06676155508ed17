package org.a4p.portal.capacity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotNull;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.VersionedForm;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/** The form that ends an assignment: its last day; the version is the one the editor saw. */
public class EndAssignmentForm extends VersionedForm {

	@NotNull(message = "{admin.capacity.ends-on.required}")
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate endsOn;

	static EndAssignmentForm of(CapacityQueries.Row row) {
		EndAssignmentForm form = new EndAssignmentForm();
		form.endsOn = row.endsOn();
		form.setVersion(row.version());
		return form;
	}

	/** The end, once the form passed validation. */
	EndCapacityAssignment.Command toCommand() {
		return new EndCapacityAssignment.Command(expectedVersion(), Objects.requireNonNull(this.endsOn));
	}

	/** This form beside the assignment as it is now, for the conflict page. */
	List<ConflictPage.Row> conflictRows(CapacityQueries.Row now) {
		return List.of(
				new ConflictPage.Row("admin.capacity.starts-on", ConflictPage.text(now.startsOn()),
						ConflictPage.text(now.startsOn())),
				new ConflictPage.Row("admin.capacity.ends-on", ConflictPage.text(this.endsOn),
						ConflictPage.text(now.endsOn())));
	}

	public @Nullable LocalDate getEndsOn() {
		return this.endsOn;
	}

	public void setEndsOn(@Nullable LocalDate endsOn) {
		this.endsOn = endsOn;
	}

}
