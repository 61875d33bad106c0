package io.polysos.sdp.pure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparseCholeskyTest {

    /**
     * A random pattern from random groups of variables (like the blocks of a sparse SDP: a chain
     * of overlapping windows plus a few random groups), scrambled by a random permutation so that
     * the natural order is a bad one.
     */
    static SchurPattern randomPattern(int m, Random rnd) {
        int[] scramble = new int[m];
        for (int i = 0; i < m; i++) {
            scramble[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = scramble[i];
            scramble[i] = scramble[j];
            scramble[j] = t;
        }
        List<int[]> groups = new ArrayList<>();
        int width = 3 + rnd.nextInt(6);
        for (int s = 0; s < m; s += width / 2 + 1) {
            int len = Math.min(width, m - s);
            int[] g = new int[len];
            for (int t = 0; t < len; t++) {
                g[t] = scramble[s + t];
            }
            groups.add(g);
        }
        for (int k = 0; k < 3; k++) {
            groups.add(new int[] {rnd.nextInt(m), rnd.nextInt(m), rnd.nextInt(m)});
        }
        return SchurPattern.ofGroups(m, groups, Long.MAX_VALUE);
    }

    /** Random values on the pattern, diagonally dominant (so positive definite) when shift &gt; 0. */
    static double[] randomValues(SchurPattern pat, Random rnd, double shift) {
        double[] v = new double[(int) pat.nonzeros()];
        double[] rowAbs = new double[pat.m];
        for (int i = 0; i < pat.m; i++) {
            for (int p = pat.rowPtr[i]; p < pat.diagonal(i); p++) {
                v[p] = rnd.nextGaussian();
                rowAbs[i] += Math.abs(v[p]);
                rowAbs[pat.colIdx[p]] += Math.abs(v[p]);
            }
        }
        for (int i = 0; i < pat.m; i++) {
            v[pat.diagonal(i)] = rowAbs[i] + shift;
        }
        return v;
    }

    static double[] dense(SchurPattern pat, double[] values) {
        int m = pat.m;
        double[] a = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int p = pat.rowPtr[i]; p < pat.rowPtr[i + 1]; p++) {
                int j = pat.colIdx[p];
                a[i * m + j] = values[p];
                a[j * m + i] = values[p];
            }
        }
        return a;
    }

    @Test
    void solvesLikeTheDenseFactorization() {
        Random rnd = new Random(11);
        for (int m : new int[] {1, 2, 7, 40, 150, 400}) {
            SchurPattern pat = randomPattern(m, rnd);
            double[] values = randomValues(pat, rnd, 1e-3);
            SparseCholesky chol = new SparseCholesky(m, pat.rowPtr, pat.colIdx);
            assertThat(chol.factor(values)).isTrue();
            double[] a = dense(pat, values);
            DenseCholesky dc = new DenseCholesky(m, null, 1);
            double[] f = a.clone();
            assertThat(dc.factor(f, m)).isTrue();
            for (int rep = 0; rep < 2; rep++) {
                double[] b = new double[m];
                for (int i = 0; i < m; i++) {
                    b[i] = rnd.nextGaussian();
                }
                double[] xs = b.clone();
                chol.solve(xs);
                double[] xd = b.clone();
                dc.solve(xd);
                double scale = 0;
                double diff = 0;
                for (int i = 0; i < m; i++) {
                    scale = Math.max(scale, Math.abs(xd[i]));
                    diff = Math.max(diff, Math.abs(xs[i] - xd[i]));
                }
                assertThat(diff).as("m = %d", m).isLessThanOrEqualTo(1e-11 * scale);
                // and the residual of A x = b
                double r = 0;
                for (int i = 0; i < m; i++) {
                    double s = -b[i];
                    for (int j = 0; j < m; j++) {
                        s += a[i * m + j] * xs[j];
                    }
                    r = Math.max(r, Math.abs(s));
                }
                assertThat(r).isLessThan(1e-10);
            }
        }
    }

    @Test
    void refactorsWithNewValuesOnTheSamePattern() {
        Random rnd = new Random(5);
        SchurPattern pat = randomPattern(120, rnd);
        SparseCholesky chol = new SparseCholesky(120, pat.rowPtr, pat.colIdx);
        for (int rep = 0; rep < 3; rep++) {
            double[] values = randomValues(pat, rnd, 0.5);
            assertThat(chol.factor(values)).isTrue();
            double[] a = dense(pat, values);
            double[] xTrue = new double[120];
            for (int i = 0; i < 120; i++) {
                xTrue[i] = rnd.nextGaussian();
            }
            double[] b = new double[120];
            for (int i = 0; i < 120; i++) {
                for (int j = 0; j < 120; j++) {
                    b[i] += a[i * 120 + j] * xTrue[j];
                }
            }
            chol.solve(b);
            for (int i = 0; i < 120; i++) {
                assertThat(b[i]).isCloseTo(xTrue[i], org.assertj.core.data.Offset.offset(1e-10));
            }
        }
    }

    @Test
    void detectsIndefiniteAndSingularMatricesAndRecoversAfterwards() {
        Random rnd = new Random(3);
        SchurPattern pat = randomPattern(60, rnd);
        SparseCholesky chol = new SparseCholesky(60, pat.rowPtr, pat.colIdx);
        double[] good = randomValues(pat, rnd, 1.0);
        // indefinite: one diagonal entry made negative
        double[] bad = good.clone();
        bad[pat.diagonal(37)] = -1;
        assertThat(chol.factor(bad)).isFalse();
        // not finite
        double[] nan = good.clone();
        nan[pat.rowPtr[20]] = Double.NaN;
        assertThat(chol.factor(nan)).isFalse();
        // after a failure the next factorization is exact again
        assertThat(chol.factor(good)).isTrue();
        double[] b = new double[60];
        Arrays.fill(b, 1.0);
        double[] x = b.clone();
        chol.solve(x);
        double[] a = dense(pat, good);
        for (int i = 0; i < 60; i++) {
            double s = 0;
            for (int j = 0; j < 60; j++) {
                s += a[i * 60 + j] * x[j];
            }
            assertThat(s).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-11));
        }
        // exactly singular: all ones on a 3-group (rank one)
        SchurPattern three = SchurPattern.ofGroups(3, List.of(new int[] {0, 1, 2}), Long.MAX_VALUE);
        SparseCholesky c3 = new SparseCholesky(3, three.rowPtr, three.colIdx);
        double[] ones = new double[(int) three.nonzeros()];
        Arrays.fill(ones, 1.0);
        assertThat(c3.factor(ones)).isFalse();
    }

    @Test
    void minimumDegreeAvoidsTheFillOfAnArrow() {
        // node 0 coupled with every other node, which are otherwise uncoupled: eliminated
        // first it fills everything, eliminated last nothing
        int m = 50;
        List<int[]> groups = new ArrayList<>();
        for (int i = 1; i < m; i++) {
            groups.add(new int[] {0, i});
        }
        SchurPattern pat = SchurPattern.ofGroups(m, groups, Long.MAX_VALUE);
        SparseCholesky chol = new SparseCholesky(m, pat.rowPtr, pat.colIdx);
        assertThat(chol.factorNonzeros()).isEqualTo(2L * m - 1);
        int[] order = chol.ordering();
        // the hub goes when at most one other node is left (then both have degree 1)
        assertThat(order[m - 1] == 0 || order[m - 2] == 0).isTrue();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < m; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
    }

    @Test
    void aChainOrdersToABandedFactor() {
        // a scrambled chain of overlapping windows: the factor stays about as sparse as the matrix
        Random rnd = new Random(8);
        SchurPattern pat = randomPattern(2000, rnd);
        SparseCholesky chol = new SparseCholesky(2000, pat.rowPtr, pat.colIdx);
        assertThat(chol.factorNonzeros()).isLessThan(4 * pat.nonzeros());
        assertThat(chol.flops()).isLessThan(1e-3 * 2000.0 * 2000 * 2000 / 3);
    }

    @Test
    void orderingGivesUpBeyondItsWorkLimit() {
        Random rnd = new Random(21);
        SchurPattern pat = randomPattern(300, rnd);
        assertThat(SparseCholesky.analyse(300, pat.rowPtr, pat.colIdx, 10)).isNull();
        SparseCholesky full = SparseCholesky.analyse(300, pat.rowPtr, pat.colIdx, Long.MAX_VALUE);
        assertThat(full).isNotNull();
        assertThat(full.ordering()).isEqualTo(new SparseCholesky(300, pat.rowPtr, pat.colIdx).ordering());
    }

    @Test
    void patternCouplesTheGroupsOnly() {
        SchurPattern pat = SchurPattern.ofGroups(5, List.of(new int[] {0, 3}, new int[] {3, 4, 3}), Long.MAX_VALUE);
        assertThat(pat.rowPtr).containsExactly(0, 1, 2, 3, 5, 7);
        assertThat(pat.colIdx).containsExactly(0, 1, 2, 0, 3, 3, 4);
        assertThat(pat.find(3, 0)).isEqualTo(3);
        assertThat(pat.find(4, 0)).isEqualTo(-1);
        assertThat(pat.diagonal(4)).isEqualTo(6);
        assertThat(pat.density()).isEqualTo(7 / 15.0);
        // too many entries: no pattern
        assertThat(SchurPattern.ofGroups(5, List.of(new int[] {0, 1, 2, 3, 4}), 10)).isNull();
        assertThatThrownBy(() -> SchurPattern.ofGroups(2, List.of(new int[] {2}), 10))
                .hasMessageContaining("variable 2 outside [0, 2)");
    }

    @Test
    void rejectsAPatternWithoutDiagonal() {
        assertThatThrownBy(() -> new SparseCholesky(2, new int[] {0, 1, 2}, new int[] {0, 0}))
                .hasMessageContaining("row 1 of the pattern does not end with its diagonal");
    }
}
