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

    /**
     * Rows per strip of the packed Cholesky panel: two vectors, the width of the trailing
     * update's register tile (see {@link #tile}).
     */
    private static final int STRIP = 2 * L;

    @Override
    int panelStrip() {
        return STRIP;
    }

    @Override
    void choleskyPanel(double[] a, int n, double[] panel, int k0, int k1, int lo, int hi) {
        int w = k1 - k0;
        for (int s0 = lo; s0 < hi; s0 += STRIP) {
            int base = panelIndex(s0, k1, w, 0, STRIP);
            int j = 0;
            for (; j + 4 <= w; j += 4) {
                panelColumns(a, n, panel, base, k0, j);
            }
            for (; j < w; j++) {
                panelColumn(a, n, panel, base, k0, j);
            }
        }
    }

    /**
     * Columns j..j+3 of one strip of the panel solve: the 4 x 2 vectors of the strip in
     * registers while they run over the columns p &lt; j (2 loads and 4 broadcasts per 8 fused
     * multiply-adds), then the triangle among the four columns, each column finished (divided
     * by its pivot and stored negated) before the next one uses it.
     */
    private static void panelColumns(double[] a, int n, double[] panel, int base, int k0, int j) {
        int o0 = (k0 + j) * n + k0;
        int o1 = o0 + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        int q0 = base + j * STRIP;
        int q1 = q0 + STRIP;
        int q2 = q1 + STRIP;
        int q3 = q2 + STRIP;
        DoubleVector c00 = DoubleVector.fromArray(S, panel, q0);
        DoubleVector c01 = DoubleVector.fromArray(S, panel, q0 + L);
        DoubleVector c10 = DoubleVector.fromArray(S, panel, q1);
        DoubleVector c11 = DoubleVector.fromArray(S, panel, q1 + L);
        DoubleVector c20 = DoubleVector.fromArray(S, panel, q2);
        DoubleVector c21 = DoubleVector.fromArray(S, panel, q2 + L);
        DoubleVector c30 = DoubleVector.fromArray(S, panel, q3);
        DoubleVector c31 = DoubleVector.fromArray(S, panel, q3 + L);
        for (int p = 0; p < j; p++) {
            int q = base + p * STRIP;
            DoubleVector b0 = DoubleVector.fromArray(S, panel, q);
            DoubleVector b1 = DoubleVector.fromArray(S, panel, q + L);
            DoubleVector l0 = DoubleVector.broadcast(S, a[o0 + p]);
            c00 = b0.fma(l0, c00);
            c01 = b1.fma(l0, c01);
            DoubleVector l1 = DoubleVector.broadcast(S, a[o1 + p]);
            c10 = b0.fma(l1, c10);
            c11 = b1.fma(l1, c11);
            DoubleVector l2 = DoubleVector.broadcast(S, a[o2 + p]);
            c20 = b0.fma(l2, c20);
            c21 = b1.fma(l2, c21);
            DoubleVector l3 = DoubleVector.broadcast(S, a[o3 + p]);
            c30 = b0.fma(l3, c30);
            c31 = b1.fma(l3, c31);
        }
        // column j
        c00 = c00.div(a[o0 + j]).neg();
        c01 = c01.div(a[o0 + j]).neg();
        c00.intoArray(panel, q0);
        c01.intoArray(panel, q0 + L);
        // column j+1: one more term (p = j), then its pivot
        DoubleVector l = DoubleVector.broadcast(S, a[o1 + j]);
        c10 = c00.fma(l, c10).div(a[o1 + j + 1]).neg();
        c11 = c01.fma(l, c11).div(a[o1 + j + 1]).neg();
        c10.intoArray(panel, q1);
        c11.intoArray(panel, q1 + L);
        // column j+2: p = j, j+1
        l = DoubleVector.broadcast(S, a[o2 + j]);
        c20 = c00.fma(l, c20);
        c21 = c01.fma(l, c21);
        l = DoubleVector.broadcast(S, a[o2 + j + 1]);
        c20 = c10.fma(l, c20).div(a[o2 + j + 2]).neg();
        c21 = c11.fma(l, c21).div(a[o2 + j + 2]).neg();
        c20.intoArray(panel, q2);
        c21.intoArray(panel, q2 + L);
        // column j+3: p = j, j+1, j+2
        l = DoubleVector.broadcast(S, a[o3 + j]);
        c30 = c00.fma(l, c30);
        c31 = c01.fma(l, c31);
        l = DoubleVector.broadcast(S, a[o3 + j + 1]);
        c30 = c10.fma(l, c30);
        c31 = c11.fma(l, c31);
        l = DoubleVector.broadcast(S, a[o3 + j + 2]);
        c30 = c20.fma(l, c30).div(a[o3 + j + 3]).neg();
        c31 = c21.fma(l, c31).div(a[o3 + j + 3]).neg();
        c30.intoArray(panel, q3);
        c31.intoArray(panel, q3 + L);
    }

    /** Column j of one strip of the panel solve (the columns left over by {@link #panelColumns}). */
    private static void panelColumn(double[] a, int n, double[] panel, int base, int k0, int j) {
        int oj = (k0 + j) * n + k0;
        int qj = base + j * STRIP;
        DoubleVector c0 = DoubleVector.fromArray(S, panel, qj);
        DoubleVector c1 = DoubleVector.fromArray(S, panel, qj + L);
        for (int p = 0; p < j; p++) {
            int q = base + p * STRIP;
            DoubleVector l = DoubleVector.broadcast(S, a[oj + p]);
            c0 = DoubleVector.fromArray(S, panel, q).fma(l, c0);
            c1 = DoubleVector.fromArray(S, panel, q + L).fma(l, c1);
        }
        c0.div(a[oj + j]).neg().intoArray(panel, qj);
        c1.div(a[oj + j]).neg().intoArray(panel, qj + L);
    }

    @Override
    void choleskyTrailing(double[] a, int n, double[] panel, int k0, int k1, int lo, int hi) {
        int w = k1 - k0;
        int i = lo;
        for (; i + 4 <= hi; i += 4) {
            int o0 = i * n;
            int j = k1;
            // full tiles: the strip's columns j..j+STRIP-1 lie on or below the diagonal of all four rows
            for (; j + STRIP - 1 <= i; j += STRIP) {
                tile(a, n, panel, panelIndex(j, k1, w, 0, STRIP), o0 + k0, o0 + j, w, i - j);
            }
            // tiles across the diagonal: computed whole (the strict upper triangle's entries are
            // read but not stored), unless a row of the tile would run past column n - 1
            for (; j <= i + 3 && j + STRIP <= n; j += STRIP) {
                tile(a, n, panel, panelIndex(j, k1, w, 0, STRIP), o0 + k0, o0 + j, w, i - j);
            }
            for (int r = 0; r < 4; r++) {
                rowTail(a, n, panel, k0, k1, i + r, j);
            }
        }
        for (; i < hi; i++) {
            rowTail(a, n, panel, k0, k1, i, k1);
        }
    }

    /**
     * One 4 x 2L tile of the trailing update: rows from offset c0 on (their panel columns from
     * offset l0), the columns of the strip at offset base of the panel; the tile's first row has
     * diag + 1 columns on or below the diagonal, and only those entries (diag + 1 + r in row r)
     * are stored. A small method of its
     * own: it is called thousands of times per factorization, so that the JIT compiles it (and
     * intrinsifies its vector operations) early in a fresh JVM; a long loop nest in one method
     * stays interpreted, at a small fraction of the speed, until an on-stack replacement
     * arrives (measured: 7.7 s for the first 923 x 923 factorization).
     */
    private static void tile(double[] a, int n, double[] panel, int base, int l0, int c0, int w, int diag) {
        int l1 = l0 + n;
        int l2 = l1 + n;
        int l3 = l2 + n;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        DoubleVector c00 = DoubleVector.fromArray(S, a, c0);
        DoubleVector c01 = DoubleVector.fromArray(S, a, c0 + L);
        DoubleVector c10 = DoubleVector.fromArray(S, a, c1);
        DoubleVector c11 = DoubleVector.fromArray(S, a, c1 + L);
        DoubleVector c20 = DoubleVector.fromArray(S, a, c2);
        DoubleVector c21 = DoubleVector.fromArray(S, a, c2 + L);
        DoubleVector c30 = DoubleVector.fromArray(S, a, c3);
        DoubleVector c31 = DoubleVector.fromArray(S, a, c3 + L);
        for (int p = 0; p < w; p++) {
            int q = base + p * STRIP;
            DoubleVector b0 = DoubleVector.fromArray(S, panel, q);
            DoubleVector b1 = DoubleVector.fromArray(S, panel, q + L);
            DoubleVector v0 = DoubleVector.broadcast(S, a[l0 + p]);
            c00 = b0.fma(v0, c00);
            c01 = b1.fma(v0, c01);
            DoubleVector v1 = DoubleVector.broadcast(S, a[l1 + p]);
            c10 = b0.fma(v1, c10);
            c11 = b1.fma(v1, c11);
            DoubleVector v2 = DoubleVector.broadcast(S, a[l2 + p]);
            c20 = b0.fma(v2, c20);
            c21 = b1.fma(v2, c21);
            DoubleVector v3 = DoubleVector.broadcast(S, a[l3 + p]);
            c30 = b0.fma(v3, c30);
            c31 = b1.fma(v3, c31);
        }
        if (diag >= STRIP - 1) {
            c00.intoArray(a, c0);
            c01.intoArray(a, c0 + L);
            c10.intoArray(a, c1);
            c11.intoArray(a, c1 + L);
            c20.intoArray(a, c2);
            c21.intoArray(a, c2 + L);
            c30.intoArray(a, c3);
            c31.intoArray(a, c3 + L);
        } else {
            storeFirst(c00, a, c0, diag + 1);
            storeFirst(c01, a, c0 + L, diag + 1 - L);
            storeFirst(c10, a, c1, diag + 2);
            storeFirst(c11, a, c1 + L, diag + 2 - L);
            storeFirst(c20, a, c2, diag + 3);
            storeFirst(c21, a, c2 + L, diag + 3 - L);
            storeFirst(c30, a, c3, diag + 4);
            storeFirst(c31, a, c3 + L, diag + 4 - L);
        }
    }

    /** Stores the first count lanes of c (all of them when count &gt;= L, none when count &lt;= 0). */
    private static void storeFirst(DoubleVector c, double[] a, int offset, int count) {
        if (count >= L) {
            c.intoArray(a, offset);
        } else {
            for (int k = 0; k < count; k++) {
                a[offset + k] = c.lane(k);
            }
        }
    }

    /** Row i of the trailing update over columns from..i (from at a strip): single vectors, then scalars. */
    private static void rowTail(double[] a, int n, double[] panel, int k0, int k1, int i, int from) {
        int w = k1 - k0;
        int oi = i * n;
        int j = from;
        for (; j + L - 1 <= i; j += L) {
            int q = panelIndex(j, k1, w, 0, STRIP);
            DoubleVector c = DoubleVector.fromArray(S, a, oi + j);
            for (int p = 0; p < w; p++) {
                c = DoubleVector.fromArray(S, panel, q + p * STRIP).fma(DoubleVector.broadcast(S, a[oi + k0 + p]), c);
            }
            c.intoArray(a, oi + j);
        }
        // the same fused operations in the same order as the vector lanes, so that an entry's
        // value does not depend on how rows were grouped (or split between threads)
        for (; j <= i; j++) {
            int q = panelIndex(j, k1, w, 0, STRIP);
            double c = a[oi + j];
            for (int p = 0; p < w; p++) {
                c = Math.fma(panel[q + p * STRIP], a[oi + k0 + p], c);
            }
            a[oi + j] = c;
        }
    }
}
