package org.a4p.portal.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.a4p.portal.opendata.TableFiles.Format;
import org.a4p.portal.shared.Table;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers a table download: the file in the format asked, named after what it holds ({@code
 * a4p-area-POL-2026-en.csv}), as an attachment (RFC 6266, with an RFC 5987 {@code filename*}), with an ETag of
 * its bytes so that a reader's cache revalidates cheaply (304). Anonymous downloads are also kept by the page
 * cache, which the content-change signal clears like pages.
 */
@Component
class Downloads {

	private final MessageSource messages;

	Downloads(MessageSource messages) {
		this.messages = messages;
	}

	ResponseEntity<byte[]> answer(Table table, String extension, Locale locale, WebRequest request) {
		Format format = Format.of(extension);
		ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
		try {
			TableFiles.write(table, format,
					(heading) -> this.messages.getMessage("download.percent-heading", new Object[] { heading }, locale),
					out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] body = out.toByteArray();
		String etag = etag(body);
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(CacheControl.noCache()).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName(table, locale, format)))
			.eTag(etag)
			.cacheControl(CacheControl.noCache())
			.body(body);
	}

	/** {@code a4p-NAME[-CYCLE]-LANGUAGE.EXT}. */
	static String fileName(Table table, Locale locale, Format format) {
		String cycle = (table.cycleCode() != null) ? "-" + table.cycleCode() : "";
		return "a4p-" + table.name() + cycle + "-" + locale.getLanguage() + "." + format.extension();
	}

	/** An attachment's Content-Disposition: a plain ASCII {@code filename} and its RFC 5987 {@code filename*}. */
	static String attachment(String fileName) {
		String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
		String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

	static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
