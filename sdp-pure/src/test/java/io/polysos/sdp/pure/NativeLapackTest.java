package io.polysos.sdp.pure;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpaFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The optional native Cholesky factorization (OpenBLAS through org.bytedeco:openblas) against the
 * Java kernels. Skipped, with the reason, where the native library does not load.
 */
class NativeLapackTest {

    private static NativeLapack lapack() {
        NativeLapack l = NativeLapack.loadOrNull();
        assumeTrue(l != null, "native OpenBLAS does not load here");
        return l;
    }

    /** A random SPD matrix G G^T + n I, row-major, with a marker in the strict upper triangle. */
    private static double[] randomSpd(int n, Random rnd) {
        double[] a = DenseCholeskyTest.randomSpd(n, rnd);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[i * n + j] = -7.5; // must be neither read nor written
            }
        }
        return a;
    }

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {1, 2, 63, 64, 65, 200, 301})
    void factorsLikeTheJavaKernelsAndLeavesTheUpperTriangle(int n) {
        NativeLapack l = lapack();
        double[] a = randomSpd(n, new Random(n));
        double[] java = a.clone();
        double[] nat = a.clone();
        assertThat(new DenseCholesky(n, null, 1, Kernels.scalar()).factor(java, n)).isTrue();
        assertThat(l.factor(nat, n, 1)).isTrue();
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j <= i) {
                    max = Math.max(max, Math.abs(nat[i * n + j] - java[i * n + j]) / Math.abs(java[i * n + i]));
                } else {
                    assertThat(nat[i * n + j]).as("upper (%d, %d)", i, j).isEqualTo(-7.5);
                }
            }
        }
        assertThat(max).isLessThan(1e-12);
    }

    @Test
    void solvesThroughDenseCholeskyWithTwoThreads() {
        NativeLapack l = lapack();
        int n = 250;
        double[] a = randomSpd(n, new Random(5));
        double[] f = a.clone();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            DenseCholesky chol = new DenseCholesky(n, pool, 2, Kernels.scalar(), l);
            assertThat(chol.factor(f, n)).isTrue();
            double[] x = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = Math.sin(i);
                x[i] = b[i];
            }
            chol.solve(x);
            double r = 0;
            for (int i = 0; i < n; i++) {
                double s = -b[i];
                for (int j = 0; j < n; j++) {
                    s += a[Math.max(i, j) * n + Math.min(i, j)] * x[j];
                }
                r = Math.max(r, Math.abs(s));
            }
            assertThat(r).isLessThan(1e-10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportsIndefiniteAndNonFiniteMatricesAndRejectsShortArrays() {
        NativeLapack l = lapack();
        assertThat(l.factor(new double[] {1, 0, 2, 1}, 2, 1)).isFalse(); // [[1,2],[2,1]]
        assertThat(l.factor(new double[] {Double.NaN, 0, 0, 1}, 2, 1)).isFalse();
        assertThat(l.factor(new double[] {1, 0, Double.POSITIVE_INFINITY, 1}, 2, 1)).isFalse();
        assertThatThrownBy(() -> l.factor(new double[3], 2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x2");
        assertThatThrownBy(() -> new DenseCholesky(4, null, 1, Kernels.scalar(), l).factor(new double[8], 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x3");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arch0", "qap5", "theta1"})
    void solvesSdplibToTheSameStatusAndObjective(String name) throws IOException {
        NativeLapack l = lapack();
        Path file = PureSdpSolverTest.sdplib().resolve(name + ".dat-s");
        assumeTrue(Files.exists(file), "SDPLIB file missing: " + file);
        SdpProblem p = SdpaFormat.read(file);
        Kernels k = Kernels.forSchurSize(p.numVariables());
        SdpOptions options = SdpOptions.builder().threads(2).build();
        SdpSolution java = new InteriorPointRun(p, options, k, null).run();
        SdpSolution nat = new InteriorPointRun(p, options, k, l).run();
        assertThat(nat.status()).as(nat.message()).isEqualTo(java.status());
        double tol = 1e-7 * Math.max(1, Math.abs(java.primalObjective()));
        assertThat(nat.primalObjective()).isCloseTo(java.primalObjective(), within(tol));
        assertThat(nat.dualObjective()).isCloseTo(java.dualObjective(), within(tol));
    }

    @Test
    void saysWhetherItIsUsed() {
        assertThat(NativeLapack.status()).containsIgnoringCase("openblas");
        assertThat(new PureSdpSolverProvider().availability().reason()).contains(NativeLapack.status());
    }
}
