package io.polysos.sdp.pure;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The blocked factorization is bit-for-bit the sequence of floating-point operations its
 * documentation states, with both kernel kinds, one and two threads, sizes around the panel
 * width, dense matrices and sparse ones (exact zeros of both signs). The references below are
 * plain loops over the entries; the factor's last bits must not change when its kernels are
 * made faster (a solve's path through its endgame depends on them).
 */
class DenseCholeskyRoundingTest {

    private static final int[] SIZES = {1, 3, 63, 64, 65, 130, 257, 300};
    /** As in DenseCholesky: the panel width, the rows per trailing chunk, the parallel threshold. */
    private static final int BLOCK = DenseCholesky.BLOCK;
    private static final int CHUNK = DenseCholesky.CHUNK;
    private static final int PARALLEL_MIN_ROWS = 96;

    /** A sparse SPD matrix: a few off-diagonal entries per row, some of them -0.0, diagonally dominant. */
    private static double[] sparseSpd(int n, Random rnd) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double u = rnd.nextDouble();
                double v = u < 0.05 ? rnd.nextGaussian() : u < 0.08 ? -0.0 : 0.0;
                a[i * n + j] = v;
                a[j * n + i] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 1;
            for (int j = 0; j < n; j++) {
                s += Math.abs(a[i * n + j]);
            }
            a[i * n + i] = s;
        }
        return a;
    }

    /** The diagonal block [k0, k1): separate multiply and subtract, p ascending within the block. */
    private static boolean diagonal(double[] a, int n, int k0, int k1) {
        for (int i = k0; i < k1; i++) {
            for (int j = k0; j <= i; j++) {
                double s = a[i * n + j];
                for (int p = k0; p < j; p++) {
                    s -= a[i * n + p] * a[j * n + p];
                }
                if (j == i) {
                    if (!(s > 0)) {
                        return false;
                    }
                    a[i * n + i] = Math.sqrt(s);
                } else {
                    a[i * n + j] = s / a[j * n + j];
                }
            }
        }
        return true;
    }

    /** The SIMD kernels: one fused multiply-add per p, p ascending, then the pivot. */
    private static double[] vectorReference(double[] in, int n) {
        double[] a = in.clone();
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            assertThat(diagonal(a, n, k0, k1)).isTrue();
            for (int i = k1; i < n; i++) {
                for (int j = k0; j < k1; j++) {
                    double s = a[i * n + j];
                    for (int p = k0; p < j; p++) {
                        s = Math.fma(a[i * n + p], -a[j * n + p], s);
                    }
                    a[i * n + j] = s / a[j * n + j];
                }
            }
            for (int i = k1; i < n; i++) {
                for (int j = k1; j <= i; j++) {
                    double s = a[i * n + j];
                    for (int p = k0; p < k1; p++) {
                        s = Math.fma(-a[i * n + p], a[j * n + p], s);
                    }
                    a[i * n + j] = s;
                }
            }
        }
        return a;
    }

    /**
     * The scalar kernels: the panel solve as separate multiply and add; the trailing update in
     * sums of eight products, grouped four and four, then the remaining products one by one;
     * rows are paired from the start of each range of rows (the second row's diagonal entry is
     * one sum over all products), and with several threads the ranges are chunks of DenseCholesky.CHUNK rows
     * ending at n.
     */
    private static double[] scalarReference(double[] in, int n, boolean parallel) {
        double[] a = in.clone();
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            assertThat(diagonal(a, n, k0, k1)).isTrue();
            for (int i = k1; i < n; i++) {
                for (int j = k0; j < k1; j++) {
                    double s = a[i * n + j];
                    for (int p = k0; p < j; p++) {
                        s += -a[j * n + p] * a[i * n + p];
                    }
                    a[i * n + j] = s / a[j * n + j];
                }
            }
            if (parallel && n - k1 >= PARALLEL_MIN_ROWS) {
                for (int hi = n; hi > k1; hi -= CHUNK) {
                    scalarTrailing(a, n, k0, k1, Math.max(k1, hi - CHUNK), hi);
                }
            } else {
                scalarTrailing(a, n, k0, k1, k1, n);
            }
        }
        return a;
    }

    private static void scalarTrailing(double[] a, int n, int k0, int k1, int lo, int hi) {
        for (int i = lo; i < hi; i += 2) {
            boolean pair = i + 1 < hi;
            for (int r = i; r <= (pair ? i + 1 : i); r++) {
                for (int j = k1; j <= i; j++) {
                    int p = k0;
                    for (; p + 8 <= k1; p += 8) {
                        double s0 = 0;
                        double s1 = 0;
                        for (int q = 0; q < 4; q++) {
                            double t = a[r * n + p + q] * a[j * n + p + q];
                            s0 = q == 0 ? t : s0 + t;
                            double u = a[r * n + p + 4 + q] * a[j * n + p + 4 + q];
                            s1 = q == 0 ? u : s1 + u;
                        }
                        a[r * n + j] -= s0 + s1;
                    }
                    for (; p < k1; p++) {
                        a[r * n + j] -= a[r * n + p] * a[j * n + p];
                    }
                }
            }
            if (pair) {
                int j = i + 1;
                double s = 0;
                for (int p = k0; p < k1; p++) {
                    s += a[j * n + p] * a[j * n + p];
                }
                a[j * n + j] -= s;
            }
        }
    }

    private static void assertSameBits(double[] actual, double[] expected, double[] input, int n, String what) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double want = j <= i ? expected[i * n + j] : input[i * n + j];
                assertThat(Double.doubleToRawLongBits(actual[i * n + j]))
                        .as("%s: entry (%d, %d) is %s, expected %s", what, i, j, actual[i * n + j], want)
                        .isEqualTo(Double.doubleToRawLongBits(want));
            }
        }
    }

    private static void check(Kernels kernels, boolean vector) {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Random rnd = new Random(14);
            for (int n : SIZES) {
                for (int kind = 0; kind < 2; kind++) {
                    double[] a = kind == 0 ? DenseCholeskyTest.randomSpd(n, rnd) : sparseSpd(n, rnd);
                    for (int threads = 1; threads <= 2; threads++) {
                        double[] expected = vector ? vectorReference(a, n) : scalarReference(a, n, threads > 1);
                        double[] f = a.clone();
                        DenseCholesky chol = new DenseCholesky(n, threads > 1 ? pool : null, threads, kernels);
                        assertThat(chol.factor(f, n)).isTrue();
                        assertSameBits(f, expected, a, n, kernels.description() + ", n = " + n
                                + (kind == 0 ? ", dense" : ", sparse") + ", " + threads + " thread(s)");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void vectorKernelsFactorWithTheStatedOperations() {
        Kernels v = Kernels.vectorOrNull();
        assumeTrue(v != null, "the module " + Kernels.VECTOR_MODULE + " is not in this JVM");
        check(v, true);
    }

    @Test
    void scalarKernelsFactorWithTheStatedOperations() {
        check(Kernels.scalar(), false);
    }
}
