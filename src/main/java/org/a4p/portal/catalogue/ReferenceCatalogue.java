package org.a4p.portal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The reference data as published in {@code shared/data}: the A4P catalogue (areas, commitments,
 * Declaration facts, partner organizations, known endorsements, UN-published counts, Security
 * Council seats) and the 193 UN Member States. Read as given, never edited.
 */
public record ReferenceCatalogue(String versionLabel, Declaration declaration, List<AreaData> areas,
		List<CommitmentData> commitments, List<OrganizationData> organizations,
		List<KnownEndorsement> knownEndorsements, List<PublishedCount> publishedCounts,
		List<String> permanentCouncilMembers, List<ElectedTerm> electedCouncilTerms, List<MemberState> memberStates) {

	public static final String CATALOGUE_RESOURCE = "reference/a4p-catalogue.yaml";

	public static final String MEMBER_STATES_RESOURCE = "reference/un-member-states.csv";

	public record Declaration(String titleEn, String titleZh, LocalDate circulatedOn, LocalDate highLevelMeetingOn,
			LocalDate launchedOn, String reviewClauseEn, String reviewClauseZh) {
	}

	public record AreaData(String code, int order, String nameEn, String shortEn, String nameZh, String shortZh,
			String statementEn, String statementZh, String secretariatActionEn, String secretariatActionZh) {
	}

	public record CommitmentData(String code, String area, Owner owner, @Nullable Capacity capacity, String source,
			String titleEn, String titleZh, String textEn, String textZh) {
	}

	public record OrganizationData(String code, String nameEn, String nameZh) {
	}

	public record KnownEndorsement(String iso3, LocalDate endorsedOn, @Nullable String note) {
	}

	public record PublishedCount(@Nullable LocalDate asOf, int memberStates, @Nullable Integer organizations,
			@Nullable String note) {
	}

	public record ElectedTerm(int firstYear, int lastYear, List<String> members) {
	}

	public record MemberState(String iso3, String iso2, String nameEn) {
	}

	/** Reads both reference files from the classpath. */
	public static ReferenceCatalogue fromClasspath() {
		ClassLoader loader = ReferenceCatalogue.class.getClassLoader();
		try (InputStream catalogue = loader.getResourceAsStream(CATALOGUE_RESOURCE);
				InputStream states = loader.getResourceAsStream(MEMBER_STATES_RESOURCE)) {
			if (catalogue == null || states == null) {
				throw new IllegalStateException("Reference data missing from the classpath");
			}
			return read(catalogue, states);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static ReferenceCatalogue read(InputStream catalogueYaml, InputStream memberStatesCsv) throws IOException {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(new InputStreamReader(catalogueYaml, StandardCharsets.UTF_8));
		Map<String, Object> decl = map(root.get("declaration"));
		Declaration declaration = new Declaration(str(decl, "title_en"), str(decl, "title_zh"),
				date(decl.get("circulated_on")), date(decl.get("high_level_meeting_on")), date(decl.get("launched_on")),
				str(decl, "review_clause_en"), str(decl, "review_clause_zh"));

		List<AreaData> areas = new ArrayList<>();
		for (Object o : list(root.get("areas"))) {
			Map<String, Object> a = map(o);
			areas.add(new AreaData(str(a, "code"), ((Number) a.get("order")).intValue(), str(a, "name_en"),
					str(a, "short_en"), str(a, "name_zh"), str(a, "short_zh"), str(a, "statement_en"),
					str(a, "statement_zh"), str(a, "secretariat_action_en"), str(a, "secretariat_action_zh")));
		}
		List<CommitmentData> commitments = new ArrayList<>();
		for (Object o : list(root.get("commitments"))) {
			Map<String, Object> c = map(o);
			Object capacity = c.get("capacity");
			commitments.add(new CommitmentData(str(c, "code"), str(c, "area"), Owner.valueOf(str(c, "owner")),
					(capacity != null) ? Capacity.valueOf(capacity.toString()) : null, str(c, "source"),
					str(c, "title_en"), str(c, "title_zh"), str(c, "text_en"), str(c, "text_zh")));
		}
		List<OrganizationData> organizations = new ArrayList<>();
		for (Object o : list(root.get("partner_organizations"))) {
			Map<String, Object> org = map(o);
			organizations.add(new OrganizationData(str(org, "code"), str(org, "name_en"), str(org, "name_zh")));
		}
		List<KnownEndorsement> known = new ArrayList<>();
		for (Object o : list(root.get("known_endorsements"))) {
			Map<String, Object> e = map(o);
			known.add(new KnownEndorsement(str(e, "iso3"), date(e.get("endorsed_on")), (String) e.get("note")));
		}
		List<PublishedCount> counts = new ArrayList<>();
		for (Object o : list(root.get("published_endorsement_counts"))) {
			Map<String, Object> p = map(o);
			Object orgs = p.get("organizations");
			counts.add(new PublishedCount(optionalDate(p.get("as_of")), ((Number) p.get("member_states")).intValue(),
					(orgs != null) ? ((Number) orgs).intValue() : null, (String) p.get("note")));
		}
		Map<String, Object> council = map(root.get("capacities_reference"));
		List<String> permanent = list(council.get("security_council_permanent")).stream().map(Object::toString).toList();
		List<ElectedTerm> terms = new ArrayList<>();
		for (Object o : list(council.get("security_council_elected"))) {
			Map<String, Object> t = map(o);
			String[] years = str(t, "term").split("-");
			terms.add(new ElectedTerm(Integer.parseInt(years[0]), Integer.parseInt(years[1]),
					list(t.get("members")).stream().map(Object::toString).toList()));
		}
		return new ReferenceCatalogue(str(root, "catalogue_version"), declaration, List.copyOf(areas),
				List.copyOf(commitments), List.copyOf(organizations), List.copyOf(known), List.copyOf(counts), permanent,
				List.copyOf(terms), readMemberStates(memberStatesCsv));
	}

	private static List<MemberState> readMemberStates(InputStream csv) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		List<MemberState> states = new ArrayList<>();
		try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
			for (CSVRecord row : format.parse(reader)) {
				states.add(new MemberState(row.get("iso3"), row.get("iso2"), row.get("name_en")));
			}
		}
		return List.copyOf(states);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(@Nullable Object value) {
		if (!(value instanceof Map)) {
			throw new IllegalStateException("Reference catalogue: expected a mapping, found " + value);
		}
		return (Map<String, Object>) value;
	}

	private static List<?> list(@Nullable Object value) {
		if (!(value instanceof List<?> list)) {
			throw new IllegalStateException("Reference catalogue: expected a list, found " + value);
		}
		return list;
	}

	private static String str(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value == null) {
			throw new IllegalStateException("Reference catalogue: missing '" + key + "' in " + map);
		}
		return value.toString();
	}

	private static @Nullable LocalDate optionalDate(@Nullable Object value) {
		return (value != null) ? date(value) : null;
	}

	/** SnakeYAML reads an unquoted ISO date as a {@link Date} at midnight UTC. */
	private static LocalDate date(@Nullable Object value) {
		if (value instanceof Date d) {
			return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
		}
		if (value == null) {
			throw new IllegalStateException("Reference catalogue: missing date");
		}
		return LocalDate.parse(value.toString());
	}

}
