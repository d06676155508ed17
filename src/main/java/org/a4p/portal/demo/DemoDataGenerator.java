package org.a4p.portal.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;

import org.a4p.portal.cycle.CycleQueries;
import org.a4p.portal.cycle.CycleView;
import org.a4p.portal.demo.DemoEntry.Evidence;
import org.a4p.portal.demo.DemoEntry.Revision;
import org.a4p.portal.shared.ContentChanged;
import org.a4p.portal.shared.Rows;
import org.a4p.portal.shared.TransactionLock;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills and removes illustrative data, all of it marked {@code demo = true}: endorsements for most
 * Member States that have none, some troop/police-contributor and host-state capacities, closed
 * past cycles, and entries in those and in the current open cycle for the applicable pairs only
 * (the {@code applicable_pair} view), never where a real entry exists. Everything happens in one
 * transaction: a failure leaves nothing behind.
 * <p>
 * Entries are made in Java by {@link DemoEntryFactory} and streamed to PostgreSQL with COPY, one
 * cycle at a time, so a million entries take minutes. Rows that belong to an entry (evidence links,
 * and the revisions of its history: one per step, as {@link DemoEntry#history()} replays the use
 * cases) are copied into temporary staging tables keyed by (cycle, commitment, stakeholder) and
 * inserted with one join each once the entries exist; {@link #remove()} deletes them first.
 * <p>
 * Each transaction announces a content change ({@link ContentChanged}), so that cached pages here
 * and on other instances show the data (and the banner), or its absence, as soon as it commits.
 */
@Service
class DemoDataGenerator {

	private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

	/**
	 * Held by each action's transaction: two at once (on two instances) run one after the other, the
	 * second seeing what the first committed.
	 */
	static final String LOCK = "a4p-demo-data";

	private static final String ENTRY_COLUMNS = "commitment_id, stakeholder_id, cycle_id, status, workflow_state, "
			+ "narrative, review_comment, entered_by_secretariat, published_status, published_at, created_at, "
			+ "updated_at, submitted_at, created_by, updated_by, reviewed_by, reviewed_at, version, demo";

	/** The day of the high-level meeting at which most endorsements were announced. */
	private static final LocalDate HIGH_LEVEL_MEETING = LocalDate.of(2018, 9, 25);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final DemoDataQuery demoData;

	private final CycleQueries cycles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json;

	DemoDataGenerator(JdbcClient jdbc, DataSource dataSource, DemoDataQuery demoData, CycleQueries cycles,
			ApplicationEventPublisher events, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.demoData = demoData;
		this.cycles = cycles;
		this.events = events;
		this.clock = clock;
		this.json = json;
	}

	/** What was made. */
	record Report(long seed, int endorsements, int capacities, int pastCycles, long entries, long evidenceLinks,
			long revisions, long millis) {
	}

	/** What was removed. */
	record Removal(int endorsements, int capacities, int cycles, int entries, int evidenceLinks, int revisions) {

		boolean nothing() {
			return this.endorsements + this.capacities + this.cycles + this.entries + this.evidenceLinks
					+ this.revisions == 0;
		}

	}

	/** Fills demonstration data; refused when some is present already (see {@link #replace}). */
	@Transactional
	public Report generate(DemoRequest request) {
		TransactionLock.acquire(this.jdbc, LOCK);
		if (this.demoData.present()) {
			throw new DemoDataPresentException();
		}
		this.events.publishEvent(new ContentChanged("demo data"));
		bulkSettings();
		long started = System.nanoTime();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		long seed = request.seed();
		int endorsements = endorseMostStates(seed);
		int capacities = assignCapacities(seed);
		DemoCycle current = currentCycle(now.toLocalDate());
		DemoEntryFactory factory = new DemoEntryFactory(seed, titles(), now);

		int pastCount = (request.entries() == null) ? request.cycles() : pastCyclesFor(request.entries(), current);
		List<DemoCycle> past = createPastCycles(current, pastCount);
		List<DemoCycle> all = new ArrayList<>();
		all.add(current);
		all.addAll(past);

		long budget = (request.entries() != null) ? request.entries() : Long.MAX_VALUE;
		long entries = 0;
		int filled = 0;
		Copier copier = new Copier();
		try {
			copier.execute("create temp table if not exists demo_evidence_stage (cycle_id bigint, commitment_id bigint, "
					+ "stakeholder_id bigint, position smallint, title text, url text) on commit drop");
			copier.execute("truncate demo_evidence_stage");
			copier.execute("create temp table if not exists demo_revision_stage (cycle_id bigint, commitment_id bigint, "
					+ "stakeholder_id bigint, revision integer, action text, actor text, occurred_at timestamptz, "
					+ "entry_version bigint, status text, workflow_state text, narrative text, review_comment text, "
					+ "entered_by_secretariat boolean, published_status text, evidence jsonb) on commit drop");
			copier.execute("truncate demo_revision_stage");
			for (DemoCycle cycle : all) {
				if (entries >= budget) {
					break;
				}
				CopyText entryRows = new CopyText();
				CopyText evidenceRows = new CopyText();
				CopyText revisionRows = new CopyText();
				for (DemoPair pair : pairs(cycle)) {
					DemoEntry entry = factory.entry(cycle, pair);
					if (entry == null) {
						continue;
					}
					DemoEntry.History history = entry.history();
					writeEntry(entryRows, entry, history);
					writeEvidence(evidenceRows, entry);
					writeRevisions(revisionRows, entry, history);
					if (entries + entryRows.rows() >= budget) {
						break;
					}
				}
				copier.copy("copy progress_entry (" + ENTRY_COLUMNS + ") from stdin", entryRows);
				copier.copy("copy demo_evidence_stage from stdin", evidenceRows);
				copier.copy("copy demo_revision_stage from stdin", revisionRows);
				entries += entryRows.rows();
				filled++;
				if (filled % 25 == 0) {
					log.info("Demo data: {} of {} cycles filled, {} entries so far", filled, all.size(), entries);
				}
			}
		}
		finally {
			copier.release();
		}
		// Statistics for every table filled in bulk, as soon as it is filled and before it is read: without them the
		// planner takes a table that just grew by thousands (or a million) of entries for a small one (autovacuum
		// analyses it only later) and reads it whole for each row joined to it: the publication of the closed
		// cycles below took seconds per cycle for a few thousand entries.
		analyze("progress_entry");
		long evidenceLinks = this.jdbc.sql("""
				insert into evidence_link (entry_id, position, title, url)
				select pe.id, st.position, st.title, st.url
				from demo_evidence_stage st
				join progress_entry pe on pe.cycle_id = st.cycle_id and pe.commitment_id = st.commitment_id
				    and pe.stakeholder_id = st.stakeholder_id
				""").update();
		long revisions = this.jdbc.sql("""
				insert into progress_entry_revision (entry_id, revision, action, actor, occurred_at, entry_version,
				    status, workflow_state, narrative, review_comment, entered_by_secretariat, published_status, evidence)
				select pe.id, st.revision, st.action, st.actor, st.occurred_at, st.entry_version, st.status,
				       st.workflow_state, st.narrative, st.review_comment, st.entered_by_secretariat,
				       st.published_status, st.evidence
				from demo_revision_stage st
				join progress_entry pe on pe.cycle_id = st.cycle_id and pe.commitment_id = st.commitment_id
				    and pe.stakeholder_id = st.stakeholder_id
				""").update();
		analyze("evidence_link", "progress_entry_revision");
		// Past cycles the entry budget did not reach: created by the estimate, not needed.
		List<Long> unused = all.subList(filled, all.size()).stream().filter((c) -> !c.open()).map(DemoCycle::id).toList();
		if (!unused.isEmpty()) {
			this.jdbc.sql("delete from reporting_cycle where demo and id in (:ids)").param("ids", unused).update();
		}
		int pastFilled = past.size() - unused.size();
		// Closed cycles are published, as closing one through the portal does, on the day after their deadline.
		this.jdbc.sql("""
				select count(publish_cycle(id, (deadline + 1)::timestamp at time zone 'UTC', ?, null))
				from reporting_cycle where demo and state = 'CLOSED'
				""").param(DemoEntry.SECRETARIAT_USER).query(Long.class).single();
		analyze("applicable_pair", "reporting_cycle", "publication", "published_pair", "endorsement",
				"capacity_assignment");
		Report report = new Report(seed, endorsements, capacities, pastFilled, entries, evidenceLinks, revisions,
				(System.nanoTime() - started) / 1_000_000);
		log.info("Demo data generated (seed {}): {} endorsements, {} capacities, {} past cycles + the current cycle {}, "
				+ "{} entries, {} evidence links, {} revisions, in {} ms", seed, endorsements, capacities, pastFilled,
				current.code(), entries, evidenceLinks, revisions, report.millis());
		return report;
	}

	/** Removes the demonstration data present, then fills it anew, in one transaction. */
	@Transactional
	public Report replace(DemoRequest request) {
		TransactionLock.acquire(this.jdbc, LOCK);
		remove();
		return generate(request);
	}

	/**
	 * Deletes every demonstration row, children first: revisions, evidence links and entries that
	 * are marked demo or belong to a demo cycle, demo cycles, capacities and endorsements.
	 */
	@Transactional
	public Removal remove() {
		TransactionLock.acquire(this.jdbc, LOCK);
		bulkSettings();
		String demoEntries = "(pe.demo or pe.cycle_id in (select id from reporting_cycle where demo))";
		int revisions = this.jdbc.sql("delete from progress_entry_revision r using progress_entry pe "
				+ "where pe.id = r.entry_id and " + demoEntries).update();
		int evidenceLinks = this.jdbc.sql("delete from evidence_link el using progress_entry pe where pe.id = el.entry_id and "
				+ demoEntries).update();
		int entries = this.jdbc.sql("delete from progress_entry pe where " + demoEntries).update();
		int cycleRows = this.jdbc.sql("delete from reporting_cycle where demo").update();
		int capacities = this.jdbc.sql("delete from capacity_assignment where demo").update();
		int endorsements = this.jdbc.sql("delete from endorsement where demo").update();
		Removal removal = new Removal(endorsements, capacities, cycleRows, entries, evidenceLinks, revisions);
		if (!removal.nothing()) {
			this.events.publishEvent(new ContentChanged("demo data"));
		}
		log.info("Demo data removed: {} endorsements, {} capacities, {} cycles, {} entries, {} evidence links, "
				+ "{} revisions", endorsements, capacities, cycleRows, entries, evidenceLinks, revisions);
		return removal;
	}

	private void analyze(String... tables) {
		for (String table : tables) {
			this.jdbc.sql("analyze " + table).update();
		}
	}

	/**
	 * Settings for this transaction only. The planner overestimates the {@code applicable_pair}
	 * view by orders of magnitude, so a PostgreSQL built with JIT compiles each cycle's pairs query
	 * for about 0.6 s to run it in 15 ms: no JIT. The joins of the staging tables with a million
	 * entries hash the entries: with the default 4 MB they spill to disk in batches. The portal's
	 * statement timeout (application.properties) is for requests: a million rows take longer.
	 */
	private void bulkSettings() {
		this.jdbc.sql("set local statement_timeout = 0").update();
		this.jdbc.sql("set local jit = off").update();
		this.jdbc.sql("set local work_mem = '128MB'").update();
	}

	// Reference rows -----------------------------------------------------------------------------

	private record StateRow(long id, String code) {
	}

	/** About four in five Member States without any endorsement record get a demo one; a few withdrew. */
	private int endorseMostStates(long seed) {
		List<StateRow> states = this.jdbc.sql("""
				select s.id, s.code from stakeholder s
				where s.kind = 'MEMBER_STATE' and not exists (select 1 from endorsement e where e.stakeholder_id = s.id)
				order by s.code collate "C"
				""").query(Rows.of(StateRow.class)).list();
		List<Period> rows = new ArrayList<>();
		for (StateRow state : states) {
			SplittableRandom random = DemoRandom.of(seed, "endorsement", state.code());
			if (random.nextDouble() >= 0.8) {
				continue;
			}
			LocalDate endorsedOn = (random.nextDouble() < 0.55) ? HIGH_LEVEL_MEETING
					: LocalDate.of(2018, 8, 17).plusDays(random.nextInt(500));
			LocalDate withdrawnOn = (random.nextDouble() < 0.015) ? LocalDate.of(2022, 1, 1).plusDays(random.nextInt(900)) : null;
			rows.add(new Period(state.id(), null, endorsedOn, withdrawnOn));
		}
		// One statement: the endorsement triggers re-derive the applicable pairs once for all these states, not
		// once per state (which took most of a small data set's time).
		this.jdbc.sql("""
				insert into endorsement (stakeholder_id, endorsed_on, source, note, withdrawn_on, withdrawal_reason, demo)
				select r."stakeholderId", r."startsOn", :source, 'Illustrative endorsement, not a real record', r."endsOn",
				       case when r."endsOn" is not null then 'Illustrative withdrawal (demonstration data)' end, true
				from jsonb_to_recordset(cast(:rows as jsonb)) as r("stakeholderId" bigint, "startsOn" date, "endsOn" date)
				""").param("source", "Demonstration data (seed " + seed + ")").param("rows", this.json.writeValueAsString(rows))
			.update();
		return rows.size();
	}

	/** Troop/police contributors (about 60% of states) and host states (about 7%), where none is recorded. */
	private int assignCapacities(long seed) {
		List<StateRow> states = this.jdbc.sql("select id, code from stakeholder where kind = 'MEMBER_STATE' order by code collate \"C\"")
			.query(Rows.of(StateRow.class))
			.list();
		Set<String> existing = new HashSet<>(this.jdbc.sql(
				"select stakeholder_id || ':' || capacity from capacity_assignment where not demo")
			.query(String.class)
			.list());
		List<Period> rows = new ArrayList<>();
		for (StateRow state : states) {
			assignCapacity(seed, state, "TPCC", 0.60, LocalDate.of(2000, 1, 1), 7300, 0.12, existing, rows);
			assignCapacity(seed, state, "HOST_STATE", 0.07, LocalDate.of(1999, 1, 1), 7000, 0.15, existing, rows);
		}
		// One statement, as for the endorsements: the applicable pairs are re-derived once.
		this.jdbc.sql("""
				insert into capacity_assignment (stakeholder_id, capacity, starts_on, ends_on, note, demo)
				select r."stakeholderId", r.capacity, r."startsOn", r."endsOn", 'Demonstration data', true
				from jsonb_to_recordset(cast(:rows as jsonb))
				     as r("stakeholderId" bigint, capacity text, "startsOn" date, "endsOn" date)
				""").param("rows", this.json.writeValueAsString(rows)).update();
		return rows.size();
	}

	private static void assignCapacity(long seed, StateRow state, String capacity, double share, LocalDate earliest,
			int spreadDays, double endedShare, Set<String> existing, List<Period> rows) {
		SplittableRandom random = DemoRandom.of(seed, "capacity", capacity, state.code());
		if (random.nextDouble() >= share || existing.contains(state.id() + ":" + capacity)) {
			return;
		}
		LocalDate starts = earliest.plusDays(random.nextInt(spreadDays));
		LocalDate ends = (random.nextDouble() < endedShare) ? starts.plusYears(2 + random.nextInt(7)) : null;
		rows.add(new Period(state.id(), capacity, starts, ends));
	}

	/**
	 * An endorsement or a capacity of a state, from a day until another (or none), as one element of the JSON array
	 * that {@code jsonb_to_recordset} turns into rows (the capacity is {@code null} for an endorsement).
	 */
	private record Period(long stakeholderId, @Nullable String capacity, LocalDate startsOn, @Nullable LocalDate endsOn) {
	}

	private Map<String, String[]> titles() {
		Map<String, String[]> titles = new HashMap<>();
		this.jdbc.sql("""
				select c.code, t.lang, t.title from commitment c
				join commitment_text t on t.commitment_id = c.id
				join catalogue_version v on v.id = t.catalogue_version_id and v.is_current
				where t.lang in ('en', 'zh')""").query((rs) -> {
			String[] pair = titles.computeIfAbsent(rs.getString("code"), (k) -> new String[2]);
			pair["en".equals(rs.getString("lang")) ? 0 : 1] = rs.getString("title");
		});
		titles.values().forEach((pair) -> {
			pair[0] = (pair[0] != null) ? pair[0] : pair[1];
			pair[1] = (pair[1] != null) ? pair[1] : pair[0];
		});
		return titles;
	}

	// Cycles ---------------------------------------------------------------------------------------

	/** The open cycle pages show; where none is open, a demo one for this year. */
	private DemoCycle currentCycle(LocalDate today) {
		CycleView open = this.cycles.current().filter(CycleView::open).orElse(null);
		if (open != null) {
			return new DemoCycle(open.id(), open.code(), open.periodStart(), open.periodEnd(), open.opensOn(),
					open.deadline(), true);
		}
		LocalDate start = today.withDayOfYear(1);
		LocalDate end = today.withDayOfYear(today.lengthOfYear());
		return insertCycle("DEMO-" + today.getYear(), start, end, "OPEN");
	}

	/** Enough past cycles for the requested number of entries, with a margin; the unused ones are dropped. */
	private int pastCyclesFor(long entries, DemoCycle current) {
		long pairs = this.jdbc.sql("select count(*) from applicable_pair where cycle_id = ?")
			.param(current.id())
			.query(Long.class)
			.single();
		double inCurrent = 0.45 * pairs;
		double perPast = Math.max(1, 0.75 * pairs);
		int needed = (int) Math.ceil(Math.max(0, entries - inCurrent) * 1.15 / perPast) + 1;
		return Math.min(needed, maxPastCycles(current));
	}

	private static int maxPastCycles(DemoCycle current) {
		return (int) Math.min(DemoRequest.MAX_CYCLES,
				Math.max(0, ChronoUnit.DAYS.between(DemoEntryFactory.PAST_STARTS, current.periodStart())));
	}

	/**
	 * Closed cycles before the current one, newest first: calendar years where that many fit since
	 * 2019, else 2019 up to the current cycle cut into equal periods.
	 */
	private List<DemoCycle> createPastCycles(DemoCycle current, int count) {
		List<DemoCycle> past = new ArrayList<>(count);
		if (count == 0) {
			return past;
		}
		LocalDate end = current.periodStart().minusDays(1);
		if (!end.minusYears(count).plusDays(1).isBefore(DemoEntryFactory.PAST_STARTS)) {
			for (int k = 0; k < count; k++) {
				LocalDate periodEnd = end.minusYears(k);
				LocalDate periodStart = periodEnd.minusYears(1).plusDays(1);
				past.add(insertCycle(code(periodStart, periodEnd), periodStart, periodEnd, "CLOSED"));
			}
			return past;
		}
		long days = ChronoUnit.DAYS.between(DemoEntryFactory.PAST_STARTS, end) + 1;
		if (count > days) {
			throw new IllegalArgumentException("At most " + days + " past demo cycles fit between "
					+ DemoEntryFactory.PAST_STARTS + " and " + end + "; asked for " + count);
		}
		for (int k = count - 1; k >= 0; k--) {
			LocalDate periodStart = DemoEntryFactory.PAST_STARTS.plusDays(k * days / count);
			LocalDate periodEnd = DemoEntryFactory.PAST_STARTS.plusDays((k + 1) * days / count - 1);
			past.add(insertCycle(code(periodStart, periodEnd), periodStart, periodEnd, "CLOSED"));
		}
		return past;
	}

	private static String code(LocalDate start, LocalDate end) {
		boolean calendarYear = start.getDayOfYear() == 1 && end.equals(start.withDayOfYear(start.lengthOfYear()));
		return "DEMO-" + (calendarYear ? String.valueOf(start.getYear()) : start.toString());
	}

	private DemoCycle insertCycle(String code, LocalDate start, LocalDate end, String state) {
		long id = this.jdbc.sql("""
				insert into reporting_cycle (code, period_start, period_end, opens_on, deadline, state, demo)
				values (?, ?, ?, ?, ?, ?, true) returning id""")
			.params(code, Date.valueOf(start), Date.valueOf(end), Date.valueOf(start), Date.valueOf(end), state)
			.query(Long.class)
			.single();
		return new DemoCycle(id, code, start, end, start, end, "OPEN".equals(state));
	}

	// Entries --------------------------------------------------------------------------------------

	/** The applicable pairs of a cycle that have no entry yet, in a stable order. */
	private List<DemoPair> pairs(DemoCycle cycle) {
		return this.jdbc.sql("""
				select c.id as commitment_id, c.code as commitment_code, s.id as stakeholder_id,
				       s.code as stakeholder_code, s.kind as stakeholder_kind, s.name_en as stakeholder_name
				from applicable_pair ap
				join commitment c on c.id = ap.commitment_id
				join stakeholder s on s.id = ap.stakeholder_id
				where ap.cycle_id = ?
				  and not exists (select 1 from progress_entry pe where pe.cycle_id = ap.cycle_id
				      and pe.commitment_id = ap.commitment_id and pe.stakeholder_id = ap.stakeholder_id)
				order by c.code collate "C", s.code collate "C"
				""").param(cycle.id()).query(Rows.of(DemoPair.class)).list();
	}

	/** The entry as its last revision left it. */
	private static void writeEntry(CopyText rows, DemoEntry entry, DemoEntry.History history) {
		Revision last = history.last();
		rows.value(entry.pair().commitmentId())
			.value(entry.pair().stakeholderId())
			.value(entry.cycle().id())
			.value(last.status().name())
			.value(last.workflow().name())
			.value(last.narrative())
			.value(last.reviewComment())
			.value(last.enteredBySecretariat() ? "t" : "f")
			.value((last.publishedStatus() != null) ? last.publishedStatus().name() : null)
			.value(history.publishedAt())
			.value(history.createdAt())
			.value(history.updatedAt())
			.value(history.submittedAt())
			.value(history.createdBy())
			.value(history.updatedBy())
			.value(history.reviewedBy())
			.value(history.reviewedAt())
			.value(history.version())
			.value("t")
			.endRow();
	}

	private static void writeRevisions(CopyText rows, DemoEntry entry, DemoEntry.History history) {
		for (Revision revision : history.revisions()) {
			rows.value(entry.cycle().id())
				.value(entry.pair().commitmentId())
				.value(entry.pair().stakeholderId())
				.value(revision.number())
				.value(revision.action().name())
				.value(revision.actor())
				.value(revision.at())
				.value(revision.version())
				.value(revision.status().name())
				.value(revision.workflow().name())
				.value(revision.narrative())
				.value(revision.reviewComment())
				.value(revision.enteredBySecretariat() ? "t" : "f")
				.value((revision.publishedStatus() != null) ? revision.publishedStatus().name() : null)
				.value(json(revision.evidence()))
				.endRow();
		}
	}

	/** Evidence links as EntryHistory stores them: {@code [{"title": …, "url": …}, …]}. */
	static String json(List<Evidence> links) {
		if (links.isEmpty()) {
			return "[]";
		}
		StringBuilder json = new StringBuilder(links.size() * 160).append('[');
		for (Evidence link : links) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append("{\"title\":");
			jsonString(json, link.title());
			json.append(",\"url\":");
			jsonString(json, link.url());
			json.append('}');
		}
		return json.append(']').toString();
	}

	private static void jsonString(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	private static void writeEvidence(CopyText rows, DemoEntry entry) {
		List<Evidence> links = entry.evidence();
		for (int i = 0; i < links.size(); i++) {
			rows.value(entry.cycle().id())
				.value(entry.pair().commitmentId())
				.value(entry.pair().stakeholderId())
				.value(i)
				.value(links.get(i).title())
				.value(links.get(i).url())
				.endRow();
		}
	}

	/** COPY through the transaction's own connection. */
	private final class Copier {

		private final Connection connection;

		Copier() {
			this.connection = DataSourceUtils.getConnection(DemoDataGenerator.this.dataSource);
		}

		void execute(String sql) {
			try (var statement = connection().createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Demo data: " + sql + " failed", ex);
			}
		}

		void copy(String sql, CopyText rows) {
			if (rows.isEmpty()) {
				return;
			}
			try {
				connection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
			}
			catch (SQLException | IOException ex) {
				throw new IllegalStateException("Demo data: " + sql + " failed", ex);
			}
		}

		private Connection connection() {
			return this.connection;
		}

		void release() {
			DataSourceUtils.releaseConnection(this.connection, DemoDataGenerator.this.dataSource);
		}

	}

}
