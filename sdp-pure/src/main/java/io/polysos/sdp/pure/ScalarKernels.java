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

    @Override
    void choleskyTrailing(double[] a, int n, double[][] panelT, int k0, int k1, int lo, int hi) {
        int i = lo;
        // pairs of rows share the loads of the transposed panel
        for (; i + 1 < hi; i += 2) {
            trailingPair(a, n, panelT, k0, k1, i);
        }
        if (i < hi) {
            trailingRow(a, n, panelT, k0, k1, i, i);
        }
    }

    /** Rows i and i+1 of the trailing update, eight panel columns per sweep. */
    private static void trailingPair(double[] v, int n, double[][] panelT, int k0, int k1, int i) {
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
            double[] p0 = panelT[p];
            double[] p1 = panelT[p + 1];
            double[] p2 = panelT[p + 2];
            double[] p3 = panelT[p + 3];
            double[] p4 = panelT[p + 4];
            double[] p5 = panelT[p + 5];
            double[] p6 = panelT[p + 6];
            double[] p7 = panelT[p + 7];
            for (int j = k1; j <= i; j++) {
                double a0 = p0[j];
                double a1 = p1[j];
                double a2 = p2[j];
                double a3 = p3[j];
                double a4 = p4[j];
                double a5 = p5[j];
                double a6 = p6[j];
                double a7 = p7[j];
                v[oi + j] -= (l0 * a0 + l1 * a1 + l2 * a2 + l3 * a3) + (l4 * a4 + l5 * a5 + l6 * a6 + l7 * a7);
                v[oj + j] -= (m0 * a0 + m1 * a1 + m2 * a2 + m3 * a3) + (m4 * a4 + m5 * a5 + m6 * a6 + m7 * a7);
            }
        }
        if (p < w) {
            trailingTail(v, n, panelT, k0, k1, i, i, p);
            trailingTail(v, n, panelT, k0, k1, i + 1, i, p);
        }
        // column j = i + 1 of row i + 1
        int j = i + 1;
        double s = 0;
        for (int r = 0; r < w; r++) {
            s += v[oj + k0 + r] * panelT[r][j];
        }
        v[oj + j] -= s;
    }

    /** Row i of the trailing update over columns k1..jMax. */
    private static void trailingRow(double[] v, int n, double[][] panelT, int k0, int k1, int i, int jMax) {
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
            double[] p0 = panelT[p];
            double[] p1 = panelT[p + 1];
            double[] p2 = panelT[p + 2];
            double[] p3 = panelT[p + 3];
            double[] p4 = panelT[p + 4];
            double[] p5 = panelT[p + 5];
            double[] p6 = panelT[p + 6];
            double[] p7 = panelT[p + 7];
            for (int j = k1; j <= jMax; j++) {
                v[oi + j] -= (l0 * p0[j] + l1 * p1[j] + l2 * p2[j] + l3 * p3[j])
                        + (l4 * p4[j] + l5 * p5[j] + l6 * p6[j] + l7 * p7[j]);
            }
        }
        if (p < w) {
            trailingTail(v, n, panelT, k0, k1, i, jMax, p);
        }
    }

    /** Row i, columns k1..jMax, panel columns pFrom..w-1 one at a time. */
    private static void trailingTail(double[] v, int n, double[][] panelT, int k0, int k1, int i, int jMax, int pFrom) {
        int w = k1 - k0;
        int oi = i * n;
        for (int p = pFrom; p < w; p++) {
            double l0 = v[oi + k0 + p];
            double[] p0 = panelT[p];
            for (int j = k1; j <= jMax; j++) {
                v[oi + j] -= l0 * p0[j];
            }
        }
    }
}
