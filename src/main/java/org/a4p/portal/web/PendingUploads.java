package org.a4p.portal.web;

import java.io.Serial;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.WebUtils;

/**
 * Uploaded files waiting between their preview and "apply" (the endorsement import, a catalogue version),
 * kept in the uploader's own session under an unguessable token, with the SHA-256 of their content (the
 * apply form sends it back, so what is applied is exactly what was previewed). At most {@link #KEPT} per
 * session; applying removes one.
 */
public final class PendingUploads {

	public static final int KEPT = 3;

	private static final String ATTRIBUTE = PendingUploads.class.getName();

	private static final SecureRandom RANDOM = new SecureRandom();

	/** An uploaded file. */
	public record Pending(String token, String fileName, byte[] content, String sha256) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

	private PendingUploads() {
	}

	public static Pending put(HttpSession session, String fileName, byte[] content) {
		byte[] random = new byte[18];
		RANDOM.nextBytes(random);
		Pending pending = new Pending(Base64.getUrlEncoder().withoutPadding().encodeToString(random), fileName, content,
				sha256(content));
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, Pending> map = map(session);
			while (map.size() >= KEPT) {
				map.remove(map.keySet().iterator().next());
			}
			map.put(pending.token(), pending);
			session.setAttribute(ATTRIBUTE, map);
		}
		return pending;
	}

	public static Optional<Pending> get(HttpSession session, String token) {
		synchronized (WebUtils.getSessionMutex(session)) {
			return Optional.ofNullable(map(session).get(token));
		}
	}

	public static void remove(HttpSession session, String token) {
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, Pending> map = map(session);
			map.remove(token);
			session.setAttribute(ATTRIBUTE, map);
		}
	}

	/** An uploaded file's name as the pages show it: stripped, at most 200 characters, {@code fallback} if none. */
	public static String fileName(@Nullable String original, String fallback) {
		String name = (original != null && !original.isBlank()) ? original.strip() : fallback;
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Pending> map(HttpSession session) {
		Object map = session.getAttribute(ATTRIBUTE);
		return (map instanceof LinkedHashMap<?, ?> existing) ? (Map<String, Pending>) existing : new LinkedHashMap<>();
	}

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
