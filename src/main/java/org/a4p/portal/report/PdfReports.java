package org.a4p.portal.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Renders a report page as PDF: the page's own template is rendered as for the browser, the parts that only
 * make sense on screen (navigation, forms, the footer) are taken out as the print style sheet hides them, the
 * style sheet for paper ({@code reports/pdf.css}) replaces the screen ones, and openhtmltopdf lays it out on
 * A4 with the fonts in {@code fonts/}: Noto Sans SC for Latin and Chinese, Noto Sans Arabic for Arabic (shaped
 * and ordered right to left by ICU). Fonts are read once and kept (about 11 MB); each PDF embeds only the glyphs
 * it uses. A report takes about 2 s to render (font parsing); PDFs are not kept by the page cache.
 * <p>
 * At most {@link #AT_ONCE} PDFs are laid out at a time; further requests wait their turn. Each layout holds the
 * parsed fonts and the document, tens of MB of heap: with the production heap ({@code -Xmx192m}), eight PDFs at
 * once besides ordinary traffic ended the portal with an {@code OutOfMemoryError} (docs/performance.md,
 * "Memory"). On two cores more than two at once would not be faster anyway.
 */
@Component
class PdfReports {

	/** Elements of the page that are for the screen only. */
	private static final String SCREEN_ONLY = "header.site-header, footer.site-footer, .skip-link, form, "
			+ ".report-actions, .cycle-choice, link, script, nav";

	private static final Map<String, String> FONTS = Map.of("Noto Sans SC", "fonts/NotoSansSC-Regular.ttf",
			"Noto Sans Arabic", "fonts/NotoSansArabic-Regular.ttf");

	/** How many PDFs are laid out at once. */
	static final int AT_ONCE = 2;

	/** Permits to lay out a PDF (fair: in the order requests came). */
	final Semaphore layouts = new Semaphore(AT_ONCE, true);

	private final ViewResolver views;

	private final Map<String, byte[]> fonts = new HashMap<>();

	private final String css;

	PdfReports(@Qualifier("thymeleafViewResolver") ViewResolver views) throws IOException {
		this.views = views;
		this.css = new ClassPathResource("reports/pdf.css").getContentAsString(StandardCharsets.UTF_8);
	}

	void write(String viewName, Model model, String fileName, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		byte[] pdf = render(viewName, model, request, response);
		response.setContentType("application/pdf");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setContentLength(pdf.length);
		response.getOutputStream().write(pdf);
	}

	private byte[] render(String viewName, Model model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		// the reader's language, as the page would be shown in (the response's locale is set only when MVC renders)
		Locale locale = RequestContextUtils.getLocale(request);
		View view;
		try {
			view = this.views.resolveViewName(viewName, locale);
		}
		catch (Exception ex) {
			throw new IllegalStateException("No view " + viewName, ex);
		}
		if (view == null) {
			throw new IllegalStateException("No view " + viewName);
		}
		ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
		try {
			view.render(model.asMap(), request, page);
		}
		catch (IOException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not render " + viewName, ex);
		}
		String html = new String(page.getContentAsByteArray(), StandardCharsets.UTF_8);
		return toPdf(html);
	}

	/** The PDF of a rendered report page, once one of the {@link #AT_ONCE} permits is free. */
	byte[] toPdf(String html) {
		try {
			this.layouts.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to lay out a PDF", ex);
		}
		try {
			return layOut(html);
		}
		finally {
			this.layouts.release();
		}
	}

	private byte[] layOut(String html) {
		Document document = Jsoup.parse(html);
		document.select(SCREEN_ONLY).remove();
		document.select("style").remove();
		document.head().appendElement("style").appendText(this.css);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
		builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
		builder.defaultTextDirection("rtl".equals(document.select("html").attr("dir"))
				? BaseRendererBuilder.TextDirection.RTL : BaseRendererBuilder.TextDirection.LTR);
		FONTS.forEach((family, path) -> builder.useFont(() -> font(path), family, 400, FontStyle.NORMAL, true));
		builder.withW3cDocument(new W3CDom().fromJsoup(document), "about:blank");
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private InputStream font(String path) {
		byte[] bytes;
		synchronized (this.fonts) {
			bytes = this.fonts.computeIfAbsent(path, (p) -> {
				try (InputStream in = new ClassPathResource(p).getInputStream()) {
					return in.readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Font " + p + " is missing", ex);
				}
			});
		}
		return new ByteArrayInputStream(bytes);
	}

}
