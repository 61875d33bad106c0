package io.polysos.sdp.pure;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import org.junit.jupiter.api.Test;

class TerminationTest {

    private static final double TOL = 1e-8;

    private final ProblemData d;
    private final Iterate it;
    private final Residuals res;
    private final Termination t;

    TerminationTest() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        int k = b.addBlock(BlockKind.PSD, 2);
        b.objective(0, 1.0).entry(0, k, 0, 0, 1.0).entry(1, k, 0, 0, 1.0);
        SdpProblem p = b.build();
        d = new ProblemData(p, Kernels.scalar());
        it = new Iterate(d);
        res = new Residuals(d);
        t = new Termination(p, d, it, res, TOL, TOL);
    }

    private void iterate(double gap, double pinf, double dinf) {
        res.gap = gap;
        res.pinf = pinf;
        res.dinf = dinf;
        t.saveBest();
    }

    /** From an infeasible start the gap may grow while the infeasibility falls: not a stall. */
    @Test
    void fallingInfeasibilityIsProgressEvenWhenTheMeritRises() {
        iterate(1.0, 1e-2, 1e-8);
        for (int i = 1; i <= 3 * Termination.STAGNATION_ITERATIONS; i++) {
            iterate(1.0 + i, 1e-2 * Math.pow(0.9, i), 1e-8);   // merit = gap / tol rises, pinf falls 10 %
        }
        assertThat(t.stagnated()).isFalse();
        assertThat(t.bestMerit()).isEqualTo(1.0 / TOL);   // the best iterate is still the first
    }

    @Test
    void neitherMeritNorInfeasibilityImprovingIsAStall() {
        iterate(1.0, 1e-2, 1e-8);
        for (int i = 1; i <= Termination.STAGNATION_ITERATIONS; i++) {
            assertThat(t.stagnated()).isFalse();
            iterate(1.0 + i, 1e-2 * (1 + 0.1 * i), 1e-8);   // gap and infeasibility both grow (gpp-like)
        }
        assertThat(t.stagnated()).isTrue();
    }

    /** Below the tolerance a smaller infeasibility is no reason to go on. */
    @Test
    void infeasibilityBelowTheToleranceDoesNotCount() {
        iterate(1e-6, 1e-9, 1e-9);
        for (int i = 1; i <= Termination.STAGNATION_ITERATIONS; i++) {
            iterate(1e-6 * (1 + i), 1e-9 * Math.pow(0.5, i), 1e-9 * Math.pow(0.5, i));
        }
        assertThat(t.stagnated()).isTrue();
    }
}
