package io.polysos.sdp.scs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScsConicFormTest {

    /** A random problem with every kind of block, in a mixed order. */
    static SdpProblem randomProblem(Random rnd, int m, BlockSpec... blocks) {
        SdpProblem.Builder b = SdpProblem.builder(m).name("random");
        for (BlockSpec s : blocks) {
            b.addBlock(s);
        }
        for (int i = 0; i < m; i++) {
            b.objective(i, rnd.nextGaussian());
        }
        for (int i = 0; i <= m; i++) {
            for (int k = 0; k < blocks.length; k++) {
                int n = blocks[k].size();
                for (int r = 0; r < n; r++) {
                    for (int c = blocks[k].kind() == BlockKind.PSD ? r : r; c < (blocks[k].kind() == BlockKind.PSD ? n : r + 1); c++) {
                        if (rnd.nextDouble() < 0.5) {
                            b.entry(i, k, r, c, rnd.nextGaussian());
                        }
                    }
                }
            }
        }
        return b.build();
    }

    private static double[] randomSymmetric(Random rnd, BlockSpec s) {
        int n = s.size();
        double[] d = new double[s.denseLength()];
        if (s.kind().isDiagonal()) {
            for (int i = 0; i < n; i++) {
                d[i] = rnd.nextGaussian();
            }
            return d;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = rnd.nextGaussian();
                d[i * n + j] = v;
                d[j * n + i] = v;
            }
        }
        return d;
    }

    @Test
    void vecIndexFollowsTheLowerTriangleColumnByColumn() {
        int[][] lower = {{0, 0}, {1, 0}, {2, 0}, {1, 1}, {2, 1}, {2, 2}};
        for (int t = 0; t < lower.length; t++) {
            assertThat(ScsConicForm.vecIndex(lower[t][0], lower[t][1], 3)).isEqualTo(t);
            assertThat(ScsConicForm.vecIndex(lower[t][1], lower[t][0], 3)).isEqualTo(t);
        }
    }

    @Test
    void vecScalesOffDiagonalEntriesBySqrt2() {
        BlockSpec s = BlockSpec.psd(2);
        double[] v = new double[3];
        ScsConicForm.vec(s, new double[] {1, 2, 2, 3}, v, 0);
        assertThat(v).containsExactly(new double[] {1, 2 * Math.sqrt(2), 3}, within(1e-15));
    }

    @Test
    void unvecInvertsVecAndVecPreservesInnerProducts() {
        Random rnd = new Random(1);
        for (BlockSpec s : new BlockSpec[] {BlockSpec.psd(1), BlockSpec.psd(4), BlockSpec.nonneg(3), BlockSpec.zero(2)}) {
            double[] a = randomSymmetric(rnd, s);
            double[] b = randomSymmetric(rnd, s);
            int len = (int) ScsConicForm.vecLength(s);
            double[] va = new double[len + 2];
            double[] vb = new double[len + 2];
            ScsConicForm.vec(s, a, va, 2);
            ScsConicForm.vec(s, b, vb, 2);
            assertThat(ScsConicForm.unvec(s, va, 2)).containsExactly(a, within(1e-14));
            double inner = 0;
            for (int e = 0; e < a.length; e++) {
                inner += a[e] * b[e];
            }
            double vdot = 0;
            for (int e = 2; e < len + 2; e++) {
                vdot += va[e] * vb[e];
            }
            assertThat(vdot).isCloseTo(inner, within(1e-12));
        }
    }

    @Test
    void ordersConesZeroThenNonnegThenPsdKeepingBlockOrderWithinEach() {
        SdpProblem p = randomProblem(new Random(2), 2, BlockSpec.psd(2), BlockSpec.nonneg(3), BlockSpec.zero(1),
                BlockSpec.psd(1), BlockSpec.zero(2));
        ScsConicForm f = ScsConicForm.of(p);
        assertThat(f.zeroConeSize()).isEqualTo(3);
        assertThat(f.nonnegConeSize()).isEqualTo(3);
        assertThat(f.psdSizes()).containsExactly(2, 1);
        assertThat(f.numRows()).isEqualTo(3 + 3 + 3 + 1);
        assertThat(f.numCols()).isEqualTo(2);
        assertThat(new int[] {f.blockOffset(2), f.blockOffset(4), f.blockOffset(1), f.blockOffset(0), f.blockOffset(3)})
                .containsExactly(0, 1, 3, 6, 9);
    }

    @Test
    void buildsCscMatrixWhoseSlackIsTheProblemsSlack() {
        Random rnd = new Random(3);
        SdpProblem p = randomProblem(rnd, 4, BlockSpec.psd(3), BlockSpec.nonneg(2), BlockSpec.zero(2), BlockSpec.psd(2));
        ScsConicForm f = ScsConicForm.of(p);
        int[] cp = f.colPtr();
        int[] ri = f.rowIndices();
        double[] av = f.values();
        assertThat(cp[0]).isZero();
        assertThat(cp[f.numCols()]).isEqualTo(f.nnz());
        for (int j = 0; j < f.numCols(); j++) {
            for (int e = cp[j] + 1; e < cp[j + 1]; e++) {
                assertThat(ri[e]).as("rows sorted in column %d", j).isGreaterThan(ri[e - 1]);
            }
        }
        double[] x = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] s = f.b();
        for (int j = 0; j < f.numCols(); j++) {
            for (int e = cp[j]; e < cp[j + 1]; e++) {
                s[ri[e]] -= av[e] * x[j];
            }
        }
        assertThat(s).containsExactly(f.stack(p.slack(x)), within(1e-12));
        assertThat(f.c()).containsExactly(p.objective());
    }

    @Test
    void scsDualOfTheTranslationIsTheProblemsDual() {
        Random rnd = new Random(4);
        SdpProblem p = randomProblem(rnd, 3, BlockSpec.zero(2), BlockSpec.psd(3), BlockSpec.nonneg(2));
        ScsConicForm f = ScsConicForm.of(p);
        double[][] yb = new double[p.numBlocks()][];
        for (int k = 0; k < yb.length; k++) {
            yb[k] = randomSymmetric(rnd, p.block(k));
        }
        double[] y = f.stack(yb);
        // SCS's dual objective -b'y equals <F_0, Y>, and -(A'y)_i equals <F_i, Y>
        double bty = 0;
        double[] b = f.b();
        for (int r = 0; r < b.length; r++) {
            bty += b[r] * y[r];
        }
        assertThat(-bty).isCloseTo(p.dualObjectiveValue(yb), within(1e-12));
        int[] cp = f.colPtr();
        int[] ri = f.rowIndices();
        double[] av = f.values();
        double[] action = p.dualAction(yb);
        for (int j = 0; j < f.numCols(); j++) {
            double aty = 0;
            for (int e = cp[j]; e < cp[j + 1]; e++) {
                aty += av[e] * y[ri[e]];
            }
            assertThat(-aty).isCloseTo(action[j], within(1e-12));
        }
        double[][] back = f.dualBlocksFromY(y);
        for (int k = 0; k < yb.length; k++) {
            assertThat(back[k]).containsExactly(yb[k], within(1e-13));
        }
    }

    @Test
    void primalIsScsX() {
        SdpProblem p = randomProblem(new Random(5), 2, BlockSpec.psd(2));
        ScsConicForm f = ScsConicForm.of(p);
        assertThat(f.primalFromX(new double[] {1.5, -2})).containsExactly(1.5, -2);
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        SdpProblem p = randomProblem(new Random(6), 2, BlockSpec.psd(2), BlockSpec.nonneg(1));
        ScsConicForm f = ScsConicForm.of(p);
        assertThatThrownBy(() -> f.primalFromX(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x must have length n = 2, got 3");
        assertThatThrownBy(() -> f.dualBlocksFromY(new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("y must have length m = 4, got 3");
        assertThatThrownBy(() -> f.stack(new double[][] {new double[4], new double[2]}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("block 1 (NONNEG(1)) must have length 1, got 2");
        assertThatThrownBy(() -> ScsConicForm.vec(BlockSpec.psd(2), new double[3], new double[3], 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("block PSD(2) needs a dense array of length 4, got 3");
    }
}
