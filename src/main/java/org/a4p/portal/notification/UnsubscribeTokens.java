package org.a4p.portal.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed unsubscribe tokens: {@code <user id>.<kind>.<HMAC-SHA256 of both, base64url>}. The key is
 * {@code portal.mail.unsubscribe-secret}, else one generated on the first start and kept in
 * {@code notification_secret} (every instance reads the same). A token names one user and one optional kind;
 * it does not expire (a link in an old message still works), and changing the secret voids every link.
 */
@Component
class UnsubscribeTokens {

	/** What a valid token asks for. */
	record Request(long userId, MailKind kind) {
	}

	private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,18})\\.([A-Z]{1,20})\\.([A-Za-z0-9_-]{43})");

	private final JdbcClient jdbc;

	private final @Nullable String configured;

	private volatile byte @Nullable [] key;

	private final TransactionTemplate ownTransaction;

	UnsubscribeTokens(JdbcClient jdbc, MailProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.configured = properties.unsubscribeSecret();
		if (this.configured != null && this.configured.length() < 32) {
			throw new IllegalStateException("portal.mail.unsubscribe-secret must have at least 32 characters");
		}
	}

	String token(long userId, MailKind kind) {
		if (!kind.optional()) {
			throw new IllegalArgumentException("Not an optional kind: " + kind);
		}
		String payload = userId + "." + kind.name();
		return payload + "." + sign(payload);
	}

	/** The request a token carries, if it is well formed and its signature is right. */
	Optional<Request> read(@Nullable String token) {
		if (token == null) {
			return Optional.empty();
		}
		Matcher m = FORM.matcher(token);
		if (!m.matches()) {
			return Optional.empty();
		}
		String payload = m.group(1) + "." + m.group(2);
		byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		MailKind kind;
		try {
			kind = MailKind.valueOf(m.group(2));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!kind.optional()) {
			return Optional.empty();
		}
		return Optional.of(new Request(Long.parseLong(m.group(1)), kind));
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] known = this.key;
		if (known == null) {
			String secret = (this.configured != null) ? this.configured : storedSecret();
			known = secret.getBytes(StandardCharsets.UTF_8);
			this.key = known;
		}
		return known;
	}

	/**
	 * The stored secret, made by the first instance that needs it, in a transaction of its own (committed at once,
	 * so that no caller's transaction holds the row while others wait for it).
	 */
	private String storedSecret() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return Objects.requireNonNull(this.ownTransaction.execute((status) -> {
			this.jdbc.sql("insert into notification_secret (id, secret) values (1, ?) on conflict (id) do nothing")
				.param(HexFormat.of().formatHex(random))
				.update();
			return this.jdbc.sql("select secret from notification_secret where id = 1").query(String.class).single();
		}));
	}

}
