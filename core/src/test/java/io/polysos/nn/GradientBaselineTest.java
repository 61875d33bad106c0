package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientBaselineTest {

    private static final NetworkInstance EXACT = TestData.network("exact-quadquad-N30-m8.json");

    @Test
    void sameSeedGivesTheSameRuns() {
        List<GradientBaseline.Run> a = GradientBaseline.run(EXACT.network(), EXACT.train(), Loss.PAPER, 3, 7, 0.0);
        List<GradientBaseline.Run> b = GradientBaseline.run(EXACT.network(), EXACT.train(), Loss.PAPER, 3, 7, 0.0);
        for (int r = 0; r < 3; r++) {
            assertThat(a.get(r).start()).containsExactly(b.get(r).start());
            assertThat(a.get(r).coefficients()).containsExactly(b.get(r).coefficients());
            assertThat(a.get(r).loss()).isEqualTo(b.get(r).loss());
        }
    }

    @Test
    void reportsTheTrueLossAtEachEndPointAndWhetherItReachedTheOptimum() {
        List<GradientBaseline.Run> runs = GradientBaseline.run(EXACT.network(), EXACT.train(), Loss.PAPER, 4, 3, 0.0);
        assertThat(runs).hasSize(4);
        for (GradientBaseline.Run r : runs) {
            assertThat(r.loss()).isEqualTo(Loss.PAPER.evaluate(EXACT.network(), EXACT.train(), r.coefficients()));
            assertThat(r.reachedOptimum()).isEqualTo(r.loss() <= GradientBaseline.DEFAULT_OPTIMUM_TOLERANCE);
            assertThat(r.loss()).isLessThanOrEqualTo(Loss.PAPER.evaluate(EXACT.network(), EXACT.train(), r.start()));
        }
        double rate = GradientBaseline.successRate(runs);
        assertThat(rate).isEqualTo(runs.stream().filter(GradientBaseline.Run::reachedOptimum).count() / 4.0);
    }

    @Test
    void startingAtTheTruthOfAnExactInstanceReachesTheOptimum() {
        double[] c = EXACT.truth().coefficients();
        double[] end = LocalSearch.lbfgs(GradientBaseline.smooth(EXACT.network(), EXACT.train(), Loss.PAPER), c,
                GradientBaseline.DEFAULT_MAX_ITERATIONS);
        assertThat(Loss.PAPER.evaluate(EXACT.network(), EXACT.train(), end)).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void smoothObjectiveGradientMatchesCentralDifferences() {
        Random rnd = new Random(11);
        for (Loss loss : List.of(Loss.PAPER, Loss.LSQ)) {
            LocalSearch.Smooth f = GradientBaseline.smooth(EXACT.network(), EXACT.train(), loss);
            double[] c = new double[EXACT.network().numLearned()];
            for (int k = 0; k < c.length; k++) {
                c[k] = 2 * rnd.nextDouble() - 1;
            }
            double[] g = new double[c.length];
            f.valueAndGradient(c, g);
            double h = 1e-6;
            for (int k = 0; k < c.length; k++) {
                double[] p = c.clone();
                double[] m = c.clone();
                p[k] += h;
                m[k] -= h;
                double fd = (f.valueAndGradient(p, new double[c.length]) - f.valueAndGradient(m, new double[c.length])) / (2 * h);
                assertThat(g[k]).as("%s, coefficient %d", loss, k).isCloseTo(fd, org.assertj.core.api.Assertions.within(1e-5 * (1 + Math.abs(fd))));
            }
        }
    }

    @Test
    void rejectsZeroRuns() {
        assertThatThrownBy(() -> GradientBaseline.run(EXACT.network(), EXACT.train(), Loss.PAPER, 0, 1, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs");
    }
}
