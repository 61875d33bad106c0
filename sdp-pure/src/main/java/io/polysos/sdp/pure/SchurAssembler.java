package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assembles the Schur complement of the HKM direction,
 *
 * <pre>
 *   M_ij = sum_k tr(F_{i,k} Z_k^{-1} F_{j,k} X_k)  +  sum_p F_{i,p} F_{j,p} x_p / z_p
 * </pre>
 *
 * (PSD blocks, then the NONNEG part), exploiting the sparsity of the F matrices with the
 * formula chosen per (block, variable) in {@link ProblemData}: dense G = X F_i Z^{-1}, rows of
 * F_i Z^{-1} with entries of X F_i Z^{-1} formed on demand, or the entry-by-entry sum
 * (SDPA/CSDP's F1/F2/F3). Each row i of M is computed by one task, so rows are distributed
 * over threads without locking; within a block each unordered pair (i, j) is computed once,
 * by the variable that comes first in the block's order (densest first), and the two
 * triangles are summed at the end. Work arrays are sized once and reused.
 */
final class SchurAssembler {

    private final ProblemData d;
    private final ExecutorService pool;
    private final int tasks;
    private final Work[] work;

    /**
     * @param data the problem data
     * @param pool threads for the assembly, or null to assemble in the calling thread
     * @param threads the number of threads the pool may use (including the caller)
     */
    SchurAssembler(ProblemData data, ExecutorService pool, int threads) {
        this.d = data;
        this.pool = pool;
        this.tasks = pool == null ? 1 : Math.max(1, threads);
        this.work = new Work[tasks];
        for (int t = 0; t < tasks; t++) {
            work[t] = new Work(data.maxPsdSize);
        }
    }

    /** Per-thread work arrays. */
    private static final class Work {
        final double[] t;
        final double[] g;
        final boolean[] rowMark;

        Work(int n) {
            t = new double[n * n];
            g = new double[n * n];
            rowMark = new boolean[n];
        }
    }

    /**
     * Computes M (overwritten, m x m, symmetric on return).
     *
     * @param zinv Z_k^{-1} of each PSD block, not modified
     * @param x X_k of each PSD block, not modified
     * @param linRatio x_p / z_p of the NONNEG part, not modified
     * @param mOut the m x m output, modified
     */
    void assemble(DMatrixRMaj[] zinv, DMatrixRMaj[] x, double[] linRatio, DMatrixRMaj mOut) {
        int m = d.m;
        java.util.Arrays.fill(mOut.data, 0, m * m, 0.0);
        if (pool == null || m < 2) {
            for (int i = 0; i < m; i++) {
                row(i, zinv, x, linRatio, mOut.data, work[0]);
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>(tasks - 1);
            for (int t = 1; t < tasks; t++) {
                Work w = work[t];
                futures.add(pool.submit(() -> drain(next, zinv, x, linRatio, mOut.data, w)));
            }
            drain(next, zinv, x, linRatio, mOut.data, work[0]);
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while assembling the Schur complement", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("Schur complement assembly failed", e.getCause());
                }
            }
        }
        double[] a = mOut.data;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double s = a[i * m + j] + a[j * m + i];
                a[i * m + j] = s;
                a[j * m + i] = s;
            }
        }
    }

    private void drain(AtomicInteger next, DMatrixRMaj[] zinv, DMatrixRMaj[] x, double[] linRatio, double[] out, Work w) {
        int m = d.m;
        int i;
        while ((i = next.getAndIncrement()) < m) {
            row(i, zinv, x, linRatio, out, w);
        }
    }

    /** Computes the contributions owned by row i (pairs where i comes first). */
    private void row(int i, DMatrixRMaj[] zinv, DMatrixRMaj[] x, double[] linRatio, double[] out, Work w) {
        int m = d.m;
        int rowOff = i * m;
        int[] blocks = d.varBlock[i];
        int[] poss = d.varPos[i];
        for (int q = 0; q < blocks.length; q++) {
            int b = blocks[q];
            int a = poss[q];
            int n = d.psdSize[b];
            double[] zi = zinv[b].data;
            double[] xx = x[b].data;
            switch (d.formula[b][a]) {
                case ProblemData.FORMULA_SPARSE -> sparseRow(b, a, n, zi, xx, out, rowOff);
                case ProblemData.FORMULA_ROWS -> byRowsRow(b, a, n, zi, xx, out, rowOff, w);
                default -> denseRow(b, a, n, zi, xx, out, rowOff, w);
            }
        }
        // NONNEG part: sum_p F_ip F_jp r_p over j >= i
        for (int e = d.linColPtr[i]; e < d.linColPtr[i + 1]; e++) {
            int p = d.linColRow[e];
            double v = d.linColVal[e] * linRatio[p];
            for (int f = d.linRowPtr[p]; f < d.linRowPtr[p + 1]; f++) {
                int j = d.linRowVar[f];
                if (j >= i) {
                    out[rowOff + j] += v * d.linRowVal[f];
                }
            }
        }
    }

    /** T = A_i Z^{-1} on the rows of A_i (other rows untouched; rows in entRows zeroed first). */
    private void formT(int b, int a, int n, double[] zi, double[] t) {
        int[] rows = d.entRows[b][a];
        for (int r : rows) {
            java.util.Arrays.fill(t, r * n, r * n + n, 0.0);
        }
        int[] er = d.entRow[b][a];
        int[] ec = d.entCol[b][a];
        double[] ev = d.entVal[b][a];
        for (int e = 0; e < ev.length; e++) {
            int p = er[e];
            int q = ec[e];
            double v = ev[e];
            int po = p * n;
            int qo = q * n;
            for (int s = 0; s < n; s++) {
                t[po + s] += v * zi[qo + s];
            }
            if (p != q) {
                for (int s = 0; s < n; s++) {
                    t[qo + s] += v * zi[po + s];
                }
            }
        }
    }

    private void denseRow(int b, int a, int n, double[] zi, double[] xx, double[] out, int rowOff, Work w) {
        double[] t = w.t;
        double[] g = w.g;
        formT(b, a, n, zi, t);
        int[] rows = d.entRows[b][a];
        // G = X T (only the rows of T in 'rows' are nonzero)
        for (int r = 0; r < n; r++) {
            int ro = r * n;
            java.util.Arrays.fill(g, ro, ro + n, 0.0);
            for (int p : rows) {
                double xr = xx[ro + p];
                if (xr == 0.0) {
                    continue;
                }
                int po = p * n;
                for (int s = 0; s < n; s++) {
                    g[ro + s] += xr * t[po + s];
                }
            }
        }
        int[] vars = d.blockVars[b];
        for (int a2 = a; a2 < vars.length; a2++) {
            int[] er = d.entRow[b][a2];
            int[] ec = d.entCol[b][a2];
            double[] ev = d.entVal[b][a2];
            double s = 0;
            for (int e = 0; e < ev.length; e++) {
                int r = er[e];
                int c = ec[e];
                s += r == c ? ev[e] * g[r * n + r] : ev[e] * (g[r * n + c] + g[c * n + r]);
            }
            out[rowOff + vars[a2]] += s;
        }
    }

    private void byRowsRow(int b, int a, int n, double[] zi, double[] xx, double[] out, int rowOff, Work w) {
        double[] t = w.t;
        formT(b, a, n, zi, t);
        int[] rows = d.entRows[b][a];
        int[] vars = d.blockVars[b];
        for (int a2 = a; a2 < vars.length; a2++) {
            int[] er = d.entRow[b][a2];
            int[] ec = d.entCol[b][a2];
            double[] ev = d.entVal[b][a2];
            double s = 0;
            for (int e = 0; e < ev.length; e++) {
                int r = er[e];
                int c = ec[e];
                // G[r,c] = sum_p X[r,p] T[p,c]
                double grc = 0;
                int ro = r * n;
                for (int p : rows) {
                    grc += xx[ro + p] * t[p * n + c];
                }
                if (r != c) {
                    int co = c * n;
                    for (int p : rows) {
                        grc += xx[co + p] * t[p * n + r];
                    }
                }
                s += ev[e] * grc;
            }
            out[rowOff + vars[a2]] += s;
        }
    }

    private void sparseRow(int b, int a, int n, double[] zi, double[] xx, double[] out, int rowOff) {
        int[] ir = d.entRow[b][a];
        int[] ic = d.entCol[b][a];
        double[] iv = d.entVal[b][a];
        int[] vars = d.blockVars[b];
        for (int a2 = a; a2 < vars.length; a2++) {
            int[] er = d.entRow[b][a2];
            int[] ec = d.entCol[b][a2];
            double[] ev = d.entVal[b][a2];
            double s = 0;
            for (int e = 0; e < iv.length; e++) {
                int p = ir[e];
                int q = ic[e];
                double fa = p == q ? 0.5 * iv[e] : iv[e];
                int po = p * n;
                int qo = q * n;
                double sub = 0;
                for (int f = 0; f < ev.length; f++) {
                    int r = er[f];
                    int c = ec[f];
                    double fb = r == c ? 0.5 * ev[f] : ev[f];
                    // tr over the symmetric expansions of both entries: Zinv[q,r] X[c,p] + ...
                    sub += fb * (zi[qo + r] * xx[c * n + p] + zi[qo + c] * xx[r * n + p]
                            + zi[po + r] * xx[c * n + q] + zi[po + c] * xx[r * n + q]);
                }
                s += fa * sub;
            }
            out[rowOff + vars[a2]] += s;
        }
    }
}
