package org.a4p.portal.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.shared.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that failed because the database does not answer with the 503 page
 * ({@link OutagePage}), wherever it failed: in a controller, a use case, a view, Spring Security (the
 * user's account, the session) or another filter. It sits right behind the page cache, which answers
 * anonymous readers from memory without reaching it, and ahead of everything that may use the database.
 * Any other failure passes through untouched. The failure is logged on one line, without a stack trace:
 * during an outage every request says the same.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

	/** Right behind the page cache's filter ({@code HIGHEST_PRECEDENCE + 10}), ahead of sessions and security. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	/**
	 * Right inside the session filter ({@code HIGHEST_PRECEDENCE + 50}): everything within it has run, so the
	 * page is written; what may still fail is saving the session's last access time.
	 */
	static final int PAGE_WRITTEN_ORDER = Ordered.HIGHEST_PRECEDENCE + 51;

	private static final String PAGE_WRITTEN = DatabaseOutageFilter.class.getName() + ".pageWritten";

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final OutagePage page;

	DatabaseOutageFilter(OutagePage page) {
		this.page = page;
	}

	/** Registered for requests and error pages (Boot registers a filter bean for requests only). */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(OutagePage page) {
			FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
					new DatabaseOutageFilter(page));
			registration.setOrder(ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
			registration.addUrlPatterns("/*");
			return registration;
		}

		@Bean
		FilterRegistrationBean<PageWritten> pageWrittenMark() {
			FilterRegistrationBean<PageWritten> registration = new FilterRegistrationBean<>(new PageWritten());
			registration.setOrder(PAGE_WRITTEN_ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
			registration.addUrlPatterns("/*");
			return registration;
		}

	}

	/**
	 * Also for error pages: showing one (a 404, say) asks the database for the layout, and while it is
	 * away that fails too.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			if (response.isCommitted() && request.getAttribute(PAGE_WRITTEN) != null) {
				// A long page went out while the database went away; saving the session's last access
				// failed after it. The reader has the whole page: let it finish rather than cut it off.
				log.warn("Database not answering after {} {} was written: the session's last access is not saved ({})",
						request.getMethod(), request.getRequestURI(), rootMessage(ex));
				return;
			}
			if (response.isCommitted()) {
				throw ex;
			}
			log.warn("Database not answering: 503 for {} {} ({})", request.getMethod(), request.getRequestURI(),
					rootMessage(ex));
			try {
				this.page.render(request, response);
			}
			catch (Exception rendering) {
				ex.addSuppressed(rendering);
				throw ex;
			}
		}
	}

	/** Marks a request whose page was written without failing (see {@link #PAGE_WRITTEN_ORDER}). */
	static final class PageWritten extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			chain.doFilter(request, response);
			request.setAttribute(PAGE_WRITTEN, Boolean.TRUE);
		}

	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
