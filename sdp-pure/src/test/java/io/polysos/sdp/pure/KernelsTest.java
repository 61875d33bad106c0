package io.polysos.sdp.pure;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpProblem;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SIMD kernels against the scalar ones (the build adds the Vector API module to the test
 * JVM; without it these tests are skipped), and the low-rank Schur formula against the
 * per-variable formulas.
 */
class KernelsTest {

    private static Kernels vector() {
        Kernels v = Kernels.vectorOrNull();
        assumeTrue(v != null, "the module " + Kernels.VECTOR_MODULE + " is not in this JVM");
        return v;
    }

    private static double[] random(int n, Random rnd) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextGaussian();
        }
        return a;
    }

    private static void assertClose(double[] actual, double[] expected, double tol) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat(Math.abs(actual[i] - expected[i])).as("entry %d: %s vs %s", i, actual[i], expected[i])
                    .isLessThanOrEqualTo(tol * (1 + Math.abs(expected[i])));
        }
    }

    @Test
    void vectorKernelsComputeTheSameSumsAsTheScalarOnes() {
        Kernels v = vector();
        Kernels s = Kernels.scalar();
        Random rnd = new Random(11);
        for (int len : new int[] {0, 1, 3, 7, 8, 9, 31, 32, 33, 84, 100}) {
            double[] x = random(len + 5, rnd);
            double[] y = random(len + 5, rnd);
            double[] y1 = y.clone();
            double[] y2 = y.clone();
            v.axpy(len, 0.7, x, 2, y1, 3);
            s.axpy(len, 0.7, x, 2, y2, 3);
            assertClose(y1, y2, 1e-14);
            assertThat(v.dot(len, x, 1, y, 4)).isCloseTo(s.dot(len, x, 1, y, 4),
                    org.assertj.core.api.Assertions.within(1e-12 * (1 + len)));
            int k = 5;
            double[] a = random(k + 2, rnd);
            double[] b = random(k * (len + 3) + 1, rnd);
            double[] o1 = new double[len + 2];
            double[] o2 = new double[len + 2];
            v.productRow(len, k, a, 1, b, 1, len + 3, o1, 2);
            s.productRow(len, k, a, 1, b, 1, len + 3, o2, 2);
            assertClose(o1, o2, 1e-13);
            int[] idx = {4, 0, 2};
            v.combineRows(len, idx, 3, a, 1, b, 0, len, o1, 1);
            s.combineRows(len, idx, 3, a, 1, b, 0, len, o2, 1);
            assertClose(o1, o2, 1e-13);
            double[] coef = random(4 * idx.length, rnd);
            double[] w1 = new double[4 * (len + 2) + 1];
            double[] w2 = new double[4 * (len + 2) + 1];
            v.combineRows4(len, idx, idx.length, coef, b, 2, len + 1, w1, 1, len + 2);
            s.combineRows4(len, idx, idx.length, coef, b, 2, len + 1, w2, 1, len + 2);
            assertThat(w1).as("four rows, len = %d: the same fused operations", len).containsExactly(w2);
        }
    }

    @Test
    void vectorCholeskySolvesAndDoesNotDependOnTheThreadCount() {
        Kernels v = vector();
        Random rnd = new Random(5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int n : new int[] {1, 5, 63, 64, 65, 130, 257}) {
                double[] g = random(n * n, rnd);
                double[] a = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        double t = 0;
                        for (int q = 0; q < n; q++) {
                            t += g[i * n + q] * g[j * n + q];
                        }
                        a[i * n + j] = t;
                        a[j * n + i] = t;
                    }
                    a[i * n + i] += n;
                }
                double[] one = a.clone();
                double[] three = a.clone();
                double[] scalar = a.clone();
                assertThat(new DenseCholesky(n, null, 1, v).factor(one, n)).isTrue();
                assertThat(new DenseCholesky(n, pool, 3, v).factor(three, n)).isTrue();
                assertThat(new DenseCholesky(n, null, 1, Kernels.scalar()).factor(scalar, n)).isTrue();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        assertThat(three[i * n + j]).as("L[%d][%d], n = %d", i, j, n).isEqualTo(one[i * n + j]);
                        assertThat(one[i * n + j]).isCloseTo(scalar[i * n + j],
                                org.assertj.core.api.Assertions.within(1e-10 * (1 + Math.abs(scalar[i * n + j]))));
                    }
                }
                DenseCholesky chol = new DenseCholesky(n, null, 1, v);
                double[] f = a.clone();
                assertThat(chol.factor(f, n)).isTrue();
                double[] b = random(n, rnd);
                double[] x = b.clone();
                chol.solve(x);
                double r = 0;
                double nb = 0;
                for (int i = 0; i < n; i++) {
                    double t = -b[i];
                    for (int j = 0; j < n; j++) {
                        t += a[i * n + j] * x[j];
                    }
                    r += t * t;
                    nb += b[i] * b[i];
                }
                assertThat(Math.sqrt(r / nb)).isLessThan(1e-12);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A problem shaped like a moment relaxation: one larger block and many small blocks that
     * nearly every variable touches with several entries (localizing matrices), random values.
     */
    static SdpProblem momentLike(int m, int smallBlocks, long seed) {
        Random rnd = new Random(seed);
        SdpProblem.Builder b = SdpProblem.builder(m);
        int big = b.addBlock(BlockKind.PSD, 12);
        int[] small = new int[smallBlocks];
        for (int s = 0; s < smallBlocks; s++) {
            small[s] = b.addBlock(BlockKind.PSD, 3 + s % 3);
        }
        for (int i = 1; i <= m; i++) {
            b.objective(i - 1, rnd.nextGaussian());
            int r = rnd.nextInt(12);
            int c = rnd.nextInt(12);
            b.addEntry(i, big, Math.min(r, c), Math.max(r, c), 1.0);
            for (int s = 0; s < smallBlocks; s++) {
                if (rnd.nextInt(10) == 0) {
                    continue; // a few variables miss a block
                }
                int n = 3 + s % 3;
                for (int e = 0; e < 3; e++) {
                    int p = rnd.nextInt(n);
                    int q = rnd.nextInt(n);
                    b.addEntry(i, small[s], Math.min(p, q), Math.max(p, q), rnd.nextGaussian());
                }
            }
        }
        return b.build();
    }

    @Test
    void lowRankSchurFormulaMatchesThePerVariableFormulas() {
        SdpProblem p = momentLike(150, 12, 3);
        Kernels k = vector();
        {
            ProblemData low = new ProblemData(p, k, true);
            ProblemData rows = new ProblemData(p, k, false);
            int lowBlocks = 0;
            for (boolean x : low.lowRankBlock) {
                lowBlocks += x ? 1 : 0;
            }
            assertThat(lowBlocks).as("blocks on the low-rank formula").isGreaterThan(0);
            Random rnd = new Random(9);
            DMatrixRMaj[] zinv = new DMatrixRMaj[low.nPsd];
            DMatrixRMaj[] x = new DMatrixRMaj[low.nPsd];
            for (int b = 0; b < low.nPsd; b++) {
                zinv[b] = spd(low.psdSize[b], rnd);
                x[b] = spd(low.psdSize[b], rnd);
            }
            DMatrixRMaj m1 = new DMatrixRMaj(p.numVariables(), p.numVariables());
            DMatrixRMaj m2 = new DMatrixRMaj(p.numVariables(), p.numVariables());
            new SchurAssembler(low, null, 1).assemble(zinv, x, new double[0], m1);
            new SchurAssembler(rows, null, 1).assemble(zinv, x, new double[0], m2);
            assertClose(m1.data, m2.data, 1e-12);
            ExecutorService pool = Executors.newFixedThreadPool(1);
            try {
                DMatrixRMaj m3 = new DMatrixRMaj(p.numVariables(), p.numVariables());
                new SchurAssembler(low, pool, 2).assemble(zinv, x, new double[0], m3);
                assertThat(Arrays.equals(m3.data, m1.data)).as("same M with two threads").isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The moment relaxation shape of the moment formula: a Hankel moment block of two variables
     * (basis up to degree d, graded, so that its size is not a multiple of 4) whose position
     * (r, c) holds the moment of b_r + b_c, plus a localizing block that shares positions
     * between moments (not a moment block) and one variable outside the moment block.
     */
    static SdpProblem hankel(int d) {
        java.util.List<int[]> basis = new java.util.ArrayList<>();
        for (int deg = 0; deg <= d; deg++) {
            for (int i = deg; i >= 0; i--) {
                basis.add(new int[] {i, deg - i});
            }
        }
        java.util.List<int[]> moments = new java.util.ArrayList<>();
        for (int deg = 0; deg <= 2 * d; deg++) {
            for (int i = deg; i >= 0; i--) {
                moments.add(new int[] {i, deg - i});
            }
        }
        int m = moments.size(); // moment 0 is the constant (F_0), the last variable is extra
        SdpProblem.Builder b = SdpProblem.builder(m);
        int n = basis.size();
        int mom = b.addBlock(BlockKind.PSD, n);
        int loc = b.addBlock(BlockKind.PSD, 3);
        Random rnd = new Random(5);
        for (int i = 1; i <= m; i++) {
            b.objective(i - 1, rnd.nextGaussian());
        }
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                int[] s = {basis.get(r)[0] + basis.get(c)[0], basis.get(r)[1] + basis.get(c)[1]};
                int idx = -1;
                for (int q = 0; q < moments.size(); q++) {
                    if (moments.get(q)[0] == s[0] && moments.get(q)[1] == s[1]) {
                        idx = q;
                    }
                }
                b.addEntry(idx, mom, r, c, 1.0);
                if (r < 3 && c < 3) {
                    b.addEntry(idx + 1, loc, r, c, 0.5);
                    b.addEntry(m, loc, r, c, -1.0);
                    if (idx + 3 < m) {
                        b.addEntry(idx + 3, loc, r, c, 2.0);
                    }
                }
            }
        }
        return b.build();
    }

    @Test
    void momentSchurFormulaMatchesThePerVariableFormulas() {
        Kernels k = vector();
        int tested = 0;
        for (int d : new int[] {5, 7, 9}) {
            SdpProblem p = hankel(d);
            if (p.block(0).size() < ProblemData.momentFormulaMinSize(k)) {
                continue; // too small for the moment formula with this machine's vectors
            }
            tested++;
            ProblemData moment = new ProblemData(p, k, true);
            ProblemData plain = new ProblemData(p, k, false);
            assertThat(moment.momentBlock[0]).as("the Hankel block is a moment block, d = %d", d).isTrue();
            assertThat(moment.momentBlock[1]).as("the localizing block shares positions").isFalse();
            assertThat(plain.momentBlock[0]).isFalse();
            Random rnd = new Random(11);
            DMatrixRMaj[] zinv = new DMatrixRMaj[moment.nPsd];
            DMatrixRMaj[] x = new DMatrixRMaj[moment.nPsd];
            for (int b = 0; b < moment.nPsd; b++) {
                zinv[b] = spd(moment.psdSize[b], rnd);
                x[b] = spd(moment.psdSize[b], rnd);
            }
            int m = p.numVariables();
            DMatrixRMaj m1 = new DMatrixRMaj(m, m);
            DMatrixRMaj m2 = new DMatrixRMaj(m, m);
            new SchurAssembler(moment, null, 1).assemble(zinv, x, new double[0], m1);
            new SchurAssembler(plain, null, 1).assemble(zinv, x, new double[0], m2);
            assertClose(m1.data, m2.data, 1e-12);
            // and against tr(A_i Z^-1 A_j X) computed directly on the moment block
            int n = moment.psdSize[0];
            double[][] a = new double[m][];
            for (int i = 0; i < m; i++) {
                a[i] = new double[n * n];
                p.coefficient(i + 1, 0).addTo(false, 1.0, a[i], n);
            }
            DMatrixRMaj m3 = new DMatrixRMaj(m, m);
            new SchurAssembler(new ProblemData(momentOnly(p), k, true), null, 1)
                    .assemble(new DMatrixRMaj[] {zinv[0]}, new DMatrixRMaj[] {x[0]}, new double[0], m3);
            for (int i = 0; i < m; i += 3) {
                for (int j = 0; j < m; j += 2) {
                    double t = 0;
                    for (int p1 = 0; p1 < n; p1++) {
                        for (int q = 0; q < n; q++) {
                            if (a[i][p1 * n + q] == 0) {
                                continue;
                            }
                            for (int r = 0; r < n; r++) {
                                for (int c = 0; c < n; c++) {
                                    t += a[i][p1 * n + q] * zinv[0].data[q * n + r] * a[j][r * n + c] * x[0].data[c * n + p1];
                                }
                            }
                        }
                    }
                    assertThat(Math.abs(m3.data[i * m + j] - t)).as("M[%d][%d]", i, j).isLessThanOrEqualTo(1e-11 * (1 + Math.abs(t)));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(1);
            try {
                DMatrixRMaj m4 = new DMatrixRMaj(m, m);
                new SchurAssembler(moment, pool, 2).assemble(zinv, x, new double[0], m4);
                assertThat(Arrays.equals(m4.data, m1.data)).as("same M with two threads").isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(tested).as("Hankel blocks large enough for %d-lane vectors", k.lanes()).isGreaterThanOrEqualTo(2);
    }

    /** The problem's first block alone. */
    private static SdpProblem momentOnly(SdpProblem p) {
        SdpProblem.Builder b = SdpProblem.builder(p.numVariables());
        int blk = b.addBlock(BlockKind.PSD, p.block(0).size());
        for (int i = 1; i <= p.numVariables(); i++) {
            io.polysos.sdp.SparseSymMatrix f = p.coefficient(i, 0);
            for (int e = 0; e < f.nnz(); e++) {
                b.addEntry(i, blk, f.row(e), f.col(e), f.value(e));
            }
        }
        return b.build();
    }

    private static DMatrixRMaj spd(int n, Random rnd) {
        double[] g = random(n * n, rnd);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double t = 0;
                for (int q = 0; q < n; q++) {
                    t += g[i * n + q] * g[j * n + q];
                }
                a.data[i * n + j] = t + (i == j ? 1 : 0);
            }
        }
        return a;
    }
}
