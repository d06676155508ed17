package org.a4p.portal.catalogue;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Declaration, its review clause, the catalogue version in use and where the texts come from. */
@Controller
class AboutController {

	/** The Declaration's facts in the reader's language (Chinese where asked for, else English). */
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
		boolean zh = "zh".equals(locale.getLanguage());
		model.addAttribute("declaration", new DeclarationView(zh ? declaration.titleZh() : declaration.titleEn(),
				zh ? declaration.reviewClauseZh() : declaration.reviewClauseEn(), zh ? "zh" : "en", declaration,
				this.reference.areas().size(), this.reference.commitments().size()));
		model.addAttribute("version", this.catalogue.currentVersion());
		return "about";
	}

}
