package org.a4p.portal.catalogue;

import java.util.Locale;

import org.a4p.portal.catalogue.CatalogueQueries.VersionSummary;
import org.a4p.portal.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A catalogue version, readable by anyone once another has replaced it: every commitment's text in it, in
 * the reader's language where the version has it, and what changed beside another version (by default the
 * one loaded before it).
 */
@Controller
class CatalogueVersionsController {

	private final CatalogueQueries queries;

	CatalogueVersionsController(CatalogueQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/about/versions/{id}")
	String version(@PathVariable long id, @RequestParam(name = "compare", required = false) @Nullable Long compare,
			Locale locale, Model model) {
		VersionSummary version = this.queries.version(id).orElseThrow(() -> new NotFoundException("catalogue version " + id));
		VersionSummary other = (compare != null)
				? this.queries.version(compare).orElseThrow(() -> new NotFoundException("catalogue version " + compare))
				: this.queries.previous(version).orElse(null);
		if (other != null && other.id() == version.id()) {
			other = null;
		}
		model.addAttribute("version", version);
		model.addAttribute("other", other);
		model.addAttribute("versions", this.queries.versions());
		model.addAttribute("comparisons", this.queries.compare(version.id(), (other != null) ? other.id() : null, locale));
		return "catalogue/version";
	}

}
