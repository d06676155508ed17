package org.a4p.portal.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Rules for text typed into the portal: stored as typed (HTML included, always shown as text). */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * The text of an uploaded file in UTF-8, without the byte order mark spreadsheets write first; empty if the
	 * bytes are not UTF-8 (never a replacement character in place of what could not be read).
	 */
	public static Optional<String> fromUtf8(byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
		return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

	/** Length as a person (and PostgreSQL's char_length) counts it: in characters, not UTF-16 units. */
	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * Whether the text holds a control character (C0, DEL, C1), other than line feed, carriage return
	 * and tab when {@code multiline}; or a lone surrogate (not a character at all).
	 */
	public static boolean hasForbiddenCharacter(String text, boolean multiline) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.getType(c) == Character.CONTROL
					&& !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
				return true;
			}
		}
		return false;
	}

	/** Line breaks as browsers send them (CR LF) made single line feeds, so lengths count what people see. */
	public static String normaliseLineBreaks(String text) {
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

}
