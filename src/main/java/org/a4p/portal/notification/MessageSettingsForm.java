package org.a4p.portal.notification;

import org.jspecify.annotations.Nullable;

/** The form of {@code /account/messages}. */
public class MessageSettingsForm {

	private @Nullable String language;

	private boolean reminders = true;

	private boolean digest = true;

	MessageSettings.Command toCommand(long userId) {
		return new MessageSettings.Command(userId, (this.language == null || this.language.isBlank()) ? null
				: this.language, this.reminders, this.digest);
	}

	static MessageSettingsForm of(MessageSettings.Command current) {
		MessageSettingsForm form = new MessageSettingsForm();
		form.language = current.language();
		form.reminders = current.reminders();
		form.digest = current.digest();
		return form;
	}

	public @Nullable String getLanguage() {
		return this.language;
	}

	public void setLanguage(@Nullable String language) {
		this.language = language;
	}

	public boolean isReminders() {
		return this.reminders;
	}

	public void setReminders(boolean reminders) {
		this.reminders = reminders;
	}

	public boolean isDigest() {
		return this.digest;
	}

	public void setDigest(boolean digest) {
		this.digest = digest;
	}

}
