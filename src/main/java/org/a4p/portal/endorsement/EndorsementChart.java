package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.a4p.portal.endorsement.EndorsementQueries.MonthCount;
import org.a4p.portal.endorsement.EndorsementQueries.PublishedCount;
import org.jspecify.annotations.Nullable;

/**
 * The chart of endorsements over time, drawn as inline SVG by the endorsements page (no script): the Member
 * States whose endorsement recorded in the portal was in force at the end of each month, as a step line, and the
 * Member-State counts the UN has published (those with a date) as diamonds. Every coordinate is computed here, in
 * units of the SVG's view box ({@value #WIDTH} × {@value #HEIGHT} for wide screens, {@value #NARROW_WIDTH} ×
 * {@value #NARROW_HEIGHT} for phones, where the page shows the other one); in a right-to-left language time runs from
 * right to left (the axis of counts on the right), and the labels are placed, not mirrored, so they stay readable.
 * The same numbers are in a table beside it ({@link #rows}).
 *
 * @param yTicks the counts marked on the vertical axis, with their grid lines
 * @param xTicks the years marked on the time axis
 * @param recorded the points of the step line of the recorded Member States ({@code <polyline points>})
 * @param published the UN's dated counts
 * @param rows the months where a recorded count changed or the UN published a count, with the first and last month
 */
record EndorsementChart(int width, int height, boolean rtl, Axis axis, List<Tick> yTicks, List<Tick> xTicks,
		String recorded, List<Marker> published, YearMonth firstMonth, YearMonth lastMonth, long recordedNow,
		List<Row> rows) {

	/** The chart for wide screens. */
	static final int WIDTH = 720;

	static final int HEIGHT = 300;

	/** The chart for narrow screens (phones): fewer units, so that its labels stay as large as the page's text. */
	static final int NARROW_WIDTH = 360;

	static final int NARROW_HEIGHT = 260;

	private static final int MARGIN_AXIS = 44;

	private static final int MARGIN_END = 14;

	private static final int MARGIN_TOP = 12;

	private static final int MARGIN_BOTTOM = 30;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

	/** The plot's frame: the time axis from (x1, y) to (x2, y), the count axis at x from y1 to y2. */
	record Axis(double x1, double x2, double y, double countX, double y1, double y2) {
	}

	/**
	 * A mark on an axis: where its label goes ({@code x}, {@code y}, {@code anchor} of an SVG text) and, for the
	 * counts, the grid line from {@code lineX1} to {@code lineX2} at height {@code lineY}.
	 */
	record Tick(String label, double x, double y, String anchor, double lineX1, double lineX2, double lineY) {
	}

	/** A count the UN published: a diamond ({@code <polygon points>}) and its description. */
	record Marker(String points, LocalDate asOf, int memberStates) {
	}

	/**
	 * A row of the table: a month, the endorsements in force recorded in the portal at its end (or today), and the
	 * UN's count published that month, if any.
	 */
	record Row(String month, long memberStates, long organizations, @Nullable Integer published,
			@Nullable LocalDate publishedAsOf) {
	}

	/** @param months every month from the first to the current one, oldest first (not empty) */
	static EndorsementChart of(List<MonthCount> months, List<PublishedCount> counts, boolean rtl) {
		return of(months, counts, rtl, WIDTH, HEIGHT);
	}

	static EndorsementChart narrow(List<MonthCount> months, List<PublishedCount> counts, boolean rtl) {
		return of(months, counts, rtl, NARROW_WIDTH, NARROW_HEIGHT);
	}

	private static EndorsementChart of(List<MonthCount> months, List<PublishedCount> counts, boolean rtl, int width,
			int height) {
		YearMonth first = YearMonth.from(months.get(0).month());
		YearMonth last = YearMonth.from(months.get(months.size() - 1).month());
		long max = 10;
		for (MonthCount m : months) {
			max = Math.max(max, m.memberStates());
		}
		List<PublishedCount> dated = counts.stream()
			.filter((c) -> c.asOf() != null && !YearMonth.from(c.asOf()).isBefore(first)
					&& !YearMonth.from(c.asOf()).isAfter(last))
			.toList();
		for (PublishedCount c : dated) {
			max = Math.max(max, c.memberStates());
		}
		long step = niceStep(max);
		long top = ((max + step - 1) / step) * step;

		Frame frame = new Frame(months.size(), top, rtl, width, height);
		List<Tick> yTicks = new ArrayList<>();
		for (long v = 0; v <= top; v += step) {
			double y = frame.y(v);
			double labelX = rtl ? width - MARGIN_AXIS + 6 : MARGIN_AXIS - 6;
			yTicks.add(new Tick(Long.toString(v), labelX, y + 4, rtl ? "start" : "end", frame.x(0), frame.x(months.size()), y));
		}
		List<Tick> xTicks = new ArrayList<>();
		// every January (every second one over more than ten years); the first month when no January is shown
		int years = last.getYear() - first.getYear();
		int every = (width < WIDTH) ? ((years > 12) ? 4 : (years > 5) ? 2 : 1) : ((years > 12) ? 2 : 1);
		for (int i = 0; i < months.size(); i++) {
			YearMonth month = first.plusMonths(i);
			if (month.getMonthValue() == 1 && month.getYear() % every == 0) {
				xTicks.add(xTick(Integer.toString(month.getYear()), frame.x(i), height));
			}
		}
		if (xTicks.isEmpty()) {
			xTicks.add(xTick(MONTH.format(first), frame.x(0), height));
		}
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < months.size(); i++) {
			double y = frame.y(months.get(i).memberStates());
			line.append(fmt(frame.x(i))).append(',').append(fmt(y)).append(' ');
			line.append(fmt(frame.x(i + 1))).append(',').append(fmt(y)).append(' ');
		}
		List<Marker> markers = new ArrayList<>();
		for (PublishedCount c : dated) {
			LocalDate asOf = c.asOf();
			YearMonth month = YearMonth.from(asOf);
			double position = (first.until(month, java.time.temporal.ChronoUnit.MONTHS))
					+ (asOf.getDayOfMonth() - 0.5) / month.lengthOfMonth();
			double x = frame.x(position);
			double y = frame.y(c.memberStates());
			double r = 6;
			markers.add(new Marker(fmt(x) + "," + fmt(y - r) + " " + fmt(x + r) + "," + fmt(y) + " " + fmt(x) + ","
					+ fmt(y + r) + " " + fmt(x - r) + "," + fmt(y), asOf, c.memberStates()));
		}
		Axis axis = new Axis(frame.x(0), frame.x(months.size()), frame.y(0), frame.x(0), frame.y(top), frame.y(0));
		return new EndorsementChart(width, height, rtl, axis, yTicks, xTicks, line.toString().strip(), markers, first,
				last, months.get(months.size() - 1).memberStates(), rows(months, dated));
	}

	private static Tick xTick(String label, double x, int height) {
		return new Tick(label, x, height - MARGIN_BOTTOM + 18, "middle", x, x, height - MARGIN_BOTTOM);
	}

	/** The months where something changed (and the first and the last), with the UN's counts of that month. */
	private static List<Row> rows(List<MonthCount> months, List<PublishedCount> dated) {
		List<Row> rows = new ArrayList<>();
		MonthCount before = null;
		for (int i = 0; i < months.size(); i++) {
			MonthCount m = months.get(i);
			YearMonth month = YearMonth.from(m.month());
			List<PublishedCount> thatMonth = dated.stream().filter((c) -> YearMonth.from(c.asOf()).equals(month)).toList();
			boolean changed = before == null || before.memberStates() != m.memberStates()
					|| before.organizations() != m.organizations();
			if (thatMonth.isEmpty() && (changed || i == months.size() - 1)) {
				rows.add(new Row(MONTH.format(month), m.memberStates(), m.organizations(), null, null));
			}
			for (PublishedCount c : thatMonth) {
				rows.add(new Row(MONTH.format(month), m.memberStates(), m.organizations(), c.memberStates(), c.asOf()));
			}
			before = m;
		}
		return List.copyOf(rows);
	}

	/** A step of 1, 2 or 5 times a power of ten giving at most five intervals up to {@code max}. */
	static long niceStep(long max) {
		long power = 1;
		while (true) {
			for (long m : new long[] { 1, 2, 5 }) {
				long step = m * power;
				if (max <= step * 5) {
					return step;
				}
			}
			power *= 10;
		}
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	/** Maps months and counts to the view box, time running from the inline start. */
	private record Frame(int months, long top, boolean rtl, int width, int height) {

		double x(double month) {
			double plot = this.width - MARGIN_AXIS - MARGIN_END;
			double logical = MARGIN_AXIS + plot * month / this.months;
			return this.rtl ? this.width - logical : logical;
		}

		double y(long value) {
			double plot = this.height - MARGIN_TOP - MARGIN_BOTTOM;
			return this.height - MARGIN_BOTTOM - plot * value / this.top;
		}

	}

}
