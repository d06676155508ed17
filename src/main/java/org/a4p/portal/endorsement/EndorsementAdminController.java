package org.a4p.portal.endorsement;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.a4p.portal.audit.AuditQueries;
import org.a4p.portal.endorsement.EndorsementImport.Applied;
import org.a4p.portal.endorsement.EndorsementImport.Outcome;
import org.a4p.portal.endorsement.EndorsementQueries.AdminRow;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;
import org.a4p.portal.web.PendingUploads.Pending;
import org.a4p.portal.web.PendingUploads;
import org.a4p.portal.web.RequestLinks;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of endorsements (administrators only, see the security configuration): the
 * filterable list, record, correct, withdraw, and the all-or-nothing CSV import.
 */
@Controller
@RequestMapping("/admin/endorsements")
class EndorsementAdminController {

	private static final String LIST = "/admin/endorsements";

	/** The import page's form: it has no object of its own, only the file and its errors. */
	static final String UPLOAD = "upload";

	private final EndorsementQueries queries;

	private final StakeholderDirectory stakeholders;

	private final RecordEndorsement recordEndorsement;

	private final EditEndorsement editEndorsement;

	private final WithdrawEndorsement withdrawEndorsement;

	private final EndorsementImport endorsementImport;

	private final AuditQueries audit;

	EndorsementAdminController(EndorsementQueries queries, StakeholderDirectory stakeholders,
			RecordEndorsement recordEndorsement, EditEndorsement editEndorsement,
			WithdrawEndorsement withdrawEndorsement, EndorsementImport endorsementImport, AuditQueries audit) {
		this.audit = audit;
		this.queries = queries;
		this.stakeholders = stakeholders;
		this.recordEndorsement = recordEndorsement;
		this.editEndorsement = editEndorsement;
		this.withdrawEndorsement = withdrawEndorsement;
		this.endorsementImport = endorsementImport;
	}

	// The list -------------------------------------------------------------------------------------

	@GetMapping
	String list(@ModelAttribute("filter") EndorsementFilter filter, BindingResult result,
			@RequestParam(name = "page", required = false) @Nullable String page, HttpServletRequest request,
			Locale locale, Model model) {
		filter.checkPeriod(result);
		RequestLinks.addPage(model, request,
				this.queries.adminPage(filter.toQuery(), RequestLinks.pageNumber(page), locale));
		return "admin/endorsements/list";
	}

	// Record ---------------------------------------------------------------------------------------

	@GetMapping("/new")
	String newForm(Locale locale, Model model) {
		model.addAttribute("endorsementForm", new EndorsementForm());
		return recordPage(locale, model);
	}

	@PostMapping
	String record(@Valid @ModelAttribute("endorsementForm") EndorsementForm form, BindingResult result, Locale locale,
			Model model, RedirectAttributes redirect) {
		RecordEndorsement.Command command = form.toRecord();
		// a form that failed validation shows the stakeholder and date problems too, not only its own
		return Forms.attempt(result, () -> this.recordEndorsement.record(command),
				() -> this.recordEndorsement.problems(command))
			.map((stakeholder) -> Flash.redirect(redirect, LIST, "admin.endorsements.recorded", stakeholder.code()))
			.orElseGet(() -> recordPage(locale, model));
	}

	private String recordPage(Locale locale, Model model) {
		model.addAttribute("endorsers", this.stakeholders.endorsers(locale));
		return "admin/endorsements/new";
	}

	// Edit and withdraw: at the version the administrator saw --------------------------------------

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Locale locale, Model model) {
		AdminRow row = row(id, locale);
		model.addAttribute("endorsementForm", EndorsementForm.of(row));
		model.addAttribute("endorsement", row);
		return "admin/endorsements/edit";
	}

	@PostMapping("/{id}/edit")
	Object edit(@PathVariable long id, @Valid @ModelAttribute("endorsementForm") EndorsementForm form,
			BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
		AdminRow row = row(id, locale);
		model.addAttribute("endorsement", row);
		return Forms.edit(form, result, () -> this.editEndorsement.edit(id, form.toEdit()),
				(changed) -> Flash.redirect(redirect, LIST, changed ? "admin.endorsements.edited" : "admin.form.unchanged",
						row.stakeholderCode()),
				() -> conflict(id, "edit", form::conflictRows, locale), "admin/endorsements/edit");
	}

	@GetMapping("/{id}/withdraw")
	String withdrawForm(@PathVariable long id, Locale locale, Model model) {
		AdminRow row = row(id, locale);
		WithdrawalForm form = new WithdrawalForm();
		form.setVersion(row.version());
		model.addAttribute("withdrawalForm", form);
		model.addAttribute("endorsement", row);
		return "admin/endorsements/withdraw";
	}

	@PostMapping("/{id}/withdraw")
	Object withdraw(@PathVariable long id, @Valid @ModelAttribute("withdrawalForm") WithdrawalForm form,
			BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
		AdminRow row = row(id, locale);
		model.addAttribute("endorsement", row);
		return Forms.edit(form, result, () -> {
			this.withdrawEndorsement.withdraw(id, form.toCommand());
			return row.stakeholderCode();
		}, (code) -> Flash.redirect(redirect, LIST, "admin.endorsements.withdrawn", code),
				() -> conflict(id, "withdraw", form::conflictRows, locale), "admin/endorsements/withdraw");
	}

	/** The page showing what the administrator sent beside the endorsement as it is now. */
	private ModelAndView conflict(long id, String action, Function<AdminRow, List<ConflictPage.Row>> rows,
			Locale locale) {
		AdminRow now = row(id, locale);
		return ConflictPage.of(now.stakeholderName() + " (" + now.stakeholderCode() + ")",
				LIST + "/" + id + "/" + action, rows.apply(now), this.audit.lastChange("endorsement", id).orElse(null));
	}

	// CSV import -----------------------------------------------------------------------------------

	@GetMapping("/import")
	String importForm(Model model) {
		Forms.unbound(model, UPLOAD);
		return "admin/endorsements/import";
	}

	@PostMapping("/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, HttpSession session,
			Model model) throws IOException {
		String error = null;
		if (file == null || file.isEmpty()) {
			error = "admin.import.file.choose";
		}
		else if (file.getSize() > EndorsementCsv.MAX_BYTES) {
			error = "admin.import.file.too-large";
		}
		if (error != null) {
			Forms.reject(model, UPLOAD, "file", error, EndorsementCsv.MAX_BYTES / 1024);
			return "admin/endorsements/import";
		}
		Pending pending = PendingUploads.put(session, PendingUploads.fileName(file.getOriginalFilename(), "upload.csv"),
				file.getBytes());
		return "redirect:" + LIST + "/import/" + pending.token();
	}

	@GetMapping("/import/{token}")
	String preview(@PathVariable String token, HttpSession session, Locale locale, Model model) {
		Pending pending = PendingUploads.get(session, token)
			.orElseThrow(() -> new NotFoundException("pending import " + token));
		return previewPage(pending, this.endorsementImport.preview(pending.content(), locale), false, model);
	}

	@PostMapping("/import/{token}/apply")
	String apply(@PathVariable String token, @RequestParam(name = "sha256", required = false) @Nullable String sha256,
			HttpSession session, Locale locale, Model model, RedirectAttributes redirect) {
		Pending pending = PendingUploads.get(session, token)
			.orElseThrow(() -> new NotFoundException("pending import " + token));
		if (!pending.sha256().equals(sha256)) {
			Forms.answerRefused(false);
			model.addAttribute("stale", true);
			return previewPage(pending, this.endorsementImport.preview(pending.content(), locale), true, model);
		}
		Outcome outcome = this.endorsementImport.apply(pending.content(), pending.fileName(), pending.sha256());
		if (outcome instanceof Applied applied) {
			PendingUploads.remove(session, token);
			return Flash.redirect(redirect, LIST, "admin.endorsements.imported", applied.endorsementIds().size(),
					pending.fileName());
		}
		// refused: the file, or a row, has a problem now (perhaps someone recorded an endorsement meanwhile)
		Forms.answerRefused(true);
		return previewPage(pending, this.endorsementImport.preview(pending.content(), locale), true, model);
	}

	private String previewPage(Pending pending, EndorsementImport.Preview preview, boolean refused, Model model) {
		model.addAttribute("pending", pending);
		model.addAttribute("preview", preview);
		model.addAttribute("refused", refused);
		return "admin/endorsements/preview";
	}

	// ----------------------------------------------------------------------------------------------

	private AdminRow row(long id, Locale locale) {
		return this.queries.adminRow(id, locale).orElseThrow(() -> new NotFoundException("endorsement " + id));
	}

}
