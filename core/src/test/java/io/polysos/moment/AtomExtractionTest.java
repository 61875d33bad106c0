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
}
