package org.a4p.portal.shared;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

/** Tells which database constraint a failed write broke, so a race can be answered like the check it raced. */
public final class DatabaseConstraint {

	private DatabaseConstraint() {
	}

	/** Whether {@code failure} (or one of its causes) is a violation of the named constraint or unique index. */
	public static boolean violated(@Nullable Throwable failure, String constraintName) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
					&& violation.getConstraintName().equalsIgnoreCase(constraintName)) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getMessage() != null
					&& sql.getMessage().contains("\"" + constraintName + "\"")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
