package org.a4p.portal.opendata;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.a4p.portal.publication.ProgressViews.PublishedEntry;
import org.a4p.portal.publication.ValidatedText;
import org.jspecify.annotations.Nullable;

/**
 * The tables of a reporting cycle's dataset: for each, its file, what it holds, its Table Schema (Frictionless
 * Data Package v1: field names and types, primary key, foreign keys) and the SQL that streams its rows (every
 * column as text, in the schema's order; {@code :cycle} is the cycle's id), or the rows each validated entry
 * makes (entries and their evidence links, read through the publication module's
 * {@link org.a4p.portal.publication.ProgressViews#eachEntry}, the query the pages and the API read). What the
 * public sees of the cycle comes from the same relation the pages read ({@code public_pair}: live for an open
 * cycle, as published in force for a closed one), so a draft, a submission or an edit after validation never
 * appears.
 */
final class Dataset {

	/** A field of a Table Schema; {@code type} is one of string, integer, number, date, datetime, boolean. */
	record Field(String name, String type, String description) {
	}

	/** A foreign key: these fields reference those of another resource. */
	record ForeignKey(List<String> fields, String resource, List<String> referenced) {
	}

	/**
	 * @param name the resource's name (its file is {@code NAME.csv})
	 * @param perCycle whether its rows are those of the cycle (else the portal's reference records)
	 * @param sql the statement that streams its rows, or {@code null} for a table made from the cycle's
	 * validated entries
	 * @param fromEntry the rows a validated entry makes in this table ({@code null} for a table read by
	 * {@code sql})
	 */
	record Resource(String name, String title, String description, boolean perCycle, List<Field> fields,
			List<String> primaryKey, List<ForeignKey> foreignKeys, @Nullable String sql,
			@Nullable Function<PublishedEntry, List<List<String>>> fromEntry) {

		Resource(String name, String title, String description, boolean perCycle, List<Field> fields,
				List<String> primaryKey, List<ForeignKey> foreignKeys, String sql) {
			this(name, title, description, perCycle, fields, primaryKey, foreignKeys, sql, null);
		}

		Resource(String name, String title, String description, List<Field> fields, List<String> primaryKey,
				List<ForeignKey> foreignKeys, Function<PublishedEntry, List<List<String>>> fromEntry) {
			this(name, title, description, true, fields, primaryKey, foreignKeys, null, fromEntry);
		}

		String path() {
			return this.name + ".csv";
		}

		List<String> headers() {
			return this.fields.stream().map(Field::name).toList();
		}

	}

	private static Field string(String name, String description) {
		return new Field(name, "string", description);
	}

	private static Field integer(String name, String description) {
		return new Field(name, "integer", description);
	}

	private static Field date(String name, String description) {
		return new Field(name, "date", description);
	}

	private static ForeignKey fk(String field, String resource, String referenced) {
		return new ForeignKey(List.of(field), resource, List.of(referenced));
	}

	private static final String CURRENT_CATALOGUE = "(select id from catalogue_version where is_current)";

	/** An instant as Table Schema's default datetime format: UTC, {@code YYYY-MM-DDThh:mm:ssZ}. */
	private static String utc(OffsetDateTime at) {
		return DateTimeFormatter.ISO_INSTANT.format(at.toInstant().truncatedTo(ChronoUnit.SECONDS));
	}

	/** One row per evidence link of the entry, numbered from 1. */
	private static List<List<String>> evidence(PublishedEntry entry) {
		List<ValidatedText.Link> links = entry.text().evidence();
		List<List<String>> rows = new ArrayList<>(links.size());
		for (int i = 0; i < links.size(); i++) {
			rows.add(List.of(entry.commitmentCode(), entry.stakeholder().code(), String.valueOf(i + 1),
					Objects.toString(links.get(i).title(), ""), Objects.toString(links.get(i).url(), "")));
		}
		return rows;
	}

	static final List<Resource> RESOURCES = List.of(
			new Resource("areas", "Areas", "The eight thematic areas of the Declaration of Shared Commitments.", false,
					List.of(string("code", "Area code"), integer("position", "Order in the Declaration")), List.of("code"),
					List.of(), "select a.code, a.position::text from area a order by a.position"),
			new Resource("area_texts", "Area texts", "Names and texts of each area in each language the catalogue has.",
					false,
					List.of(string("area_code", "Area code"), string("lang", "Language (ISO 639-1)"),
							string("name", "Name"), string("short_name", "Short name"),
							string("statement", "The area's statement in the Declaration"),
							string("secretariat_action", "What the Secretariat does")),
					List.of("area_code", "lang"), List.of(fk("area_code", "areas", "code")), """
							select a.code, t.lang, t.name, t.short_name, t.statement, t.secretariat_action
							from area_text t join area a on a.id = t.area_id
							where t.catalogue_version_id = %s order by a.position, t.lang""".formatted(CURRENT_CATALOGUE)),
			new Resource("commitments", "Commitments", "Every commitment: its area, order, who makes it and for which "
					+ "capacity of Member States.", false,
					List.of(string("code", "Commitment code"), string("area_code", "Area code"),
							integer("position", "Order in its area"),
							string("owner", "Who makes it: SECRETARIAT, MEMBER_STATES or COLLECTIVE"),
							string("capacity", "For Member States: ALL, SECURITY_COUNCIL, TPCC or HOST_STATE")),
					List.of("code"), List.of(fk("area_code", "areas", "code")), """
							select c.code, a.code, c.position::text, c.owner, c.capacity
							from commitment c join area a on a.id = c.area_id order by a.position, c.position"""),
			new Resource("commitment_texts", "Commitment texts",
					"The title and text of each commitment in each language the catalogue has.", false,
					List.of(string("commitment_code", "Commitment code"), string("lang", "Language (ISO 639-1)"),
							string("title", "Title"), string("body", "Text"),
							string("source", "Where the text comes from: official, secondary or seed")),
					List.of("commitment_code", "lang"), List.of(fk("commitment_code", "commitments", "code")), """
							select c.code, t.lang, t.title, t.body, t.source
							from commitment_text t join commitment c on c.id = t.commitment_id
							join area a on a.id = c.area_id
							where t.catalogue_version_id = %s order by a.position, c.position, t.lang"""
						.formatted(CURRENT_CATALOGUE)),
			new Resource("regions", "UN M49 regions",
					"The regions, sub-regions and intermediate regions of the UN's standard country or area codes for "
							+ "statistical use (M49) that hold Member States, each under the one above it.", false,
					List.of(string("code", "M49 code (three digits)"),
							string("level", "REGION, SUBREGION or INTERMEDIATE"),
							string("parent_code", "M49 code of the region it belongs to (empty for a region)"),
							string("name_en", "English name in the standard")),
					List.of("code"), List.of(fk("parent_code", "regions", "code")), """
							select r.code, r.level, r.parent_code, r.name_en from m49_region r
							order by case r.level when 'REGION' then 1 when 'SUBREGION' then 2 else 3 end, r.code"""),
			new Resource("stakeholders", "Stakeholders",
					"The Secretariat, Member States and organizations the portal knows; for a Member State, where the "
							+ "UN M49 standard places it.", false,
					List.of(string("code", "Stakeholder code (ISO 3166-1 alpha-3 for a Member State)"),
							string("kind", "SECRETARIAT, MEMBER_STATE or ORGANIZATION"),
							string("iso2", "ISO 3166-1 alpha-2 code of a Member State"), string("name_en", "English name"),
							string("m49_code", "M49 code of a Member State (three digits)"),
							string("region_code", "M49 region of a Member State"),
							string("region_name", "English name of the M49 region"),
							string("subregion_code", "M49 sub-region of a Member State"),
							string("subregion_name", "English name of the M49 sub-region"),
							string("intermediate_region_code", "M49 intermediate region of a Member State, if any"),
							string("intermediate_region_name", "English name of the M49 intermediate region")),
					List.of("code"),
					List.of(fk("region_code", "regions", "code"), fk("subregion_code", "regions", "code"),
							fk("intermediate_region_code", "regions", "code")),
					"""
							select s.code, s.kind, s.iso2, s.name_en, m.m49_code, m.region_code, r.name_en,
							       m.subregion_code, sr.name_en, m.intermediate_code, ir.name_en
							from stakeholder s
							left join member_state_region m on m.stakeholder_id = s.id
							left join m49_region r on r.code = m.region_code
							left join m49_region sr on sr.code = m.subregion_code
							left join m49_region ir on ir.code = m.intermediate_code
							order by s.kind, s.code"""),
			new Resource("endorsements", "Endorsements",
					"Endorsements of the Declaration recorded in the portal, withdrawn ones included.", false,
					List.of(integer("id", "Record number"), string("stakeholder_code", "Stakeholder code"),
							date("endorsed_on", "Day of the endorsement (empty: not recorded)"),
							string("source", "Source"), string("note", "Note"),
							date("withdrawn_on", "Day of the withdrawal"), string("withdrawal_reason", "Why withdrawn"),
							new Field("demo", "boolean", "A demonstration record, not a real one")),
					List.of("id"), List.of(fk("stakeholder_code", "stakeholders", "code")), """
							select e.id::text, s.code, e.endorsed_on::text, e.source, e.note, e.withdrawn_on::text,
							       e.withdrawal_reason, e.demo::text
							from endorsement e join stakeholder s on s.id = e.stakeholder_id order by e.id"""),
			new Resource("capacities", "Capacities",
					"Capacities Member States hold over a period: Security Council member, troop or police "
							+ "contributor, host State.", false,
					List.of(integer("id", "Record number"), string("stakeholder_code", "Stakeholder code"),
							string("capacity", "SECURITY_COUNCIL, TPCC or HOST_STATE"), date("starts_on", "First day"),
							date("ends_on", "Last day (empty: open-ended)"), string("note", "Note"),
							new Field("demo", "boolean", "A demonstration record, not a real one")),
					List.of("id"), List.of(fk("stakeholder_code", "stakeholders", "code")), """
							select c.id::text, s.code, c.capacity, c.starts_on::text, c.ends_on::text, c.note, c.demo::text
							from capacity_assignment c join stakeholder s on s.id = c.stakeholder_id order by c.id"""),
			new Resource("statuses", "Published status per pair",
					"Every applicable (commitment, stakeholder) pair of the cycle with its published status "
							+ "(NO_EVIDENCE where nothing is validated) and whether it was reported.", true,
					List.of(string("commitment_code", "Commitment code"), string("stakeholder_code", "Stakeholder code"),
							string("status",
									"NO_EVIDENCE, NOT_STARTED, LIMITED, SUBSTANTIAL, COMPLETE or NOT_APPLICABLE"),
							new Field("reported", "boolean", "A report was submitted or validated")),
					List.of("commitment_code", "stakeholder_code"),
					List.of(fk("commitment_code", "commitments", "code"), fk("stakeholder_code", "stakeholders", "code")),
					"""
							select c.code, s.code, pp.status, pp.reported::text
							from public_pair pp join commitment c on c.id = pp.commitment_id
							join stakeholder s on s.id = pp.stakeholder_id
							where pp.cycle_id = :cycle order by c.code, s.code"""),
			new Resource("entries", "Published entries",
					"What was validated for a pair: its status, when, and the narrative exactly as validated.",
					List.of(string("commitment_code", "Commitment code"), string("stakeholder_code", "Stakeholder code"),
							string("status", "The validated status"),
							new Field("validated_at", "datetime", "When the Secretariat validated it (UTC)"),
							string("narrative", "The narrative as validated")),
					List.of("commitment_code", "stakeholder_code"),
					List.of(new ForeignKey(List.of("commitment_code", "stakeholder_code"), "statuses",
							List.of("commitment_code", "stakeholder_code"))),
					(entry) -> List.of(List.of(entry.commitmentCode(), entry.stakeholder().code(), entry.status().name(),
							utc(entry.text().validatedAt()), entry.text().narrative()))),
			new Resource("evidence", "Evidence links", "The evidence links of each published entry, as validated.",
					List.of(string("commitment_code", "Commitment code"), string("stakeholder_code", "Stakeholder code"),
							integer("position", "Order of the link (from 1)"), string("title", "Title"),
							string("url", "Address")),
					List.of("commitment_code", "stakeholder_code", "position"),
					List.of(new ForeignKey(List.of("commitment_code", "stakeholder_code"), "entries",
							List.of("commitment_code", "stakeholder_code"))),
					Dataset::evidence),
			new Resource("endorsement_counts", "Endorsement counts published by the UN",
					"The totals of endorsements the UN has published over time (not the portal's records).", false,
					List.of(integer("position", "Order"), date("as_of", "Day of the count (empty: undated)"),
							integer("member_states", "Member States"),
							integer("organizations", "Organizations (empty: not stated)"), string("note", "Note")),
					List.of("position"), List.of(), """
							select position::text, as_of::text, member_states::text, organizations::text, note
							from published_endorsement_count order by position"""));

	private Dataset() {
	}

}
