package io.polysos.sdp.pure;

/** {@link Kernels} as plain Java loops (unit-stride inner loops that the JIT may vectorize). */
final class ScalarKernels extends Kernels {

    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    String description() {
        return "scalar Java loops";
    }

    @Override
    int lanes() {
        return 1;
    }

    @Override
    boolean vectorized() {
        return false;
    }

    @Override
    void axpy(int len, double alpha, double[] x, int xo, double[] y, int yo) {
        for (int s = 0; s < len; s++) {
            y[yo + s] += alpha * x[xo + s];
        }
    }

    @Override
    double dot(int len, double[] x, int xo, double[] y, int yo) {
        double s0 = 0;
        double s1 = 0;
        int s = 0;
        for (; s + 2 <= len; s += 2) {
            s0 += x[xo + s] * y[yo + s];
            s1 += x[xo + s + 1] * y[yo + s + 1];
        }
        if (s < len) {
            s0 += x[xo + s] * y[yo + s];
        }
        return s0 + s1;
    }

    @Override
    void productRow(int len, int k, double[] a, int ao, double[] b, int bo, int ldb, double[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + len, 0.0);
        for (int p = 0; p < k; p++) {
            double v = a[ao + p];
            if (v != 0.0) {
                axpy(len, v, b, bo + p * ldb, out, oo);
            }
        }
    }

    @Override
    void combineRows(int len, int[] idx, int count, double[] a, int ao, double[] b, int bo, int ldb, double[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + len, 0.0);
        for (int q = 0; q < count; q++) {
            int p = idx[q];
            double v = a[ao + p];
            if (v != 0.0) {
                axpy(len, v, b, bo + p * ldb, out, oo);
            }
        }
    }

    @Override
    void combineRows4(int len, int[] idx, int count, double[] a, double[] b, int bo, int ldb, double[] out, int oo, int ldo) {
        for (int i = 0; i < 4; i++) {
            for (int s = 0; s < len; s++) {
                double t = 0;
                for (int q = 0; q < count; q++) {
                    t = Math.fma(a[4 * q + i], b[bo + idx[q] * ldb + s], t);
                }
                out[oo + i * ldo + s] = t;
            }
        }
    }

    /**
     * Rows per strip of the packed Cholesky panel: long enough for unit-stride inner loops
     * that the JIT vectorizes (over the rows of a strip in the panel solve, over the columns
     * of a strip in the trailing update), short enough that two threads share the panel solve
     * of a few hundred rows. Measured with JMH (CholeskyBenchmark, kernels=scalar, load 2-4):
     * strips of 8 made the factorization of 174 and 256 variables 1.3-1.4x slower than the
     * previous transposed panel, 64 and 256 both about 1.2x (the panel solve's axpy runs
     * shorter and within one array); the SIMD kernels are the ones tuned for speed.
     */
    private static final int STRIP = 64;

    @Override
    int panelStrip() {
        return STRIP;
    }

    @Override
    void choleskyPanel(double[] a, int n, double[] panel, int k0, int k1, int lo, int hi) {
        int w = k1 - k0;
        for (int s0 = lo; s0 < hi; s0 += STRIP) {
            int base = panelIndex(s0, k1, w, 0, STRIP);
            int rows = Math.min(STRIP, hi - s0);
            // column by column over the strip's rows, then the pivot: y += L_jp (-L_ip), which
            // is y + (-L_jp) L_ip exactly (the products differ only in sign)
            for (int j = 0; j < w; j++) {
                int oj = (k0 + j) * n + k0;
                int qj = base + j * STRIP;
                for (int p = 0; p < j; p++) {
                    axpy(rows, a[oj + p], panel, base + p * STRIP, panel, qj);
                }
                double d = a[oj + j];
                for (int r = 0; r < rows; r++) {
                    panel[qj + r] = -(panel[qj + r] / d);
                }
            }
        }
    }

    /**
     * {@inheritDoc} Rows are paired from lo on: each entry gets sums of eight products (four
     * and four, added), then the products left over one by one, except the second row's
     * diagonal entry of a pair, which gets one sum over all products; a last unpaired row is
     * done alone. So the pairing, i.e. the range boundaries, decides the diagonal's rounding.
     */
    @Override
    void choleskyTrailing(double[] a, int n, double[] panel, int k0, int k1, int lo, int hi) {
        int i = lo;
        // pairs of rows share the loads of the panel
        for (; i + 1 < hi; i += 2) {
            trailingPair(a, n, panel, k0, k1, i);
        }
        if (i < hi) {
            trailingRow(a, n, panel, k0, k1, i, i);
        }
    }

    /**
     * Rows i and i+1 of the trailing update, eight panel columns per sweep over the columns
     * k1..i; then column i+1 of row i+1, as one sum over all panel columns.
     */
    private static void trailingPair(double[] v, int n, double[] panel, int k0, int k1, int i) {
        int w = k1 - k0;
        int oi = i * n;
        int oj = oi + n;
        int p = 0;
        for (; p + 8 <= w; p += 8) {
            int o = oi + k0 + p;
            int q = oj + k0 + p;
            double l0 = v[o];
            double l1 = v[o + 1];
            double l2 = v[o + 2];
            double l3 = v[o + 3];
            double l4 = v[o + 4];
            double l5 = v[o + 5];
            double l6 = v[o + 6];
            double l7 = v[o + 7];
            double m0 = v[q];
            double m1 = v[q + 1];
            double m2 = v[q + 2];
            double m3 = v[q + 3];
            double m4 = v[q + 4];
            double m5 = v[q + 5];
            double m6 = v[q + 6];
            double m7 = v[q + 7];
            for (int s0 = k1; s0 <= i; s0 += STRIP) {
                int b = panelIndex(s0, k1, w, p, STRIP);
                int end = Math.min(i, s0 + STRIP - 1);
                for (int j = s0; j <= end; j++, b++) {
                    double a0 = -panel[b];
                    double a1 = -panel[b + STRIP];
                    double a2 = -panel[b + 2 * STRIP];
                    double a3 = -panel[b + 3 * STRIP];
                    double a4 = -panel[b + 4 * STRIP];
                    double a5 = -panel[b + 5 * STRIP];
                    double a6 = -panel[b + 6 * STRIP];
                    double a7 = -panel[b + 7 * STRIP];
                    v[oi + j] -= (l0 * a0 + l1 * a1 + l2 * a2 + l3 * a3) + (l4 * a4 + l5 * a5 + l6 * a6 + l7 * a7);
                    v[oj + j] -= (m0 * a0 + m1 * a1 + m2 * a2 + m3 * a3) + (m4 * a4 + m5 * a5 + m6 * a6 + m7 * a7);
                }
            }
        }
        if (p < w) {
            trailingTail(v, n, panel, k0, k1, i, i, p);
            trailingTail(v, n, panel, k0, k1, i + 1, i, p);
        }
        // column j = i + 1 of row i + 1
        int j = i + 1;
        int b = panelIndex(j, k1, w, 0, STRIP);
        double s = 0;
        for (int r = 0; r < w; r++) {
            s += v[oj + k0 + r] * -panel[b + r * STRIP];
        }
        v[oj + j] -= s;
    }

    /** Row i of the trailing update over columns k1..jMax, eight panel columns per sweep. */
    private static void trailingRow(double[] v, int n, double[] panel, int k0, int k1, int i, int jMax) {
        int w = k1 - k0;
        int oi = i * n;
        int p = 0;
        for (; p + 8 <= w; p += 8) {
            int o = oi + k0 + p;
            double l0 = v[o];
            double l1 = v[o + 1];
            double l2 = v[o + 2];
            double l3 = v[o + 3];
            double l4 = v[o + 4];
            double l5 = v[o + 5];
            double l6 = v[o + 6];
            double l7 = v[o + 7];
            for (int s0 = k1; s0 <= jMax; s0 += STRIP) {
                int b = panelIndex(s0, k1, w, p, STRIP);
                int end = Math.min(jMax, s0 + STRIP - 1);
                for (int j = s0; j <= end; j++, b++) {
                    v[oi + j] -= (l0 * -panel[b] + l1 * -panel[b + STRIP] + l2 * -panel[b + 2 * STRIP] + l3 * -panel[b + 3 * STRIP])
                            + (l4 * -panel[b + 4 * STRIP] + l5 * -panel[b + 5 * STRIP] + l6 * -panel[b + 6 * STRIP]
                            + l7 * -panel[b + 7 * STRIP]);
                }
            }
        }
        if (p < w) {
            trailingTail(v, n, panel, k0, k1, i, jMax, p);
        }
    }

    /** Row i, columns k1..jMax, panel columns pFrom..w-1 one at a time. */
    private static void trailingTail(double[] v, int n, double[] panel, int k0, int k1, int i, int jMax, int pFrom) {
        int w = k1 - k0;
        int oi = i * n;
        for (int p = pFrom; p < w; p++) {
            double l0 = v[oi + k0 + p];
            for (int s0 = k1; s0 <= jMax; s0 += STRIP) {
                int b = panelIndex(s0, k1, w, p, STRIP);
                int end = Math.min(jMax, s0 + STRIP - 1);
                for (int j = s0; j <= end; j++, b++) {
                    v[oi + j] -= l0 * -panel[b];
                }
            }
        }
    }
}
