package org.a4p.portal.account;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Generates the temporary passwords an administrator hands to a user (at creation and on reset):
 * 20 characters drawn by {@link SecureRandom} from 49 letters and digits that cannot be confused
 * with one another when read aloud or copied by hand (about 112 bits).
 */
@Component
class TemporaryPasswords {

	static final int LENGTH = 20;

	/** No 0/O/o, 1/l/I/i, 5/S/s, 2/Z/z. */
	static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYabcdefghjkmnpqrtuvwxy346789";

	private final SecureRandom random = new SecureRandom();

	String next() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
