package org.a4p.portal.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.a4p.portal.progress.Status;

/**
 * Made-up but plausible texts for demonstration entries: narratives by status (Chinese for China's
 * entries, to show another script), reviewers' comments, evidence titles and links under
 * example.org (a domain reserved for examples). Placeholders: {who}, {period}, {title}.
 */
final class DemoText {

	private static final Map<Status, List<String>> NARRATIVES_EN = Map.of(Status.NOT_STARTED, List.of(
			"{who} has not yet begun work on “{title}” in {period}. The responsible office has been identified and activities are planned for the next period.",
			"No activity to report for {period}. {who} is assessing the resources needed for “{title}”.",
			"Work on “{title}” was postponed in {period} because of competing priorities; a timeline will be proposed next period."),
			Status.LIMITED, List.of(
			"First steps in {period}: {who} designated a focal point for “{title}” and completed an initial assessment.",
			"Some activities started in {period}, but funding and staffing constraints limited progress on “{title}”.",
			"A working group on “{title}” met twice in {period}; its recommendations are not yet implemented."),
			Status.SUBSTANTIAL, List.of(
			"Most planned measures on “{title}” were carried out in {period}; remaining steps concern monitoring and reporting.",
			"In {period}, {who} made “{title}” part of pre-deployment training and internal guidance. Coverage is above 70%.",
			"{who} adopted an action plan for “{title}” and implemented most of it in {period}; two measures remain open."),
			Status.COMPLETE, List.of(
			"All measures on “{title}” are in place and reviewed every year. {who} reported on them in {period} to the Special Committee on Peacekeeping Operations (C-34).",
			"Completed: “{title}” is fully implemented and part of standard procedures & training since {period}.",
			"{who} completed the remaining actions on “{title}” in {period}; an independent review confirmed the results."),
			Status.NOT_APPLICABLE, List.of(
			"Not applicable in {period}: the commitment concerns activities {who} did not undertake during the period.",
			"Not applicable in {period}: {who} had no personnel deployed in the missions concerned."));

	private static final Map<Status, List<String>> NARRATIVES_ZH = Map.of(Status.NOT_STARTED, List.of(
			"{period}期间，{who}尚未开始落实“{title}”，已确定负责部门，相关活动计划在下一报告期开展。"),
			Status.LIMITED, List.of("{period}期间，{who}为“{title}”指定了联络人并完成了初步评估，进展有限。"),
			Status.SUBSTANTIAL, List.of("{period}期间，{who}已落实“{title}”的大部分计划措施，其余工作涉及监测和报告。"),
			Status.COMPLETE, List.of("“{title}”的各项措施已全部落实，并每年审查；{who}已于{period}向维持和平行动特别委员会报告。"),
			Status.NOT_APPLICABLE, List.of("{period}期间不适用：该承诺涉及的活动{who}在本期间未开展。"));

	private static final List<String> REVIEW_COMMENTS = List.of(
			"Please add a link to the source of the figures given.",
			"The narrative describes plans, not results: please report what was done during the period.",
			"Please explain why the status is not lower while the training is still under way.",
			"Please attach the evidence mentioned in the narrative.");

	private static final List<String> EVIDENCE_TITLES = List.of("{who}: annual report on peacekeeping, {period}",
			"Pre-deployment training curriculum ({period})",
			"Statement to the Special Committee on Peacekeeping Operations, {period}",
			"Action plan on the A4P commitments: progress review {period}", "Press release, {period}");

	private DemoText() {
	}

	static boolean writesInChinese(DemoPair pair) {
		return "CHN".equals(pair.stakeholderCode());
	}

	static String narrative(SplittableRandom random, Status status, DemoPair pair, DemoCycle cycle, String titleEn,
			String titleZh) {
		boolean chinese = writesInChinese(pair);
		String template = DemoRandom.pick(random, (chinese ? NARRATIVES_ZH : NARRATIVES_EN).get(status));
		String who = chinese ? "中国" : pair.stakeholderName();
		return fill(template, who, cycle.periodText(), chinese ? titleZh : titleEn);
	}

	static String reviewComment(SplittableRandom random) {
		return DemoRandom.pick(random, REVIEW_COMMENTS);
	}

	static String evidenceTitle(SplittableRandom random, DemoPair pair, DemoCycle cycle) {
		return fill(DemoRandom.pick(random, EVIDENCE_TITLES), pair.stakeholderName(), cycle.periodText(), "");
	}

	static String evidenceUrl(DemoPair pair, DemoCycle cycle, int position) {
		return "https://example.org/a4p/" + pair.stakeholderCode().toLowerCase(Locale.ROOT) + "/"
				+ cycle.code().toLowerCase(Locale.ROOT) + "/" + pair.commitmentCode().toLowerCase(Locale.ROOT)
				+ "/evidence-" + (position + 1);
	}

	private static String fill(String template, String who, String period, String title) {
		return template.replace("{who}", who).replace("{period}", period).replace("{title}", title);
	}

}
