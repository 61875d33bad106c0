package io.polysos.sdp.pure;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DenseCholeskyTest {

    /** A random SPD matrix G G^T + n I, row-major. */
    static double[] randomSpd(int n, Random rnd) {
        double[] g = new double[n * n];
        for (int e = 0; e < g.length; e++) {
            g[e] = rnd.nextGaussian();
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += g[i * n + k] * g[j * n + k];
                }
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
            a[i * n + i] += n;
        }
        return a;
    }

    private static double relativeResidual(double[] a, int n, double[] x, double[] b) {
        double r = 0;
        double nb = 0;
        for (int i = 0; i < n; i++) {
            double s = -b[i];
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
            }
            r += s * s;
            nb += b[i] * b[i];
        }
        return Math.sqrt(r / nb);
    }

    private static void checkSolves(DenseCholesky chol, int n, Random rnd) {
        double[] a = randomSpd(n, rnd);
        double[] f = a.clone();
        assertThat(chol.factor(f, n)).isTrue();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] x = b.clone();
        chol.solve(x);
        assertThat(relativeResidual(a, n, x, b)).isLessThan(1e-12);
    }

    @Test
    void solvesSpdSystemsOfSizesAroundThePanelWidth() {
        Random rnd = new Random(1);
        DenseCholesky chol = new DenseCholesky(200, null, 1);
        for (int n : new int[] {1, 2, 7, DenseCholesky.BLOCK - 1, DenseCholesky.BLOCK, DenseCholesky.BLOCK + 1, 200}) {
            checkSolves(chol, n, rnd);
        }
    }

    @Test
    void givesTheSameFactorWithSeveralThreads() {
        int n = 300;
        double[] a = randomSpd(n, new Random(2));
        double[] one = a.clone();
        double[] two = a.clone();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertThat(new DenseCholesky(n, null, 1).factor(one, n)).isTrue();
            assertThat(new DenseCholesky(n, pool, 3).factor(two, n)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(two[i * n + j]).as("L[%d][%d]", i, j).isEqualTo(one[i * n + j]);
            }
        }
    }

    @Test
    void reportsMatrixThatIsNotPositiveDefinite() {
        int n = 100;
        double[] a = randomSpd(n, new Random(3));
        a[70 * n + 70] = -1.0;
        assertThat(new DenseCholesky(n, null, 1).factor(a, n)).isFalse();
    }

    @Test
    void rejectsSizeAboveCapacity() {
        assertThatThrownBy(() -> new DenseCholesky(3, null, 1).factor(new double[16], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4");
    }
}
