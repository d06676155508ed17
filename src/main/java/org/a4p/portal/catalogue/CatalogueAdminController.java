package org.a4p.portal.catalogue;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;
import org.a4p.portal.web.PendingUploads.Pending;
import org.a4p.portal.web.PendingUploads;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Catalogue versions, for administrators: the versions loaded so far, and loading a new one from a text file
 * (upload, a preview of every row and its problems, then naming the version and loading it, all or nothing).
 */
@Controller
@RequestMapping(CatalogueAdminController.HOME)
class CatalogueAdminController {

	static final String HOME = "/admin/catalogue";

	private static final String UPLOAD = "upload";

	private final CatalogueQueries queries;

	private final CatalogueImport check;

	private final LoadCatalogueVersion load;

	CatalogueAdminController(CatalogueQueries queries, CatalogueImport check, LoadCatalogueVersion load) {
		this.queries = queries;
		this.check = check;
		this.load = load;
	}

	@GetMapping
	String versions(Model model) {
		Forms.unbound(model, UPLOAD);
		return home(model);
	}

	@PostMapping("/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpSession session,
			Model model) throws IOException {
		String error = null;
		if (file == null || file.isEmpty()) {
			error = "admin.catalogue.file.choose";
		}
		else if (file.getSize() > CatalogueFile.MAX_BYTES) {
			error = "admin.catalogue.file.too-large";
		}
		if (error != null) {
			Forms.reject(model, UPLOAD, "file", error, CatalogueFile.MAX_BYTES / 1024 / 1024);
			return home(model);
		}
		Pending pending = PendingUploads.put(session, PendingUploads.fileName(file.getOriginalFilename(), "catalogue.csv"),
				file.getBytes());
		return "redirect:" + HOME + "/import/" + pending.token();
	}

	@GetMapping("/import/{token}")
	String preview(@PathVariable String token, HttpSession session, Locale locale, Model model) {
		Pending pending = pending(session, token);
		VersionForm form = new VersionForm();
		form.setSha256(pending.sha256());
		model.addAttribute("versionForm", form);
		return previewPage(pending, locale, model);
	}

	@PostMapping("/import/{token}/apply")
	String apply(@PathVariable String token, @ModelAttribute("versionForm") VersionForm form, BindingResult result,
			HttpSession session, Locale locale, Model model, RedirectAttributes redirect) {
		Pending pending = pending(session, token);
		if (!pending.sha256().equals(form.getSha256())) {
			Forms.answerRefused(false);
			model.addAttribute("stale", true);
			form.setSha256(pending.sha256());
			return previewPage(pending, locale, model);
		}
		LoadCatalogueVersion.Command command = new LoadCatalogueVersion.Command(form.getLabel(), form.getDescription(),
				pending.fileName(), pending.content(), pending.sha256());
		boolean loaded = Forms.attempt(result, () -> this.load.load(command),
				() -> this.load.problems(form.getLabel(), form.getDescription())).isPresent();
		if (!loaded) {
			model.addAttribute("refused", result.hasGlobalErrors());
			return previewPage(pending, locale, model);
		}
		PendingUploads.remove(session, token);
		return Flash.redirect(redirect, HOME, "admin.catalogue.loaded", form.getLabel().strip());
	}

	private String home(Model model) {
		model.addAttribute("versions", this.queries.versions());
		model.addAttribute("maxMegabytes", CatalogueFile.MAX_BYTES / 1024 / 1024);
		return "admin/catalogue/versions";
	}

	private String previewPage(Pending pending, Locale locale, Model model) {
		model.addAttribute("pending", pending);
		model.addAttribute("preview", this.check.preview(pending.content(), pending.fileName(), locale));
		model.addAttribute("current", this.queries.currentVersion());
		return "admin/catalogue/preview";
	}

	private static Pending pending(HttpSession session, String token) {
		return PendingUploads.get(session, token).orElseThrow(() -> new NotFoundException("pending catalogue " + token));
	}

}
