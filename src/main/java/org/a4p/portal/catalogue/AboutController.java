package org.a4p.portal.catalogue;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Declaration, its review clause, the catalogue versions (the one in use and the earlier ones) and where
 * the texts come from.
 */
@Controller
class AboutController {

	/**
	 * The Declaration's title and review clause in the reader's language where the reference data has it
	 * (English and Chinese so far), else in English ({@code textLang} says which; the page notes the fallback).
	 */
	record DeclarationView(String title, String reviewClause, String textLang, ReferenceCatalogue.Declaration facts,
			int areas, int commitments) {
	}

	private final ReferenceCatalogue reference;

	private final CatalogueQueries catalogue;

	AboutController(ReferenceCatalogue reference, CatalogueQueries catalogue) {
		this.reference = reference;
		this.catalogue = catalogue;
	}

	@GetMapping("/about")
	String about(Locale locale, Model model) {
		ReferenceCatalogue.Declaration declaration = this.reference.declaration();
		Map<String, String[]> texts = Map.of("en", new String[] { declaration.titleEn(), declaration.reviewClauseEn() }, "zh",
				new String[] { declaration.titleZh(), declaration.reviewClauseZh() });
		String lang = texts.containsKey(locale.getLanguage()) ? locale.getLanguage() : "en";
		model.addAttribute("declaration", new DeclarationView(texts.get(lang)[0], texts.get(lang)[1], lang, declaration,
				this.reference.areas().size(), this.reference.commitments().size()));
		model.addAttribute("version", this.catalogue.currentVersion());
		model.addAttribute("versions", this.catalogue.versions());
		return "about";
	}

}
