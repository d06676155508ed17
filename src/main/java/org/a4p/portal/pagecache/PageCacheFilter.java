package org.a4p.portal.pagecache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.i18n.PortalLocales;
import org.a4p.portal.pagecache.PageCache.Header;
import org.a4p.portal.pagecache.PageCache.Key;
import org.a4p.portal.pagecache.PageCache.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous read pages from {@link PageCache}, ahead of Spring Security and MVC.
 * <p>
 * Only a GET without a session cookie or credentials is answered from the cache, and only a 200
 * HTML response that set no cookie and created no session is stored: a page rendered for a
 * signed-in user can never be stored, nor served to anyone else. The key holds the path, the query
 * and the language the request resolves to, so languages never mix.
 */
final class PageCacheFilter extends OncePerRequestFilter {

	static final String CACHE_HEADER = "X-Page-Cache";

	/** Headers of the rendered response that must not be replayed (or are set anew on each hit). */
	private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-length", "transfer-encoding", "date",
			"expires", "pragma", "cache-control", "vary", "etag", "content-type", "content-encoding", CACHE_HEADER.toLowerCase(Locale.ROOT));

	private static final String CACHE_CONTROL = "no-cache";

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	/** The JSON API's answers are kept like pages; they say themselves how long a shared cache may keep them. */
	private static final String API_PREFIX = "/api/v1/";

	private static final String VARY = "Accept-Language, Cookie, Accept-Encoding";

	private final PageCache cache;

	private final String sessionCookieName;

	private final Set<String> excludedPrefixes;

	PageCacheFilter(PageCache cache, String sessionCookieName, Set<String> excludedPrefixes) {
		this.cache = cache;
		this.sessionCookieName = sessionCookieName;
		this.excludedPrefixes = excludedPrefixes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!cacheableRequest(request)) {
			chain.doFilter(request, response);
			return;
		}
		Key key = new Key(request.getRequestURI(), request.getQueryString(), PortalLocales.resolve(request).getLanguage());
		Page page = this.cache.get(key);
		if (page != null) {
			this.cache.hits.increment();
			serve(page, request, response);
			return;
		}
		this.cache.misses.increment();
		long generation = this.cache.generation();
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, capture);
		Page rendered = cacheableResponse(request, capture) ? toPage(capture) : null;
		if (rendered != null) {
			this.cache.put(key, rendered, generation);
			capture.setHeader(HttpHeaders.ETAG, rendered.etag());
			capture.setHeader(HttpHeaders.CACHE_CONTROL, rendered.cacheControl());
			capture.setHeader(HttpHeaders.VARY, VARY);
			capture.setHeader(CACHE_HEADER, "miss");
		}
		capture.copyBodyToResponse();
	}

	private boolean cacheableRequest(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		if (hasSessionCookie(request)) {
			return false;
		}
		String path = request.getRequestURI();
		for (String prefix : this.excludedPrefixes) {
			if (path.startsWith(prefix)) {
				return false;
			}
		}
		return true;
	}

	private boolean hasSessionCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (this.sessionCookieName.equals(cookie.getName())) {
					return true;
				}
			}
		}
		return request.getRequestedSessionId() != null;
	}

	private static boolean cacheableResponse(HttpServletRequest request, ContentCachingResponseWrapper response) {
		String contentType = response.getContentType();
		boolean stored = contentType != null && (cacheableType(contentType)
				|| (contentType.startsWith("application/json") && request.getRequestURI().startsWith(API_PREFIX)));
		return response.getStatus() == HttpServletResponse.SC_OK && stored && response.getHeaders("Set-Cookie").isEmpty()
				&& request.getSession(false) == null && request.getUserPrincipal() == null;
	}

	/** HTML pages, and the CSV and XLSX downloads of their tables (small files, cleared with the pages). */
	static boolean cacheableType(String contentType) {
		return contentType.startsWith("text/html") || contentType.startsWith("text/csv")
				|| contentType.startsWith(XLSX);
	}

	private static Page toPage(ContentCachingResponseWrapper response) throws IOException {
		byte[] body = response.getContentAsByteArray();
		List<Header> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			String lower = name.toLowerCase(Locale.ROOT);
			// CORS headers are set on every answer by the filter that owns them, before this one
			if (!NOT_REPLAYED.contains(lower) && !lower.startsWith("access-control-")) {
				for (String value : response.getHeaders(name)) {
					headers.add(new Header(name, value));
				}
			}
		}
		if (response.getHeader(HttpHeaders.CONTENT_LANGUAGE) == null) {
			// Tomcat keeps the locale set by Spring apart from the header list.
			headers.add(new Header(HttpHeaders.CONTENT_LANGUAGE, response.getLocale().toLanguageTag()));
		}
		String contentType = response.getContentType();
		String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
		return new Page(body, gzip(body), etag(body), (contentType != null) ? contentType : "text/html",
				List.copyOf(headers), (cacheControl != null && cacheControl.startsWith("public")) ? cacheControl
						: CACHE_CONTROL);
	}

	private static void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		for (Header header : page.headers()) {
			response.addHeader(header.name(), header.value());
		}
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setHeader(HttpHeaders.CACHE_CONTROL, page.cacheControl());
		response.setHeader(HttpHeaders.VARY, VARY);
		response.setHeader(CACHE_HEADER, "hit");
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(page.contentType());
		byte[] body = page.body();
		if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = page.gzipBody();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.trim();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.equals(etag) || tag.equals("*")) {
				return true;
			}
		}
		return false;
	}

	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String part : acceptEncoding.split(",")) {
			String[] coding = part.trim().split(";");
			if (coding[0].trim().equalsIgnoreCase("gzip")) {
				return coding.length < 2 || !coding[1].replace(" ", "").equals("q=0");
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(body);
		}
		return out.toByteArray();
	}

	private static String etag(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
