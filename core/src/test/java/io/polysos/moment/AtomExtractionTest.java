package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.polysos.poly.MonomialBasis;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtomExtractionTest {

    /** Moments of a weighted sum of Dirac measures. */
    static double[] moments(MonomialBasis b, double[][] atoms, double[] weights) {
        double[] w = new double[b.size()];
        for (int r = 0; r < b.size(); r++) {
            for (int j = 0; j < atoms.length; j++) {
                w[r] += weights[j] * b.evaluate(r, atoms[j]);
            }
        }
        return w;
    }

    @Test
    void recoversThreeAtomsFromExactMoments() {
        MonomialBasis b = new MonomialBasis(2, 6);
        double[][] atoms = {{1, -1}, {0.5, 2}, {-1.5, 0.25}};
        double[] w = moments(b, atoms, new double[] {0.2, 0.5, 0.3});
        AtomExtraction.Result r = AtomExtraction.extract(b, w, 3, 3, AtomExtraction.DEFAULT_PIVOT_TOLERANCE, 1);
        assertThat(r.points()).hasSize(3);
        for (double[] a : atoms) {
            double best = r.points().stream().mapToDouble(p -> Math.hypot(p[0] - a[0], p[1] - a[1])).min().orElseThrow();
            assertThat(best).isCloseTo(0, within(1e-8));
        }
    }

    @Test
    void noAtomsIsAResultWithAReason() {
        MonomialBasis b = new MonomialBasis(2, 2);
        double[] w = new double[b.size()];
        w[0] = 1;
        AtomExtraction.Result r = AtomExtraction.extract(b, w, 1, 0, AtomExtraction.DEFAULT_PIVOT_TOLERANCE, 1);
        assertThat(r.found()).isFalse();
        assertThat(r.message()).isNotEmpty();
        assertThat(r.points()).isEqualTo(List.of());
    }

    @Test
    void toleratesMomentsPerturbedAtTheSdpAccuracy() {
        MonomialBasis b = new MonomialBasis(2, 6);
        double[][] atoms = {{1, -1}, {0.5, 2}, {-1.5, 0.25}};
        double[] w = moments(b, atoms, new double[] {0.2, 0.5, 0.3});
        java.util.Random rnd = new java.util.Random(42);
        for (int r = 1; r < w.length; r++) {
            w[r] += 1e-8 * rnd.nextGaussian();
        }
        RankDecision d = RankDecision.of(3, MomentRelaxation.momentMatrix(b, w, 3), RankStrategy.defaultStrategy());
        assertThat(d.rank()).isEqualTo(3);
        assertThat(d.gapRank()).isEqualTo(3);
        AtomExtraction.Result r = AtomExtraction.extract(b, w, 3, d.rank(), AtomExtraction.DEFAULT_PIVOT_TOLERANCE, 1);
        assertThat(r.points()).hasSize(3);
        for (double[] a : atoms) {
            double best = r.points().stream().mapToDouble(p -> Math.hypot(p[0] - a[0], p[1] - a[1])).min().orElseThrow();
            assertThat(best).isLessThan(1e-5);
        }
    }

    @Test
    void recoversAtomsOfUnequalWeightsInThreeVariables() {
        MonomialBasis b = new MonomialBasis(3, 4);
        double[][] atoms = {{1, 0, -1}, {0, 2, 1}, {-1, -1, 0.5}, {0.3, 0.4, 0.5}};
        double[] w = moments(b, atoms, new double[] {0.05, 0.4, 0.25, 0.3});
        AtomExtraction.Result r = AtomExtraction.extract(b, w, 2, 4, AtomExtraction.DEFAULT_PIVOT_TOLERANCE, 7);
        assertThat(r.points()).as(r.message()).hasSize(4);
        for (double[] a : atoms) {
            double best = r.points().stream().mapToDouble(p -> TestProblems.distance(p, a)).min().orElseThrow();
            assertThat(best).isLessThan(1e-8);
        }
    }

    @Test
    void aRankAboveTheMatrixSizeIsAResultWithAReason() {
        MonomialBasis b = new MonomialBasis(2, 2);
        double[] w = moments(b, new double[][] {{1, 2}}, new double[] {1});
        AtomExtraction.Result r = AtomExtraction.extract(b, w, 1, 4, AtomExtraction.DEFAULT_PIVOT_TOLERANCE, 1);
        assertThat(r.found()).isFalse();
        assertThat(r.message()).contains("exceeds the size 3");
    }
}
