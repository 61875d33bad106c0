package io.polysos.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdpProblemTest {

    /**
     * m = 2, c = (1, -2); block 0 PSD(2): F_1 = [[1,2],[2,0]], F_2 = [[0,0],[0,3]],
     * F_0 = [[1,0],[0,-1]]; block 1 NONNEG(2): F_1 = (1, 0), F_2 = (0, -1), F_0 = (0, 4);
     * block 2 ZERO(1): F_1 = 1, F_2 = 1, F_0 = 5.
     */
    private static SdpProblem example() {
        SdpProblem.Builder b = SdpProblem.builder(2).name("example");
        int psd = b.addBlock(BlockKind.PSD, 2);
        int nn = b.addBlock(BlockSpec.nonneg(2));
        int zero = b.addBlock(BlockKind.ZERO, 1);
        b.objective(new double[] {1, -2});
        b.denseBlock(1, psd, new double[][] {{1, 2}, {2, 0}});
        b.entry(2, psd, 1, 1, 3);
        b.entry(0, psd, 0, 0, 1).entry(0, psd, 1, 1, -1);
        b.vectorBlock(1, nn, new double[] {1, 0});
        b.vectorBlock(2, nn, new double[] {0, -1});
        b.entry(0, nn, 1, 1, 4);
        b.entry(1, zero, 0, 0, 1).entry(2, zero, 0, 0, 1).entry(0, zero, 0, 0, 5);
        return b.build();
    }

    @Test
    void describesItsShape() {
        SdpProblem p = example();
        assertThat(p.name()).isEqualTo("example");
        assertThat(p.numVariables()).isEqualTo(2);
        assertThat(p.numBlocks()).isEqualTo(3);
        assertThat(p.blocks()).containsExactly(BlockSpec.psd(2), BlockSpec.nonneg(2), BlockSpec.zero(1));
        // PSD: F_1 two stored entries (its zero dropped), F_2 one, F_0 two; NONNEG: 1 + 1 + 1; ZERO: 3
        assertThat(p.totalNonzeros()).isEqualTo(2 + 1 + 2 + 3 + 3);
        assertThat(p.toString()).isEqualTo("SdpProblem[example, m=2, blocks=[PSD(2), NONNEG(2), ZERO(1)], nnz=11]");
    }

    @Test
    void computesObjectiveAndSlackOnAHandExample() {
        SdpProblem p = example();
        double[] y = {2, 0.5};
        assertThat(p.objectiveValue(y)).isEqualTo(2 - 1);
        double[][] s = p.slack(y);
        // PSD: 2*[[1,2],[2,0]] + 0.5*[[0,0],[0,3]] - [[1,0],[0,-1]] = [[1,4],[4,2.5]]
        assertThat(s[0]).containsExactly(1, 4, 4, 2.5);
        // NONNEG: 2*(1,0) + 0.5*(0,-1) - (0,4) = (2, -4.5)
        assertThat(s[1]).containsExactly(2, -4.5);
        // ZERO: 2 + 0.5 - 5
        assertThat(s[2]).containsExactly(-2.5);
    }

    @Test
    void computesDualActionAndDualObjectiveOnAHandExample() {
        SdpProblem p = example();
        double[][] yb = {{1, 0.5, 0.5, 2}, {3, 4}, {-1}};
        // <F_1, Y> = (1*1 + 2*(0.5 + 0.5)) + 1*3 + 1*(-1) = 3 + 3 - 1 = 5
        // <F_2, Y> = 3*2 + (-1)*4 + 1*(-1) = 1
        assertThat(p.dualAction(yb)).containsExactly(5, 1);
        // <F_0, Y> = (1 - 2) + 16 + (-5) = 10
        assertThat(p.dualObjectiveValue(yb)).isEqualTo(10);
    }

    @Test
    void rejectsWronglyShapedArguments() {
        SdpProblem p = example();
        assertThatThrownBy(() -> p.slack(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y must have length m = 2, got 3");
        assertThatThrownBy(() -> p.objectiveValue(null)).hasMessage("y must have length m = 2, got null");
        assertThatThrownBy(() -> p.dualAction(new double[2][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 3 dual blocks, got 2");
        assertThatThrownBy(() -> p.dualObjectiveValue(new double[][] {new double[4], new double[2], new double[2]}))
                .hasMessage("dual block 2 (ZERO(1)) must have length 1");
        assertThatThrownBy(() -> p.dualObjectiveValue(new double[][] {new double[2], new double[2], new double[1]}))
                .hasMessage("dual block 0 (PSD(2)) must have length 4");
    }

    @Test
    void returnsCopiesSoThatTheProblemStaysImmutable() {
        SdpProblem p = example();
        p.objective()[0] = 99;
        assertThat(p.objective(0)).isEqualTo(1);
        p.coefficient(1, 0).values()[0] = 99;
        p.coefficient(1, 0).rows()[0] = 1;
        p.coefficient(1, 0).cols()[0] = 0;
        assertThat(p.coefficient(1, 0).get(0, 0)).isEqualTo(1);
        assertThatThrownBy(() -> p.blocks().add(BlockSpec.psd(1))).isInstanceOf(UnsupportedOperationException.class);
        double[] c = {1, 2};
        SdpProblem.Builder b = SdpProblem.builder(2);
        b.addBlock(BlockKind.PSD, 1);
        b.objective(c);
        c[0] = 7;
        SdpProblem q = b.build();
        assertThat(q.objective(0)).isEqualTo(1);
        b.objective(0, 5);
        assertThat(q.objective(0)).isEqualTo(1);
    }

    @Test
    void equalityIgnoresTheNameButNotTheData() {
        SdpProblem p = example();
        assertThat(p.withName("other")).isEqualTo(p).hasSameHashCodeAs(p);
        assertThat(p.withName("other").name()).isEqualTo("other");
        SdpProblem.Builder b = SdpProblem.builder(2);
        b.addBlock(BlockKind.PSD, 2);
        assertThat(b.build()).isNotEqualTo(p).isNotEqualTo("a string");
    }

    @Test
    void storesEntriesInTheUpperTriangleWhicheverTriangleWasGiven() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 3);
        b.entry(1, 0, 2, 0, 5).entry(1, 0, 0, 2, 5).entry(1, 0, 1, 0, -1);
        SparseSymMatrix a = b.build().coefficient(1, 0);
        assertThat(a.rows()).containsExactly(0, 0);
        assertThat(a.cols()).containsExactly(1, 2);
        assertThat(a.values()).containsExactly(-1, 5);
    }

    @Test
    void acceptsTheSameValueTwiceAndRejectsADifferentOne() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 2);
        b.entry(1, 0, 0, 1, 2).entry(1, 0, 1, 0, 2);
        assertThat(b.build().coefficient(1, 0).get(0, 1)).isEqualTo(2);
        b.entry(1, 0, 1, 0, 3);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix 1, block 0: entry (0,1) is given twice with different values 2.0 and 3.0"
                        + " (asymmetric or conflicting input)");
    }

    @Test
    void accumulatesAddedEntriesAndDropsZeroSums() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 2);
        b.addBlock(BlockKind.NONNEG, 2);
        b.addEntry(1, 0, 0, 1, 2).addEntry(1, 0, 1, 0, 0.5).addEntry(1, 0, 0, 0, 1).addEntry(1, 0, 0, 0, -1);
        b.addEntry(0, 1, 1, 1, 3).addEntry(0, 1, 1, 1, 4);
        SdpProblem p = b.build();
        assertThat(p.coefficient(1, 0).nnz()).isEqualTo(1);
        assertThat(p.coefficient(1, 0).get(1, 0)).isEqualTo(2.5);
        assertThat(p.coefficient(0, 1).get(1, 1)).isEqualTo(7);
    }

    @Test
    void rejectsAnEntryBothSetAndAccumulated() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 2);
        b.entry(1, 0, 1, 1, 2).addEntry(1, 0, 1, 1, 1);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix 1, block 0: entry (1,1) is both set and accumulated");
    }

    @Test
    void dropsZeroValues() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 2);
        b.entry(1, 0, 0, 1, 0.0).entry(0, 0, 1, 1, -0.0);
        b.denseBlock(1, 0, new double[][] {{0, 0}, {0, 0}});
        SdpProblem p = b.build();
        assertThat(p.totalNonzeros()).isZero();
        assertThat(p.coefficient(1, 0).isEmpty()).isTrue();
    }

    @Test
    void keepsManyEntriesGivenInAnyOrder() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 10);
        java.util.Random rnd = new java.util.Random(7);
        double[][] dense = new double[10][10];
        for (int e = 0; e < 200; e++) {
            int r = rnd.nextInt(10);
            int c = rnd.nextInt(10);
            double v = rnd.nextInt(5) - 2;
            dense[r][c] += v;
            if (r != c) {
                dense[c][r] += v;
            }
            b.addEntry(1, 0, r, c, v);
        }
        SparseSymMatrix a = b.build().coefficient(1, 0);
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                assertThat(a.get(r, c)).isEqualTo(dense[r][c]);
            }
        }
        for (int e = 1; e < a.nnz(); e++) {
            assertThat((long) a.row(e - 1) * 10 + a.col(e - 1)).isLessThan((long) a.row(e) * 10 + a.col(e));
        }
    }

    @Test
    void rejectsAsymmetricDenseBlocks() {
        SdpProblem.Builder b = SdpProblem.builder(1);
        b.addBlock(BlockKind.PSD, 2);
        assertThatThrownBy(() -> b.denseBlock(1, 0, new double[][] {{1, 2}, {2.5, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix 1, block 0 is not symmetric: entry (0,1) = 2.0 but (1,0) = 2.5");
        assertThatThrownBy(() -> b.denseBlock(1, 0, new double[][] {{1, 2}}))
                .hasMessage("matrix 1, block 0: expected 2 rows, got 1");
        assertThatThrownBy(() -> b.denseBlock(1, 0, new double[][] {{1, 2}, {2}}))
                .hasMessage("matrix 1, block 0, row 1: expected 2 columns, got 1");
        assertThatThrownBy(() -> b.denseBlock(0, 0, new double[][] {{1, Double.NaN}, {Double.NaN, 0}}))
                .hasMessage("matrix 0, block 0, entry (0,1): value is not finite: NaN");
    }

    @Test
    void namesTheBlockMatrixAndEntryInValidationMessages() {
        SdpProblem.Builder b = SdpProblem.builder(2);
        b.addBlock(BlockKind.PSD, 2);
        b.addBlock(BlockKind.NONNEG, 3);
        assertThatThrownBy(() -> b.entry(3, 0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix index 3 out of range [0, 2] (0 is the constant F_0)");
        assertThatThrownBy(() -> b.entry(-1, 0, 0, 0, 1)).hasMessageStartingWith("matrix index -1 out of range");
        assertThatThrownBy(() -> b.entry(1, 2, 0, 0, 1)).hasMessage("matrix 1: block index 2 out of range [0, 2)");
        assertThatThrownBy(() -> b.entry(1, 0, 2, 0, 1))
                .hasMessage("matrix 1, block 0 (PSD(2)): entry (2,0) outside [0, 2)");
        assertThatThrownBy(() -> b.addEntry(1, 0, 0, -1, 1))
                .hasMessage("matrix 1, block 0 (PSD(2)): entry (0,-1) outside [0, 2)");
        assertThatThrownBy(() -> b.entry(2, 1, 0, 1, 1))
                .hasMessage("matrix 2, block 1 (NONNEG(3)): entry (0,1) is off the diagonal of a diagonal block");
        assertThatThrownBy(() -> b.entry(2, 1, 1, 1, Double.POSITIVE_INFINITY))
                .hasMessage("matrix 2, block 1, entry (1,1): value is not finite: Infinity");
        assertThatThrownBy(() -> b.objective(2, 1)).hasMessage("objective index 2 out of range [0, 2)");
        assertThatThrownBy(() -> b.objective(0, Double.NaN)).hasMessage("objective coefficient c[0] is not finite: NaN");
        assertThatThrownBy(() -> b.objective(new double[3])).hasMessage("objective has length 3, expected m = 2");
        assertThatThrownBy(() -> b.vectorBlock(1, 1, new double[2]))
                .hasMessage("matrix 1, block 1: expected length 3, got 2");
        assertThatThrownBy(() -> b.vectorBlock(1, 0, new double[2]))
                .hasMessage("block 0 is PSD(2): give its data with denseBlock");
        assertThatThrownBy(() -> b.denseBlock(1, 1, new double[3][3]))
                .hasMessage("block 1 is NONNEG(3): give its data with vectorBlock");
        assertThatThrownBy(() -> b.addBlock(BlockKind.PSD, 0)).hasMessage("block 2: size must be in [1, "
                + SdpProblem.Builder.MAX_DIMENSION + "], got 0");
        assertThatThrownBy(() -> b.addBlock(null, 2)).hasMessage("block 2: kind must not be null");
        assertThatThrownBy(() -> b.addBlock(BlockKind.PSD, SdpProblem.Builder.MAX_DIMENSION + 1))
                .hasMessageStartingWith("block 2: size must be in [1, ");
        assertThatThrownBy(() -> SdpProblem.builder(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number of variables m must be in [0, " + SdpProblem.Builder.MAX_DIMENSION + "], got -1");
        assertThatThrownBy(() -> SdpProblem.builder(0).build()).hasMessage("a problem needs at least one block");
    }

    @Test
    void reportsTheOriginalIndicesOfAConflictInAnyBlock() {
        SdpProblem.Builder b = SdpProblem.builder(3);
        b.addBlock(BlockKind.PSD, 1);
        b.addBlock(BlockKind.NONNEG, 4);
        b.entry(3, 1, 2, 2, 1).entry(3, 1, 2, 2, -1);
        assertThatThrownBy(b::build).hasMessageStartingWith("matrix 3, block 1: entry (2,2) is given twice");
    }
}
