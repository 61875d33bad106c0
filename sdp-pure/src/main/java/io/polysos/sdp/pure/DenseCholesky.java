package io.polysos.sdp.pure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dense Cholesky factorization A = L L^T of a symmetric positive definite n x n matrix stored
 * row-major, in place in the lower triangle, and the solves with its factor. The factorization
 * is blocked and right-looking: for each panel of {@link #BLOCK} columns, the diagonal block is
 * factored, the rows below are solved against it column by column in a transposed copy of the
 * panel (unit-stride updates over rows), and the trailing lower triangle is updated by
 * A_ij -= sum_p L_ip L_jp with {@link Kernels#choleskyTrailing} (register-blocked SIMD with the
 * Vector API kernels). The panel solve and the trailing update are split over rows between the
 * threads of an optional pool.
 *
 * <p>With a {@link NativeLapack} the factorization is the native one (same storage, same
 * result up to rounding) and the solves stay in Java.
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
    private final Kernels kernels;
    private final NativeLapack lapack;
    private int n;
    private double[] a;

    /**
     * @param capacity the largest n that will be factored
     * @param pool threads for the panel and trailing updates, or null for the calling thread only
     * @param threads number of threads that may work at once, including the caller
     */
    DenseCholesky(int capacity, ExecutorService pool, int threads) {
        this(capacity, pool, threads, Kernels.get());
    }

    /**
     * @param capacity the largest n that will be factored
     * @param pool threads for the panel and trailing updates, or null for the calling thread only
     * @param threads number of threads that may work at once, including the caller
     * @param kernels the dense kernels to use
     */
    DenseCholesky(int capacity, ExecutorService pool, int threads, Kernels kernels) {
        this(capacity, pool, threads, kernels, null);
    }

    /**
     * @param capacity the largest n that will be factored
     * @param pool threads for the panel and trailing updates, or null for the calling thread only
     * @param threads number of threads that may work at once, including the caller
     * @param kernels the dense kernels to use (the solves, and the factorization without lapack)
     * @param lapack a native factorization used instead of the Java one, or null
     */
    DenseCholesky(int capacity, ExecutorService pool, int threads, Kernels kernels, NativeLapack lapack) {
        this.kernels = kernels;
        this.lapack = lapack;
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
        if (data.length < (long) size * size) {
            throw new IllegalArgumentException("a " + size + "x" + size + " matrix needs " + (long) size * size
                    + " entries, the array has " + data.length);
        }
        this.n = size;
        this.a = data;
        if (lapack != null) {
            return lapack.factor(data, size, threads);
        }
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
            // the panel's updates run over the rows: hand each thread one long range
            runRows(k1, n, rows >= PARALLEL_MIN_ROWS, Math.max(CHUNK, (rows + threads - 1) / threads),
                    (lo, hi) -> panelRows(kk0, kk1, lo, hi));
            runRows(k1, n, rows >= PARALLEL_MIN_ROWS, CHUNK, (lo, hi) -> kernels.choleskyTrailing(a, n, panelT, kk0, kk1, lo, hi));
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

    /**
     * Rows [lo, hi) of the panel, column by column in the transposed panel (unit-stride
     * updates over the rows): L_ij = (A_ij - sum_{p&lt;j} L_ip L_jp) / L_jj for j in [k0, k1);
     * the result is left in panelT and written back into the rows.
     */
    private void panelRows(int k0, int k1, int lo, int hi) {
        int w = k1 - k0;
        int len = hi - lo;
        for (int p = 0; p < w; p++) {
            double[] pt = panelT[p];
            for (int i = lo; i < hi; i++) {
                pt[i] = a[i * n + k0 + p];
            }
        }
        for (int jj = 0; jj < w; jj++) {
            int oj = (k0 + jj) * n;
            double[] col = panelT[jj];
            for (int p = 0; p < jj; p++) {
                kernels.axpy(len, -a[oj + k0 + p], panelT[p], lo, col, lo);
            }
            double d = a[oj + k0 + jj];
            for (int i = lo; i < hi; i++) {
                col[i] /= d;
            }
        }
        for (int i = lo; i < hi; i++) {
            int oi = i * n + k0;
            for (int p = 0; p < w; p++) {
                a[oi + p] = panelT[p][i];
            }
        }
    }

    /** A task over a range of rows. */
    @FunctionalInterface
    private interface RowTask {
        void run(int lo, int hi);
    }

    /** Runs task over [from, to) in chunks, from the last rows (the longest) to the first. */
    private void runRows(int from, int to, boolean parallel, int chunk, RowTask task) {
        if (!parallel || threads == 1) {
            task.run(from, to);
            return;
        }
        AtomicInteger next = new AtomicInteger(to);
        Runnable drain = () -> {
            while (true) {
                int hi = next.getAndAdd(-chunk);
                if (hi <= from) {
                    return;
                }
                task.run(Math.max(from, hi - chunk), hi);
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
            kernels.axpy(i, -xi, l, oi, b, 0);
        }
    }
}
