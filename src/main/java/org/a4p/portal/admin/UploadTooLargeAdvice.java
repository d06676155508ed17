package org.a4p.portal.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.a4p.portal.web.Forms;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file larger than the server accepts at all (spring.servlet.multipart.max-file-size) is refused
 * before any controller runs: answer with the import page and a clear message, status 413, rather
 * than an error page.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		if (!request.getRequestURI().startsWith("/admin/endorsements/import")) {
			throw ex;
		}
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		Forms.unbound(model, "upload").rejectValue("file", "admin.import.file.too-large", new Object[] { 1024 }, null);
		return "admin/endorsements/import";
	}

}
