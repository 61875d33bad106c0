package io.polysos.sdp.pure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dense Cholesky factorization A = L L^T of a symmetric positive definite n x n matrix stored
 * row-major, in place in the lower triangle, and the solves with its factor. The factorization
 * is blocked and right-looking: for each panel of {@link #BLOCK} columns, the diagonal block is
 * factored, the rows below are copied into a packed panel (strips of rows, see
 * {@link Kernels#panelStrip}) and solved against it with {@link Kernels#choleskyPanel}, and the
 * trailing lower triangle is updated by A_ij -= sum_p L_ip L_jp with
 * {@link Kernels#choleskyTrailing} (both register-blocked SIMD with the Vector API kernels). The
 * panel solve and the trailing update are split over rows between the threads of an optional
 * pool.
 *
 * <p>Rounding: every entry gets a fixed sequence of operations. Within the diagonal block,
 * s -= L_ip L_jp (separate multiply and subtract), p ascending. Elsewhere, with the SIMD
 * kernels, one fused multiply-add per p, p ascending, then the division by L_jj, whatever the
 * threads and however rows are grouped; with the scalar kernels, separate multiply and add in
 * the panel solve, and sums of eight products in the trailing update, where rows are paired
 * (see {@link ScalarKernels#choleskyTrailing}). DenseCholeskyRoundingTest checks every bit
 * against plain loops.
 *
 * <p>With a {@link NativeLapack} the factorization is the native one (same storage, same
 * result up to rounding) and the solves stay in Java.
 *
 * <p>Work arrays are sized once in the constructor; {@link #factor} and {@link #solve} allocate
 * nothing apart from one small task object per panel and thread when a pool is used. Not
 * thread-safe.
 */
final class DenseCholesky {

    /**
     * Panel width (columns per block step). It also decides the rounding (which products are
     * subtracted separately in the diagonal block rather than fused), so changing it changes
     * the factor in the last bits.
     */
    static final int BLOCK = 64;
    /**
     * Rows per work unit handed to a thread in the trailing update (and the least per thread
     * in the panel solve). Even: the scalar kernels pair the rows of a unit from its first one,
     * so with units ending at n the pairs, and hence the rounding, are the same for any even
     * size (see {@link #runRows}).
     */
    static final int CHUNK = 8;
    /** Doubles per cache line: the rows copied together between the matrix and the panel. */
    private static final int LINE = 8;
    /** Below this many trailing rows a panel step runs in the calling thread. */
    private static final int PARALLEL_MIN_ROWS = 96;

    private final int capacity;
    /** The packed panel (see {@link Kernels#panelStrip}). */
    private final double[] panel;
    private final int strip;
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
        this.strip = kernels.panelStrip();
        this.panel = lapack != null ? null : new double[BLOCK * ((capacity + strip - 1) / strip * strip)];
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
            boolean parallel = rows >= PARALLEL_MIN_ROWS;
            // the panel solve: each thread one long range of whole strips
            int share = (Math.max(CHUNK, (rows + threads - 1) / threads) + strip - 1) / strip * strip;
            runRows(k1, n, parallel, share, true, (lo, hi) -> panelRows(kk0, kk1, lo, hi));
            runRows(k1, n, parallel, CHUNK, false, (lo, hi) -> kernels.choleskyTrailing(a, n, panel, kk0, kk1, lo, hi));
        }
        return true;
    }

    /**
     * Unblocked factorization of the diagonal block [k0, k1), column by column: the pivot,
     * then the column below it four rows at a time (four independent sums in flight rather
     * than one long dependency chain; each entry is still s -= L_ip L_jp, p ascending).
     */
    private boolean factorDiagonal(int k0, int k1) {
        for (int j = k0; j < k1; j++) {
            int oj = j * n;
            double d = a[oj + j];
            for (int p = k0; p < j; p++) {
                d -= a[oj + p] * a[oj + p];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            d = Math.sqrt(d);
            a[oj + j] = d;
            int i = j + 1;
            for (; i + 4 <= k1; i += 4) {
                int o0 = i * n;
                int o1 = o0 + n;
                int o2 = o1 + n;
                int o3 = o2 + n;
                double s0 = a[o0 + j];
                double s1 = a[o1 + j];
                double s2 = a[o2 + j];
                double s3 = a[o3 + j];
                for (int p = k0; p < j; p++) {
                    double l = a[oj + p];
                    s0 -= a[o0 + p] * l;
                    s1 -= a[o1 + p] * l;
                    s2 -= a[o2 + p] * l;
                    s3 -= a[o3 + p] * l;
                }
                a[o0 + j] = s0 / d;
                a[o1 + j] = s1 / d;
                a[o2 + j] = s2 / d;
                a[o3 + j] = s3 / d;
            }
            for (; i < k1; i++) {
                int oi = i * n;
                double s = a[oi + j];
                for (int p = k0; p < j; p++) {
                    s -= a[oi + p] * a[oj + p];
                }
                a[oi + j] = s / d;
            }
        }
        return true;
    }

    /**
     * Rows [lo, hi) of the panel (lo - k1 a multiple of the strip): copied into their strips
     * of the packed panel (a last partial strip padded with zeros), solved there by
     * {@link Kernels#choleskyPanel}, and the factor written back into the rows.
     */
    private void panelRows(int k0, int k1, int lo, int hi) {
        int w = k1 - k0;
        for (int s0 = lo; s0 < hi; s0 += strip) {
            int base = Kernels.panelIndex(s0, k1, w, 0, strip);
            int rows = Math.min(strip, hi - s0);
            // a cache line of rows at a time, column by column: each row's line of a is read
            // for LINE columns in a row, and each line of the panel is written whole (a
            // strip's columns lie a power of two apart and would evict each other otherwise)
            for (int r0 = 0; r0 < rows; r0 += LINE) {
                int r1 = Math.min(r0 + LINE, rows);
                for (int p = 0; p < w; p++) {
                    int q = base + p * strip;
                    for (int r = r0; r < r1; r++) {
                        panel[q + r] = a[(s0 + r) * n + k0 + p];
                    }
                }
            }
            if (rows < strip) {
                for (int p = 0; p < w; p++) {
                    java.util.Arrays.fill(panel, base + p * strip + rows, base + (p + 1) * strip, 0.0);
                }
            }
        }
        kernels.choleskyPanel(a, n, panel, k0, k1, lo, hi);
        for (int s0 = lo; s0 < hi; s0 += strip) {
            int base = Kernels.panelIndex(s0, k1, w, 0, strip);
            int rows = Math.min(strip, hi - s0);
            for (int r0 = 0; r0 < rows; r0 += LINE) {
                int r1 = Math.min(r0 + LINE, rows);
                for (int p = 0; p < w; p++) {
                    int q = base + p * strip;
                    for (int r = r0; r < r1; r++) {
                        a[(s0 + r) * n + k0 + p] = -panel[q + r];
                    }
                }
            }
        }
    }

    /** A task over a range of rows. */
    @FunctionalInterface
    private interface RowTask {
        void run(int lo, int hi);
    }

    /**
     * Runs task over [from, to) in chunks of the given size, from the last rows (the longest)
     * to the first. The chunk boundaries lie at from + k * chunk when fromStart (the panel
     * solve: its ranges must start at a strip), else at to - k * chunk (the trailing update:
     * the scalar kernels pair rows from the start of each range, and the rounding of a pair's
     * second diagonal entry differs from a single row's, so the boundaries decide its bits).
     */
    private void runRows(int from, int to, boolean parallel, int chunk, boolean fromStart, RowTask task) {
        if (!parallel || threads == 1) {
            task.run(from, to);
            return;
        }
        int chunks = (to - from + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger(chunks);
        Runnable drain = () -> {
            while (true) {
                int c = next.decrementAndGet();
                if (c < 0) {
                    return;
                }
                if (fromStart) {
                    task.run(from + c * chunk, Math.min(to, from + (c + 1) * chunk));
                } else {
                    int hi = to - (chunks - 1 - c) * chunk;
                    task.run(Math.max(from, hi - chunk), hi);
                }
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
