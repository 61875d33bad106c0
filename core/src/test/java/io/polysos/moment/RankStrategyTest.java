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

    @Test
    void separatesANearDegenerateSpectrumAtTheSdpAccuracy() {
        // three true eigenvalues (smallest 1e-3 of the largest) above a 1e-8 noise floor
        double[] ev = {3.2, 1.4, 3.1e-3, 4e-8, 2e-8, -1e-9};
        assertThat(RankStrategy.defaultStrategy().rank(ev)).isEqualTo(3);
        assertThat(RankStrategy.largestGap(RankStrategy.DEFAULT_MIN_GAP_RATIO).rank(ev)).isEqualTo(3);
        // an eigenvalue just below the relative cut is not counted, however far from the noise
        double[] below = {1, 0.5, 0.9e-4, 1e-9};
        assertThat(RankStrategy.defaultStrategy().rank(below)).isEqualTo(2);
        assertThat(RankStrategy.largestGap(RankStrategy.DEFAULT_MIN_GAP_RATIO).rank(below)).isEqualTo(3);
    }

    @Test
    void aNonPositiveSpectrumHasRankZero() {
        assertThat(RankStrategy.defaultStrategy().rank(new double[] {0, -1e-12})).isZero();
        assertThat(RankStrategy.largestGap(10).rank(new double[] {})).isZero();
    }

    @Test
    void rejectsToleranceOutsideTheUnitIntervalAndRatiosNotAboveOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RankStrategy.relative(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RankStrategy.largestGap(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 1");
    }
}
