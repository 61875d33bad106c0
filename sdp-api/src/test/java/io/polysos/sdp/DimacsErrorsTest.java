package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class DimacsErrorsTest {

    private static final Offset<Double> TIGHT = within(1e-12);

    /** minimize y s.t. [[y, 1], [1, y]] PSD: F_1 = I, F_0 = [[0, -1], [-1, 0]]; y* = 1. */
    private static SdpProblem tiny() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 2);
        b.objective(0, 1);
        b.entry(1, 0, 0, 0, 1).entry(1, 0, 1, 1, 1).entry(0, 0, 0, 1, -1);
        return b.build();
    }

    private static final double[] Y_STAR = {1};
    private static final double[][] DUAL_STAR = {{0.5, -0.5, -0.5, 0.5}};

    private static void assertMeasures(DimacsErrors d, double... expected) {
        assertThat(d.toArray()).containsExactly(expected, TIGHT);
    }

    @Test
    void vanishesAtAKnownOptimalPair() {
        DimacsErrors d = DimacsErrors.compute(tiny(), Y_STAR, DUAL_STAR);
        assertMeasures(d, 0, 0, 0, 0, 0, 0);
        assertThat(d.max()).isLessThan(1e-12);
    }

    @Test
    void measuresAFeasibleButSuboptimalPrimalPointAsGapAndComplementarity() {
        // S = [[1.1, 1], [1, 1.1]] PSD, pobj = 1.1, dobj = 1, <S, Y> = 0.1
        DimacsErrors d = DimacsErrors.compute(tiny(), new double[] {1.1}, DUAL_STAR);
        assertMeasures(d, 0, 0, 0, 0, 0.1 / 3.1, 0.1 / 3.1);
    }

    @Test
    void measuresAnInfeasiblePrimalPointInErr4() {
        // S = [[0.9, 1], [1, 0.9]] has eigenvalue -0.1; ||F_0||_max = 1
        DimacsErrors d = DimacsErrors.compute(tiny(), new double[] {0.9}, DUAL_STAR);
        assertMeasures(d, 0, 0, 0, 0.1 / 2, -0.1 / 2.9, -0.1 / 2.9);
    }

    @Test
    void measuresADualEqualityResidualInErr1() {
        // <I, Y> = 1.2 against c = 1; ||c||_inf = 1; Y stays PSD (eigenvalues 0.1, 1.1)
        DimacsErrors d = DimacsErrors.compute(tiny(), Y_STAR, new double[][] {{0.6, -0.5, -0.5, 0.6}});
        assertMeasures(d, 0.2 / 2, 0, 0, 0, 0, 0.2 / 3);
    }

    @Test
    void measuresADualConeViolationInErr2() {
        // Y = [[0.5, -0.6], [-0.6, 0.5]]: trace 1, eigenvalue -0.1, dobj = 1.2, <S, Y> = -0.2
        DimacsErrors d = DimacsErrors.compute(tiny(), Y_STAR, new double[][] {{0.5, -0.6, -0.6, 0.5}});
        assertMeasures(d, 0, 0.1 / 2, 0, 0, -0.2 / 3.2, -0.2 / 3.2);
    }

    @Test
    void measuresAnInconsistentExplicitSlackInErr3() {
        double[][] slack = {{1, 1.3, 1.3, 1}};
        DimacsErrors d = DimacsErrors.compute(tiny(), Y_STAR, DUAL_STAR, slack);
        // ||S - S(y)||_F = sqrt(2 * 0.09); the given slack has eigenvalue -0.3; <S, Y> = -0.3
        assertMeasures(d, 0, 0, Math.sqrt(0.18) / 2, 0.3 / 2, 0, -0.3 / 3);
        assertMeasures(DimacsErrors.compute(tiny(), Y_STAR, DUAL_STAR, new double[][] {{1, 1, 1, 1}}), 0, 0, 0, 0, 0, 0);
    }

    @Test
    void rejectsSlackBlocksOfTheWrongShape() {
        assertThatThrownBy(() -> DimacsErrors.compute(tiny(), Y_STAR, DUAL_STAR, new double[][] {{1, 1, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slack block 0 (PSD(2)) must have length 4, got 3");
        assertThatThrownBy(() -> DimacsErrors.compute(tiny(), Y_STAR, DUAL_STAR, new double[2][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected 1 slack blocks, got 2");
    }

    /**
     * minimize y1 + y2 s.t. (y1, y2) NONNEG and y1 - 1 = 0 (ZERO); y* = (1, 0), dual
     * Y = ((0, 1), (1)) with dobj = <F_0, Y> = 1.
     */
    private static SdpProblem linear() {
        SdpProblem.Builder b = SdpProblem.builder(2);
        int nn = b.addBlock(BlockKind.NONNEG, 2);
        int zero = b.addBlock(BlockKind.ZERO, 1);
        b.objective(new double[] {1, 1});
        b.entry(1, nn, 0, 0, 1).entry(2, nn, 1, 1, 1);
        b.entry(1, zero, 0, 0, 1).entry(0, zero, 0, 0, 1);
        return b.build();
    }

    @Test
    void vanishesAtTheOptimumOfAProblemWithNonnegAndZeroBlocks() {
        assertMeasures(DimacsErrors.compute(linear(), new double[] {1, 0}, new double[][] {{0, 1}, {1}}), 0, 0, 0, 0, 0, 0);
    }

    @Test
    void measuresAnEqualityViolationInErr4() {
        DimacsErrors d = DimacsErrors.compute(linear(), new double[] {1.2, 0}, new double[][] {{0, 1}, {1}});
        // |S_ZERO| = 0.2, ||F_0||_max = 1; pobj = 1.2, dobj = 1; <S, Y> = 0.2 (ZERO part)
        assertMeasures(d, 0, 0, 0, 0.2 / 2, 0.2 / 3.2, 0.2 / 3.2);
    }

    @Test
    void measuresANegativeNonnegSlackInErr4() {
        DimacsErrors d = DimacsErrors.compute(linear(), new double[] {1, -0.1}, new double[][] {{0, 1}, {1}});
        assertMeasures(d, 0, 0, 0, 0.1 / 2, -0.1 / 2.9, -0.1 / 2.9);
    }

    @Test
    void treatsTheDualOfAZeroBlockAsFree() {
        // Y_ZERO = -3 is allowed (err2 = 0); a = 4 keeps <F_1, Y> = 1; dobj = -3
        DimacsErrors d = DimacsErrors.compute(linear(), new double[] {1, 0}, new double[][] {{4, 1}, {-3}});
        assertMeasures(d, 0, 0, 0, 0, 4.0 / 5, 4.0 / 5);
    }

    @Test
    void measuresANegativeNonnegDualInErr2() {
        DimacsErrors d = DimacsErrors.compute(linear(), new double[] {1, 0}, new double[][] {{-0.5, 1}, {1.5}});
        // <F_1, Y> = -0.5 + 1.5 = 1, <F_2, Y> = 1; err2 = 0.5 / (1 + 1); dobj = 1.5
        assertMeasures(d, 0, 0.25, 0, 0, -0.5 / 3.5, -0.5 / 3.5);
    }

    @Test
    void computesEigenvaluesInAscendingOrder() {
        assertThat(DimacsErrors.eigenvalues(new double[] {2, 1, 1, 2}, 2)).containsExactly(new double[] {1, 3}, TIGHT);
        assertThat(DimacsErrors.minEigenvalue(new double[] {4, 0, 0, 0, -1, 0, 0, 0, 2}, 3)).isCloseTo(-1, TIGHT);
        double[] a = {2, 1, 1, 2};
        DimacsErrors.eigenvalues(a, 2);
        assertThat(a).containsExactly(2, 1, 1, 2);
    }

    @Test
    void summarizesByTheLargestAbsoluteValue() {
        DimacsErrors d = new DimacsErrors(1e-9, 0, 0, -3e-7, 2e-8, 0);
        assertThat(d.max()).isEqualTo(3e-7);
        assertThat(d.toArray()).containsExactly(1e-9, 0, 0, -3e-7, 2e-8, 0);
        assertThat(DimacsErrors.unavailable().toArray()).containsOnly(Double.NaN);
    }
}
