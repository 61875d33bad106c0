package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RankStrategyTest {

    @Test
    void relativeToleranceCountsEigenvaluesAboveTheCut() {
        double[] ev = {10, 3, 1e-2, 1e-6, -1e-9};
        assertThat(RankStrategy.relative(1e-4).rank(ev)).isEqualTo(3);
        assertThat(RankStrategy.relative(1e-2).rank(ev)).isEqualTo(2);
    }

    @Test
    void largestGapFindsTheDropOrReportsFullRank() {
        assertThat(RankStrategy.largestGap(1e3).rank(new double[] {5, 4, 1e-7, 1e-8})).isEqualTo(2);
        assertThat(RankStrategy.largestGap(1e3).rank(new double[] {5, 4, 3, 2})).isEqualTo(4);
    }

    @Test
    void decisionKeepsTheSpectrumOfTheMatrix() {
        double[][] m = {{1, 1}, {1, 1}};
        RankDecision d = RankDecision.of(1, m, RankStrategy.defaultStrategy());
        assertThat(d.rank()).isEqualTo(1);
        assertThat(d.gapRank()).isEqualTo(1);
        assertThat(d.spectrum()[0]).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
    }
}
