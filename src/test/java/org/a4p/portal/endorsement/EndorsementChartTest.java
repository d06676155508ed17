package org.a4p.portal.endorsement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.a4p.portal.endorsement.EndorsementQueries.MonthCount;
import org.a4p.portal.endorsement.EndorsementQueries.PublishedCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart's geometry: scales, ticks, the step line and the markers, left to right and right to left. */
class EndorsementChartTest {

	private static List<MonthCount> months(int... memberStates) {
		List<MonthCount> months = new ArrayList<>();
		LocalDate month = LocalDate.of(2018, 8, 1);
		for (int n : memberStates) {
			months.add(new MonthCount(month, n, 4));
			month = month.plusMonths(1);
		}
		return months;
	}

	private static double[] xs(String points) {
		String[] pairs = points.split(" ");
		double[] xs = new double[pairs.length];
		for (int i = 0; i < pairs.length; i++) {
			xs[i] = Double.parseDouble(pairs[i].split(",")[0]);
		}
		return xs;
	}

	@Test
	void theCountAxisEndsOnARoundNumberAboveEveryValue() {
		assertThat(EndorsementChart.niceStep(3)).isEqualTo(1);
		assertThat(EndorsementChart.niceStep(10)).isEqualTo(2);
		assertThat(EndorsementChart.niceStep(155)).isEqualTo(50);
		assertThat(EndorsementChart.niceStep(193)).isEqualTo(50);
		EndorsementChart chart = EndorsementChart.of(months(1, 3, 3, 3),
				List.of(new PublishedCount(LocalDate.of(2018, 9, 25), 146, 4, null)), false);
		assertThat(chart.yTicks().stream().map(EndorsementChart.Tick::label)).containsExactly("0", "50", "100", "150");
		// no January in the four months: the first month is named
		assertThat(chart.xTicks().stream().map(EndorsementChart.Tick::label)).containsExactly("2018-08");
	}

	@Test
	void timeRunsFromTheInlineStartAndTheUnCountSitsOnItsDay() {
		List<MonthCount> months = months(1, 3, 3, 3, 3, 3);
		PublishedCount count = new PublishedCount(LocalDate.of(2018, 9, 25), 146, 4, null);
		EndorsementChart ltr = EndorsementChart.of(months, List.of(count), false);
		EndorsementChart rtl = EndorsementChart.of(months, List.of(count), true);
		double[] left = xs(ltr.recorded());
		double[] right = xs(rtl.recorded());
		assertThat(left[0]).isLessThan(left[left.length - 1]);
		assertThat(right[0]).isGreaterThan(right[right.length - 1]);
		for (int i = 0; i < left.length; i++) {
			assertThat(right[i]).isCloseTo(ltr.width() - left[i], org.assertj.core.data.Offset.offset(0.11));
		}
		// the step line: two points a month, same height within the month
		assertThat(left).hasSize(12);
		// the marker: in September (month 1 of 6), near its end
		double markerX = xs(ltr.published().get(0).points())[0];
		assertThat(markerX).isBetween(left[2] + (left[3] - left[2]) * 0.7, left[3]);
		// the axis labels move to the other side, anchored to stay readable
		assertThat(ltr.yTicks().get(0).anchor()).isEqualTo("end");
		assertThat(rtl.yTicks().get(0).anchor()).isEqualTo("start");
		assertThat(rtl.yTicks().get(0).x()).isGreaterThan(rtl.axis().countX());
	}

	@Test
	void theTableHasTheMonthsWhereSomethingChangedAndTheUnCounts() {
		EndorsementChart chart = EndorsementChart.of(months(1, 3, 3, 3, 5, 5),
				List.of(new PublishedCount(LocalDate.of(2018, 10, 2), 146, 4, null),
						new PublishedCount(null, 155, 4, "undated")),
				false);
		assertThat(chart.rows().stream().map((r) -> r.month() + ":" + r.memberStates() + ":" + r.published()))
			.containsExactly("2018-08:1:null", "2018-09:3:null", "2018-10:3:146", "2018-12:5:null", "2019-01:5:null");
		assertThat(chart.published()).hasSize(1);
		assertThat(EndorsementChart.narrow(months(1, 3), List.of(), false).width()).isEqualTo(EndorsementChart.NARROW_WIDTH);
	}

}
