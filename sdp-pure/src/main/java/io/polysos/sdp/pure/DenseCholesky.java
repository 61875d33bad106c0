package io.polysos.sdp.pure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dense Cholesky factorization A = L L^T of a symmetric positive definite n x n matrix stored
 * row-major, in place in the lower triangle, and the solves with its factor. The factorization
 * is blocked and right-looking: for each panel of {@link #BLOCK} columns, the diagonal block is
 * factored, the rows below are solved against it, and the trailing lower triangle is updated by
 * A_ij -= sum_p L_ip L_jp with the panel transposed into contiguous rows, so that the innermost
 * loop is a unit-stride update of a row of A that the JIT vectorizes. The panel solve and the
 * trailing update are split over rows between the threads of an optional pool.
 *
 * <p>Work arrays are sized once in the constructor; {@link #factor} and {@link #solve} allocate
 * nothing apart from one small task object per panel and thread when a pool is used. Not
 * thread-safe.
 */
final class DenseCholesky {

    /** Panel width (columns per block step). */
    static final int BLOCK = 64;
    /** Rows per work unit handed to a thread in the parallel phases. */
    private static final int CHUNK = 8;
    /** Below this many trailing rows a panel step runs in the calling thread. */
    private static final int PARALLEL_MIN_ROWS = 96;

    private final int capacity;
    private final double[][] panelT;
    private final ExecutorService pool;
    private final int threads;
    private final Future<?>[] futures;
    private int n;
    private double[] a;

    /**
     * @param capacity the largest n that will be factored
     * @param pool threads for the panel and trailing updates, or null for the calling thread only
     * @param threads number of threads that may work at once, including the caller
     */
    DenseCholesky(int capacity, ExecutorService pool, int threads) {
        this.capacity = capacity;
        this.panelT = new double[BLOCK][capacity];
        this.pool = pool;
        this.threads = pool == null ? 1 : Math.max(1, threads);
        this.futures = new Future<?>[this.threads];
    }

    /**
     * Factors the n x n matrix in {@code data} (row-major, only the lower triangle is read) into
     * L, overwriting the lower triangle; the strict upper triangle is left untouched.
     *
     * @param data the matrix, modified (lower triangle becomes L)
     * @param size n, at most the capacity
     * @return false when a pivot is not positive and finite (the matrix is then not usable)
     */
    boolean factor(double[] data, int size) {
        if (size > capacity) {
            throw new IllegalArgumentException("size " + size + " exceeds the capacity " + capacity);
        }
        this.n = size;
        this.a = data;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int k1 = Math.min(n, k0 + BLOCK);
            if (!factorDiagonal(k0, k1)) {
                return false;
            }
            int rows = n - k1;
            if (rows == 0) {
                break;
            }
            final int kk0 = k0;
            final int kk1 = k1;
            runRows(k1, n, rows >= PARALLEL_MIN_ROWS, (lo, hi) -> panelRows(kk0, kk1, lo, hi));
            for (int p = k0; p < k1; p++) {
                double[] pt = panelT[p - k0];
                for (int i = k1; i < n; i++) {
                    pt[i] = a[i * n + p];
                }
            }
            runRows(k1, n, rows >= PARALLEL_MIN_ROWS, (lo, hi) -> trailingRows(kk0, kk1, lo, hi));
        }
        return true;
    }

    /** Unblocked factorization of the diagonal block [k0, k1). */
    private boolean factorDiagonal(int k0, int k1) {
        for (int i = k0; i < k1; i++) {
            int oi = i * n;
            for (int j = k0; j <= i; j++) {
                int oj = j * n;
                double s = a[oi + j];
                for (int p = k0; p < j; p++) {
                    s -= a[oi + p] * a[oj + p];
                }
                if (j == i) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    a[oi + i] = Math.sqrt(s);
                } else {
                    a[oi + j] = s / a[oj + j];
                }
            }
        }
        return true;
    }

    /** Rows [lo, hi) of the panel: L_ij = (A_ij - sum_{p<j} L_ip L_jp) / L_jj for j in [k0, k1). */
    private void panelRows(int k0, int k1, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int oi = i * n;
            for (int j = k0; j < k1; j++) {
                int oj = j * n;
                double s = a[oi + j];
                for (int p = k0; p < j; p++) {
                    s -= a[oi + p] * a[oj + p];
                }
                a[oi + j] = s / a[oj + j];
            }
        }
    }

    /** Rows [lo, hi) of the trailing update: A_ij -= sum_{p in [k0,k1)} L_ip L_jp, k1 &lt;= j &lt;= i. */
    private void trailingRows(int k0, int k1, int lo, int hi) {
        double[] v = a;
        int w = k1 - k0;
        for (int i = lo; i < hi; i++) {
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
                for (int j = k1; j <= i; j++) {
                    v[oi + j] -= (l0 * p0[j] + l1 * p1[j] + l2 * p2[j] + l3 * p3[j])
                            + (l4 * p4[j] + l5 * p5[j] + l6 * p6[j] + l7 * p7[j]);
                }
            }
            for (; p + 4 <= w; p += 4) {
                double l0 = v[oi + k0 + p];
                double l1 = v[oi + k0 + p + 1];
                double l2 = v[oi + k0 + p + 2];
                double l3 = v[oi + k0 + p + 3];
                double[] p0 = panelT[p];
                double[] p1 = panelT[p + 1];
                double[] p2 = panelT[p + 2];
                double[] p3 = panelT[p + 3];
                for (int j = k1; j <= i; j++) {
                    v[oi + j] -= l0 * p0[j] + l1 * p1[j] + l2 * p2[j] + l3 * p3[j];
                }
            }
            for (; p < w; p++) {
                double l0 = v[oi + k0 + p];
                double[] p0 = panelT[p];
                for (int j = k1; j <= i; j++) {
                    v[oi + j] -= l0 * p0[j];
                }
            }
        }
    }

    /** A task over a range of rows. */
    @FunctionalInterface
    private interface RowTask {
        void run(int lo, int hi);
    }

    /** Runs task over [from, to) in chunks, from the last rows (the longest) to the first. */
    private void runRows(int from, int to, boolean parallel, RowTask task) {
        if (!parallel || threads == 1) {
            task.run(from, to);
            return;
        }
        AtomicInteger next = new AtomicInteger(to);
        Runnable drain = () -> {
            while (true) {
                int hi = next.getAndAdd(-CHUNK);
                if (hi <= from) {
                    return;
                }
                task.run(Math.max(from, hi - CHUNK), hi);
            }
        };
        for (int t = 1; t < threads; t++) {
            futures[t] = pool.submit(drain);
        }
        drain.run();
        for (int t = 1; t < threads; t++) {
            Parallel.await(futures[t], "Cholesky factorization");
            futures[t] = null;
        }
    }

    /**
     * Solves L L^T x = b with the last factored L.
     *
     * @param b the right-hand side, overwritten by x (length at least n)
     */
    void solve(double[] b) {
        double[] l = a;
        // L u = b, by rows
        for (int i = 0; i < n; i++) {
            int oi = i * n;
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= l[oi + j] * b[j];
            }
            b[i] = s / l[oi + i];
        }
        // L^T x = u: once x_i is known, remove its contribution (row i of L) from earlier rows
        for (int i = n - 1; i >= 0; i--) {
            int oi = i * n;
            double xi = b[i] / l[oi + i];
            b[i] = xi;
            for (int j = 0; j < i; j++) {
                b[j] -= l[oi + j] * xi;
            }
        }
    }
}
