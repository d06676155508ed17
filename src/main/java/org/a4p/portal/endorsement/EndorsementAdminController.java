package org.a4p.portal.endorsement;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.a4p.portal.endorsement.EndorsementImport.Applied;
import org.a4p.portal.endorsement.EndorsementImport.Outcome;
import org.a4p.portal.endorsement.EndorsementQueries.AdminRow;
import org.a4p.portal.endorsement.PendingImports.Pending;
import org.a4p.portal.shared.NotFoundException;
import org.a4p.portal.shared.Refusal;
import org.a4p.portal.stakeholder.StakeholderDirectory;
import org.a4p.portal.web.ConflictPage;
import org.a4p.portal.web.Flash;
import org.a4p.portal.web.Forms;
import org.a4p.portal.web.RequestLinks;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
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

	EndorsementAdminController(EndorsementQueries queries, StakeholderDirectory stakeholders,
			RecordEndorsement recordEndorsement, EditEndorsement editEndorsement,
			WithdrawEndorsement withdrawEndorsement, EndorsementImport endorsementImport) {
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
		if (filter.getFrom() != null && filter.getTo() != null && filter.getTo().isBefore(filter.getFrom())) {
			result.rejectValue("to", "admin.filter.to.before-from");
		}
		EndorsementQueries.Page<AdminRow> rows = this.queries.adminPage(filter.toQuery(), RequestLinks.pageNumber(page),
				locale);
		model.addAttribute("page", rows);
		RequestLinks.addPageLinks(model, request, rows.number());
		return "admin/endorsements/list";
	}

	// Record ---------------------------------------------------------------------------------------

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("endorsementForm", new EndorsementForm());
		return recordPage(model);
	}

	@PostMapping
	String record(@Valid @ModelAttribute("endorsementForm") EndorsementForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.recordEndorsement.record(form);
				Flash.add(redirect, "admin.endorsements.recorded",
						StakeholderDirectory.normalizeCode(String.valueOf(form.getStakeholderCode())));
				return "redirect:" + LIST;
			}
			catch (Refusal violation) {
				violation.addTo(result);
			}
		}
		else {
			// show the stakeholder and date problems too, not only the form's
			Refusal.addToFieldsWithoutErrors(this.recordEndorsement.problems(form), result);
		}
		return recordPage(model);
	}

	private String recordPage(Model model) {
		model.addAttribute("endorsers", this.stakeholders.endorsers());
		return "admin/endorsements/new";
	}

	// Edit -----------------------------------------------------------------------------------------

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
		if (form.getVersion() == null) {
			result.reject("admin.form.stale");
		}
		if (!result.hasErrors()) {
			try {
				boolean changed = this.editEndorsement.edit(id, form);
				Flash.add(redirect, changed ? "admin.endorsements.edited" : "admin.form.unchanged", row.stakeholderCode());
				return "redirect:" + LIST;
			}
			catch (Refusal violation) {
				violation.addTo(result);
			}
			catch (OptimisticLockingFailureException conflict) {
				return conflict(id, form, null, locale);
			}
		}
		model.addAttribute("endorsement", row);
		return "admin/endorsements/edit";
	}

	// Withdraw -------------------------------------------------------------------------------------

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
		if (form.getVersion() == null) {
			result.reject("admin.form.stale");
		}
		if (!result.hasErrors()) {
			try {
				this.withdrawEndorsement.withdraw(id, form);
				Flash.add(redirect, "admin.endorsements.withdrawn", row.stakeholderCode());
				return "redirect:" + LIST;
			}
			catch (Refusal violation) {
				violation.addTo(result);
			}
			catch (OptimisticLockingFailureException conflict) {
				return conflict(id, null, form, locale);
			}
		}
		model.addAttribute("endorsement", row);
		return "admin/endorsements/withdraw";
	}

	private ModelAndView conflict(long id, @Nullable EndorsementForm edit, @Nullable WithdrawalForm withdrawal,
			Locale locale) {
		AdminRow now = row(id, locale);
		String formHref = LIST + "/" + id + ((edit != null) ? "/edit" : "/withdraw");
		List<ConflictPage.Row> rows = (edit != null) ? List.of(
				new ConflictPage.Row("admin.endorsement.endorsed-on", ConflictPage.text(edit.getEndorsedOn()),
						ConflictPage.text(now.endorsedOn())),
				new ConflictPage.Row("admin.endorsement.source", edit.getSource(), now.source()),
				new ConflictPage.Row("admin.endorsement.note", edit.getNote(), now.note()))
				: List.of(
						new ConflictPage.Row("admin.endorsement.endorsed-on", ConflictPage.text(now.endorsedOn()),
								ConflictPage.text(now.endorsedOn())),
						new ConflictPage.Row("admin.endorsement.withdrawn-on",
								ConflictPage.text(withdrawal.getWithdrawnOn()), ConflictPage.text(now.withdrawnOn())),
						new ConflictPage.Row("admin.withdraw.reason", withdrawal.getReason(), now.withdrawalReason()));
		return ConflictPage.of(now.stakeholderName() + " (" + now.stakeholderCode() + ")", formHref, rows);
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
			Forms.unbound(model, UPLOAD).rejectValue("file", error, new Object[] { EndorsementCsv.MAX_BYTES / 1024 }, null);
			return "admin/endorsements/import";
		}
		String original = file.getOriginalFilename();
		String name = (original != null && !original.isBlank()) ? original.strip() : "upload.csv";
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		Pending pending = PendingImports.put(session, name, file.getBytes());
		return "redirect:" + LIST + "/import/" + pending.token();
	}

	@GetMapping("/import/{token}")
	String preview(@PathVariable String token, HttpSession session, Locale locale, Model model) {
		Pending pending = PendingImports.get(session, token)
			.orElseThrow(() -> new NotFoundException("pending import " + token));
		return previewPage(pending, this.endorsementImport.preview(pending.content(), locale), false, model);
	}

	@PostMapping("/import/{token}/apply")
	String apply(@PathVariable String token, @RequestParam(name = "sha256", required = false) @Nullable String sha256,
			HttpSession session, Locale locale, Model model, RedirectAttributes redirect) {
		Pending pending = PendingImports.get(session, token)
			.orElseThrow(() -> new NotFoundException("pending import " + token));
		if (!pending.sha256().equals(sha256)) {
			model.addAttribute("stale", true);
			return previewPage(pending, this.endorsementImport.preview(pending.content(), locale), true, model);
		}
		Outcome outcome = null;
		try {
			outcome = this.endorsementImport.apply(pending.content(), pending.fileName(), pending.sha256());
		}
		catch (Refusal raced) {
			// someone recorded an endorsement for a state of the file meanwhile: the preview shows it
		}
		if (outcome instanceof Applied applied) {
			PendingImports.remove(session, token);
			Flash.add(redirect, "admin.endorsements.imported", applied.endorsementIds().size(), pending.fileName());
			return "redirect:" + LIST;
		}
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
