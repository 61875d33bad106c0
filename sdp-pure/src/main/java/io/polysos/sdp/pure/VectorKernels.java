package io.polysos.sdp.pure;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} with explicit SIMD through the JDK's Vector API (the preferred species of
 * the machine: 8 doubles with AVX-512, 4 with AVX2), fused multiply-adds and register
 * blocking: the Cholesky trailing update keeps a 4-row by 2-vector tile of the matrix in
 * registers while it runs over the panel (2 loads and 4 broadcasts per 8 fused multiply-adds),
 * and row combinations keep up to 4 vectors of the output row in registers while they run over
 * the combined rows. Loaded only when the module {@code jdk.incubator.vector} is present (see
 * {@link Kernels#get}).
 */
final class VectorKernels extends Kernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    String description() {
        return "Vector API (" + VECTOR_MODULE + ", " + S.vectorBitSize() + "-bit, " + L + " doubles per vector)";
    }

    @Override
    int lanes() {
        return L;
    }

    @Override
    boolean vectorized() {
        return L >= 4;
    }

    @Override
    void axpy(int len, double alpha, double[] x, int xo, double[] y, int yo) {
        int s = 0;
        if (len >= L) {
            DoubleVector av = DoubleVector.broadcast(S, alpha);
            for (; s + L <= len; s += L) {
                DoubleVector.fromArray(S, x, xo + s).fma(av, DoubleVector.fromArray(S, y, yo + s)).intoArray(y, yo + s);
            }
        }
        for (; s < len; s++) {
            y[yo + s] = Math.fma(alpha, x[xo + s], y[yo + s]);
        }
    }

    @Override
    double dot(int len, double[] x, int xo, double[] y, int yo) {
        int s = 0;
        double r = 0;
        if (len >= 2 * L) {
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = DoubleVector.zero(S);
            for (; s + 2 * L <= len; s += 2 * L) {
                a0 = DoubleVector.fromArray(S, x, xo + s).fma(DoubleVector.fromArray(S, y, yo + s), a0);
                a1 = DoubleVector.fromArray(S, x, xo + s + L).fma(DoubleVector.fromArray(S, y, yo + s + L), a1);
            }
            r = a0.add(a1).reduceLanes(VectorOperators.ADD);
        }
        for (; s < len; s++) {
            r += x[xo + s] * y[yo + s];
        }
        return r;
    }

    @Override
    void productRow(int len, int k, double[] a, int ao, double[] b, int bo, int ldb, double[] out, int oo) {
        int s = 0;
        for (; s + 4 * L <= len; s += 4 * L) {
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = DoubleVector.zero(S);
            DoubleVector c2 = DoubleVector.zero(S);
            DoubleVector c3 = DoubleVector.zero(S);
            for (int p = 0; p < k; p++) {
                DoubleVector v = DoubleVector.broadcast(S, a[ao + p]);
                int o = bo + p * ldb + s;
                c0 = DoubleVector.fromArray(S, b, o).fma(v, c0);
                c1 = DoubleVector.fromArray(S, b, o + L).fma(v, c1);
                c2 = DoubleVector.fromArray(S, b, o + 2 * L).fma(v, c2);
                c3 = DoubleVector.fromArray(S, b, o + 3 * L).fma(v, c3);
            }
            c0.intoArray(out, oo + s);
            c1.intoArray(out, oo + s + L);
            c2.intoArray(out, oo + s + 2 * L);
            c3.intoArray(out, oo + s + 3 * L);
        }
        for (; s + L <= len; s += L) {
            DoubleVector c0 = DoubleVector.zero(S);
            for (int p = 0; p < k; p++) {
                c0 = DoubleVector.fromArray(S, b, bo + p * ldb + s).fma(DoubleVector.broadcast(S, a[ao + p]), c0);
            }
            c0.intoArray(out, oo + s);
        }
        for (; s < len; s++) {
            double t = 0;
            for (int p = 0; p < k; p++) {
                t = Math.fma(a[ao + p], b[bo + p * ldb + s], t);
            }
            out[oo + s] = t;
        }
    }

    @Override
    void combineRows(int len, int[] idx, int count, double[] a, int ao, double[] b, int bo, int ldb, double[] out, int oo) {
        int s = 0;
        for (; s + 4 * L <= len; s += 4 * L) {
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = DoubleVector.zero(S);
            DoubleVector c2 = DoubleVector.zero(S);
            DoubleVector c3 = DoubleVector.zero(S);
            for (int q = 0; q < count; q++) {
                int p = idx[q];
                DoubleVector v = DoubleVector.broadcast(S, a[ao + p]);
                int o = bo + p * ldb + s;
                c0 = DoubleVector.fromArray(S, b, o).fma(v, c0);
                c1 = DoubleVector.fromArray(S, b, o + L).fma(v, c1);
                c2 = DoubleVector.fromArray(S, b, o + 2 * L).fma(v, c2);
                c3 = DoubleVector.fromArray(S, b, o + 3 * L).fma(v, c3);
            }
            c0.intoArray(out, oo + s);
            c1.intoArray(out, oo + s + L);
            c2.intoArray(out, oo + s + 2 * L);
            c3.intoArray(out, oo + s + 3 * L);
        }
        for (; s + L <= len; s += L) {
            DoubleVector c0 = DoubleVector.zero(S);
            for (int q = 0; q < count; q++) {
                int p = idx[q];
                c0 = DoubleVector.fromArray(S, b, bo + p * ldb + s).fma(DoubleVector.broadcast(S, a[ao + p]), c0);
            }
            c0.intoArray(out, oo + s);
        }
        for (; s < len; s++) {
            double t = 0;
            for (int q = 0; q < count; q++) {
                int p = idx[q];
                t = Math.fma(a[ao + p], b[bo + p * ldb + s], t);
            }
            out[oo + s] = t;
        }
    }

    @Override
    void combineRows4(int len, int[] idx, int count, double[] a, double[] b, int bo, int ldb, double[] out, int oo, int ldo) {
        int s = 0;
        for (; s + 2 * L <= len; s += 2 * L) {
            rows4Tile(idx, count, a, b, bo + s, ldb, out, oo + s, ldo);
        }
        for (; s + L <= len; s += L) {
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = DoubleVector.zero(S);
            DoubleVector c2 = DoubleVector.zero(S);
            DoubleVector c3 = DoubleVector.zero(S);
            for (int q = 0; q < count; q++) {
                DoubleVector v = DoubleVector.fromArray(S, b, bo + idx[q] * ldb + s);
                int o = 4 * q;
                c0 = v.fma(DoubleVector.broadcast(S, a[o]), c0);
                c1 = v.fma(DoubleVector.broadcast(S, a[o + 1]), c1);
                c2 = v.fma(DoubleVector.broadcast(S, a[o + 2]), c2);
                c3 = v.fma(DoubleVector.broadcast(S, a[o + 3]), c3);
            }
            c0.intoArray(out, oo + s);
            c1.intoArray(out, oo + ldo + s);
            c2.intoArray(out, oo + 2 * ldo + s);
            c3.intoArray(out, oo + 3 * ldo + s);
        }
        for (; s < len; s++) {
            for (int i = 0; i < 4; i++) {
                double t = 0;
                for (int q = 0; q < count; q++) {
                    t = Math.fma(a[4 * q + i], b[bo + idx[q] * ldb + s], t);
                }
                out[oo + i * ldo + s] = t;
            }
        }
    }

    /**
     * One 4 x 2L tile of {@link #combineRows4} (a small method of its own so that the JIT
     * compiles it early, like {@link #tile}): 2 loads and 4 broadcasts per 8 fused multiply-adds.
     */
    private static void rows4Tile(int[] idx, int count, double[] a, double[] b, int bo, int ldb, double[] out, int oo, int ldo) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S);
        DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S);
        DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S);
        DoubleVector c31 = DoubleVector.zero(S);
        for (int q = 0; q < count; q++) {
            int o = bo + idx[q] * ldb;
            DoubleVector b0 = DoubleVector.fromArray(S, b, o);
            DoubleVector b1 = DoubleVector.fromArray(S, b, o + L);
            int ao = 4 * q;
            DoubleVector l0 = DoubleVector.broadcast(S, a[ao]);
            c00 = b0.fma(l0, c00);
            c01 = b1.fma(l0, c01);
            DoubleVector l1 = DoubleVector.broadcast(S, a[ao + 1]);
            c10 = b0.fma(l1, c10);
            c11 = b1.fma(l1, c11);
            DoubleVector l2 = DoubleVector.broadcast(S, a[ao + 2]);
            c20 = b0.fma(l2, c20);
            c21 = b1.fma(l2, c21);
            DoubleVector l3 = DoubleVector.broadcast(S, a[ao + 3]);
            c30 = b0.fma(l3, c30);
            c31 = b1.fma(l3, c31);
        }
        c00.intoArray(out, oo);
        c01.intoArray(out, oo + L);
        c10.intoArray(out, oo + ldo);
        c11.intoArray(out, oo + ldo + L);
        c20.intoArray(out, oo + 2 * ldo);
        c21.intoArray(out, oo + 2 * ldo + L);
        c30.intoArray(out, oo + 3 * ldo);
        c31.intoArray(out, oo + 3 * ldo + L);
    }

    @Override
    void choleskyTrailing(double[] a, int n, double[][] panelT, int k0, int k1, int lo, int hi) {
        int w = k1 - k0;
        int i = lo;
        for (; i + 4 <= hi; i += 4) {
            int o0 = i * n;
            int j = k1;
            // full tiles: columns j..j+2L-1 lie on or below the diagonal of all four rows
            for (; j + 2 * L - 1 <= i; j += 2 * L) {
                tile(a, n, panelT, k0, w, o0, j);
            }
            for (int r = 0; r < 4; r++) {
                rowTail(a, n, panelT, k0, k1, i + r, j);
            }
        }
        for (; i < hi; i++) {
            rowTail(a, n, panelT, k0, k1, i, k1);
        }
    }

    /**
     * One 4 x 2L tile of the trailing update, rows from offset o0 on, columns j..j+2L-1. A
     * small method of its own: it is called thousands of times per factorization, so that the
     * JIT compiles it (and intrinsifies its vector operations) early in a fresh JVM; a long
     * loop nest in one method stays interpreted, at a small fraction of the speed, until an
     * on-stack replacement arrives (measured: 7.7 s for the first 923 x 923 factorization).
     */
    private static void tile(double[] a, int n, double[][] panelT, int k0, int w, int o0, int j) {
        int o1 = o0 + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        DoubleVector c00 = DoubleVector.fromArray(S, a, o0 + j);
        DoubleVector c01 = DoubleVector.fromArray(S, a, o0 + j + L);
        DoubleVector c10 = DoubleVector.fromArray(S, a, o1 + j);
        DoubleVector c11 = DoubleVector.fromArray(S, a, o1 + j + L);
        DoubleVector c20 = DoubleVector.fromArray(S, a, o2 + j);
        DoubleVector c21 = DoubleVector.fromArray(S, a, o2 + j + L);
        DoubleVector c30 = DoubleVector.fromArray(S, a, o3 + j);
        DoubleVector c31 = DoubleVector.fromArray(S, a, o3 + j + L);
        for (int p = 0; p < w; p++) {
            double[] pt = panelT[p];
            DoubleVector b0 = DoubleVector.fromArray(S, pt, j);
            DoubleVector b1 = DoubleVector.fromArray(S, pt, j + L);
            DoubleVector l0 = DoubleVector.broadcast(S, -a[o0 + k0 + p]);
            c00 = b0.fma(l0, c00);
            c01 = b1.fma(l0, c01);
            DoubleVector l1 = DoubleVector.broadcast(S, -a[o1 + k0 + p]);
            c10 = b0.fma(l1, c10);
            c11 = b1.fma(l1, c11);
            DoubleVector l2 = DoubleVector.broadcast(S, -a[o2 + k0 + p]);
            c20 = b0.fma(l2, c20);
            c21 = b1.fma(l2, c21);
            DoubleVector l3 = DoubleVector.broadcast(S, -a[o3 + k0 + p]);
            c30 = b0.fma(l3, c30);
            c31 = b1.fma(l3, c31);
        }
        c00.intoArray(a, o0 + j);
        c01.intoArray(a, o0 + j + L);
        c10.intoArray(a, o1 + j);
        c11.intoArray(a, o1 + j + L);
        c20.intoArray(a, o2 + j);
        c21.intoArray(a, o2 + j + L);
        c30.intoArray(a, o3 + j);
        c31.intoArray(a, o3 + j + L);
    }

    /** Row i of the trailing update over columns from..i: single vectors, then scalars. */
    private static void rowTail(double[] a, int n, double[][] panelT, int k0, int k1, int i, int from) {
        int w = k1 - k0;
        int oi = i * n;
        int j = from;
        for (; j + L - 1 <= i; j += L) {
            DoubleVector c = DoubleVector.fromArray(S, a, oi + j);
            for (int p = 0; p < w; p++) {
                c = DoubleVector.fromArray(S, panelT[p], j).fma(DoubleVector.broadcast(S, -a[oi + k0 + p]), c);
            }
            c.intoArray(a, oi + j);
        }
        // the same fused operations in the same order as the vector lanes, so that an entry's
        // value does not depend on how rows were grouped (or split between threads)
        for (; j <= i; j++) {
            double c = a[oi + j];
            for (int p = 0; p < w; p++) {
                c = Math.fma(-a[oi + k0 + p], panelT[p][j], c);
            }
            a[oi + j] = c;
        }
    }
}
