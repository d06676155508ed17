package org.a4p.portal.opendata;

import java.util.List;

/**
 * The tables of a reporting cycle's dataset: for each, its file, what it holds, its Table Schema (Frictionless
 * Data Package v1: field names and types, primary key, foreign keys) and the SQL that streams its rows (every
 * column as text, in the schema's order; {@code :cycle} is the cycle's id). What the public sees of the cycle
 * comes from the same relations the pages read ({@code public_pair}, and the validated entries by its rule: live for an open
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
	 */
	record Resource(String name, String title, String description, boolean perCycle, List<Field> fields,
			List<String> primaryKey, List<ForeignKey> foreignKeys, String sql) {

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

	/**
	 * The validated entries the public sees of each cycle, with their narrative and evidence as validated: live
	 * (the latest VALIDATED revision) for an open or never-published cycle, the publication in force's copy for a
	 * closed one; the same rule as {@code public_pair}.
	 */
	private static final String PUBLIC_ENTRY = """
			(select ap.cycle_id, ap.commitment_id, ap.stakeholder_id, pe.published_status as status,
			        pe.published_at as validated_at, v.narrative, v.evidence
			 from reporting_cycle rc
			 join applicable_pair ap on ap.cycle_id = rc.id
			 join progress_entry pe on pe.cycle_id = ap.cycle_id and pe.commitment_id = ap.commitment_id
			      and pe.stakeholder_id = ap.stakeholder_id
			 left join lateral (
			     select r.narrative, r.evidence from progress_entry_revision r
			     where r.entry_id = pe.id and r.action = 'VALIDATED'
			     order by r.revision desc limit 1) v on true
			 where pe.published_status is not null
			   and (rc.state = 'OPEN'
			        or not exists (select 1 from publication p where p.cycle_id = rc.id and p.superseded_at is null))
			 union all
			 select p.cycle_id, pp.commitment_id, pp.stakeholder_id, pp.status, pp.validated_at, pp.narrative, pp.evidence
			 from reporting_cycle rc
			 join publication p on p.cycle_id = rc.id and p.superseded_at is null
			 join published_pair pp on pp.publication_id = p.id
			 where rc.state = 'CLOSED' and pp.validated_at is not null)""";

	private static final String CURRENT_CATALOGUE = "(select id from catalogue_version where is_current)";

	/** An instant as Table Schema's default datetime format: UTC, {@code YYYY-MM-DDThh:mm:ssZ}. */
	private static String utc(String column) {
		return "to_char(" + column + " at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
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
					"What was validated for a pair: its status, when, and the narrative exactly as validated.", true,
					List.of(string("commitment_code", "Commitment code"), string("stakeholder_code", "Stakeholder code"),
							string("status", "The validated status"),
							new Field("validated_at", "datetime", "When the Secretariat validated it (UTC)"),
							string("narrative", "The narrative as validated")),
					List.of("commitment_code", "stakeholder_code"),
					List.of(new ForeignKey(List.of("commitment_code", "stakeholder_code"), "statuses",
							List.of("commitment_code", "stakeholder_code"))),
					"""
							select c.code, s.code, e.status, %s, e.narrative
							from %s e join commitment c on c.id = e.commitment_id
							join stakeholder s on s.id = e.stakeholder_id
							where e.cycle_id = :cycle order by c.code, s.code""".formatted(utc("e.validated_at"), PUBLIC_ENTRY)),
			new Resource("evidence", "Evidence links", "The evidence links of each published entry, as validated.",
					true,
					List.of(string("commitment_code", "Commitment code"), string("stakeholder_code", "Stakeholder code"),
							integer("position", "Order of the link (from 1)"), string("title", "Title"),
							string("url", "Address")),
					List.of("commitment_code", "stakeholder_code", "position"),
					List.of(new ForeignKey(List.of("commitment_code", "stakeholder_code"), "entries",
							List.of("commitment_code", "stakeholder_code"))),
					"""
							select c.code, s.code, l.position::text, l.link ->> 'title', l.link ->> 'url'
							from %s e join commitment c on c.id = e.commitment_id
							join stakeholder s on s.id = e.stakeholder_id
							cross join lateral jsonb_array_elements(coalesce(e.evidence, '[]'::jsonb))
							     with ordinality as l(link, position)
							where e.cycle_id = :cycle order by c.code, s.code, l.position""".formatted(PUBLIC_ENTRY)),
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
