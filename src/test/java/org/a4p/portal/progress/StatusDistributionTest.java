package org.a4p.portal.progress;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusDistributionTest {

	@Test
	void notApplicableLeavesTheDenominatorAndNoEvidenceStaysExplicit() {
		StatusDistribution d = StatusDistribution.builder()
			.add(Status.COMPLETE, 1, 1)
			.add(Status.SUBSTANTIAL, 2, 2)
			.add(Status.NOT_APPLICABLE, 2, 2)
			.add(Status.NO_EVIDENCE, 5, 1)
			.build();
		assertThat(d.applicable()).isEqualTo(10);
		assertThat(d.denominator()).isEqualTo(8);
		assertThat(d.percent(Status.NO_EVIDENCE)).isEqualByComparingTo("62.5");
		assertThat(d.substantialOrCompletePercent()).isEqualByComparingTo("37.5");
		assertThat(d.compliancePercent()).isEqualByComparingTo("60.0");
		assertThat(d.count(Status.LIMITED)).isZero();
	}

	@Test
	void segmentsCoverTheBarInScaleOrderWithoutEmptyOnes() {
		StatusDistribution d = StatusDistribution.builder()
			.add(Status.NO_EVIDENCE, 3, 0)
			.add(Status.COMPLETE, 1, 1)
			.build();
		List<StatusDistribution.Segment> segments = d.segments();
		assertThat(segments).extracting(StatusDistribution.Segment::status)
			.containsExactly(Status.COMPLETE, Status.NO_EVIDENCE);
		assertThat(segments.get(0).width()).isEqualTo(25.0);
		assertThat(segments.get(1).x()).isEqualTo(25.0);
		assertThat(segments.get(1).width()).isEqualTo(75.0);
	}

	@Test
	void anEmptyScopeHasZeroPercentAndNoSegments() {
		assertThat(StatusDistribution.EMPTY.percent(Status.COMPLETE)).isEqualTo(new BigDecimal("0.0"));
		assertThat(StatusDistribution.EMPTY.segments()).isEmpty();
	}

	@Test
	void sumAddsDisjointScopes() {
		StatusDistribution a = StatusDistribution.builder().add(Status.LIMITED, 2, 2).build();
		StatusDistribution b = StatusDistribution.builder().add(Status.LIMITED, 1, 0).add(Status.NO_EVIDENCE, 4, 0).build();
		StatusDistribution sum = StatusDistribution.sum(List.of(a, b));
		assertThat(sum.count(Status.LIMITED)).isEqualTo(3);
		assertThat(sum.applicable()).isEqualTo(7);
		assertThat(sum.reported()).isEqualTo(2);
	}

}
