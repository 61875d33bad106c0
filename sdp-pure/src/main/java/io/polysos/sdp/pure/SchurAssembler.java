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
 * (SDPA/CSDP's F1/F2/F3); or per block: the low-rank formula of small blocks shared by many
 * variables ({@link ProblemData#lowRankBlock}) and the moment formula of moment matrices
 * ({@link ProblemData#momentBlock}). Each row i of M is computed by one task, so rows are
 * distributed over threads without locking; within a block each unordered pair (i, j) is
 * computed once, by the variable that comes first in the block's order (densest first, or
 * ascending for a moment block), and the two triangles are summed at the end. Work arrays are
 * sized once and reused.
 */
final class SchurAssembler {

    private final ProblemData d;
    private final ExecutorService pool;
    private final int tasks;
    private final Work[] work;
    private final Kernels kernels;

    /**
     * @param data the problem data
     * @param pool threads for the assembly, or null to assemble in the calling thread
     * @param threads the number of threads the pool may use (including the caller)
     */
    SchurAssembler(ProblemData data, ExecutorService pool, int threads) {
        this.d = data;
        this.kernels = data.kernels;
        this.pool = pool;
        this.tasks = pool == null ? 1 : Math.max(1, threads);
        this.work = new Work[tasks];
        int lowPos = 0;
        int lowVars = 0;
        lowT = new double[data.nPsd][];
        for (int b = 0; b < data.nPsd; b++) {
            if (data.lowRankBlock[b]) {
                int np = data.posRow[b].length;
                lowPos = Math.max(lowPos, np);
                lowVars = Math.max(lowVars, data.blockVars[b].length);
                lowT[b] = new double[np * data.blockVars[b].length];
            }
        }
        int momentN = 0;
        int momentRows = 0;
        for (int b = 0; b < data.nPsd; b++) {
            if (data.momentBlock[b]) {
                momentN = Math.max(momentN, data.psdSize[b]);
                for (int[] rows : data.entRows[b]) {
                    momentRows = Math.max(momentRows, rows.length);
                }
            }
        }
        for (int t = 0; t < tasks; t++) {
            work[t] = new Work(data.maxPsdSize, data.maxPositions, lowPos, lowVars);
            work[t].lowRow = new double[lowVars];
            if (momentN > 0) {
                work[t].coef4 = new double[4 * momentRows];
            }
        }
    }

    /**
     * Per low-rank block b (null for the others): the table T_b[f][r] (row-major, positions x
     * the block's variables) = sum over the entries (p,q) of F_j in b of h_pq K_b[(p,q), f] for
     * the variable j of ascending rank r in the block, recomputed at every assembly; see
     * {@link #lowRankTable}.
     */
    private final double[][] lowT;

    /** Per-thread work arrays. */
    private static final class Work {
        final double[] t;
        /**
         * G of the dense and the moment formulas, with three spare rows for the moment
         * formula's last four-row group
         */
        final double[] g;
        /** per position of the block: partial sums of the sparse formula */
        final double[] acc;

        /** K_b of a low-rank block (positions x positions) */
        final double[] k;
        /** W_b of a low-rank block (variables x positions) */
        final double[] wv;
        /** a row of a low-rank block's contribution, by ascending rank (kept zero between uses) */
        double[] lowRow;
        /** one row of M (m), for {@link #assembleOnPattern}; allocated on its first use */
        double[] row;
        /** moment formula: four rows' coefficients of X packed by four */
        double[] coef4;

        Work(int n, int positions, int lowPositions, int lowVars) {
            t = new double[n * n];
            g = new double[(n + 3) * n];
            acc = new double[positions];
            k = new double[lowPositions * lowPositions];
            wv = new double[lowVars * lowPositions];
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
        assembleHalves(zinv, x, linRatio, mOut);
        symmetrizeBySum(mOut.data, m);
    }

    /**
     * Adds the two halves of M to mOut without symmetrizing: each unordered pair (i, j) of
     * variables sharing a block gets its contribution in one of the entries (i, j), (j, i), so
     * that M_ij = out_ij + out_ji for i != j (and M_ii = out_ii).
     */
    private void assembleHalves(DMatrixRMaj[] zinv, DMatrixRMaj[] x, double[] linRatio, DMatrixRMaj mOut) {
        int m = d.m;
        lowRankTables(zinv, x);
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
    }

    /**
     * Assembles M on a sparse pattern without any m x m array: each row task computes its
     * contributions (pairs where its variable comes first, as in {@link #assembleHalves}) into
     * a dense row of length m owned by its thread, then moves the entries of the full row's
     * pattern out of it (zeroing them): the columns j &lt;= i into {@code lower}, the columns
     * j &gt; i into {@code upper} at the position of (j, i). Every position of each array is
     * written by one row task only, so the threads need no locking, and M = lower + upper on
     * the pattern.
     *
     * @param zinv Z_k^{-1} of each PSD block, not modified
     * @param x X_k of each PSD block, not modified
     * @param linRatio x_p / z_p of the NONNEG part, not modified
     * @param rows the full rows of the pattern: pointers (m + 1), columns, and the position of
     *     (max, min) in the value arrays; not modified
     * @param lower the contributions of the rows to their own lower triangle, overwritten
     * @param upper the contributions of the rows to their upper triangle, overwritten
     */
    void assembleOnPattern(DMatrixRMaj[] zinv, DMatrixRMaj[] x, double[] linRatio, int[] rowPtr, int[] cols, int[] pos,
            double[] lower, double[] upper) {
        int m = d.m;
        lowRankTables(zinv, x);
        AtomicInteger next = new AtomicInteger();
        Runnable[] drains = new Runnable[tasks];
        for (int t = 0; t < tasks; t++) {
            Work w = work[t];
            if (w.row == null) {
                w.row = new double[m];
            }
            drains[t] = () -> {
                double[] acc = w.row;
                int i;
                while ((i = next.getAndIncrement()) < m) {
                    row(i, zinv, x, linRatio, acc, 0, w);
                    for (int q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
                        int j = cols[q];
                        if (j <= i) {
                            lower[pos[q]] = acc[j];
                        } else {
                            upper[pos[q]] = acc[j];
                        }
                        acc[j] = 0;
                    }
                }
            };
        }
        if (pool == null || m < 2) {
            drains[0].run();
            return;
        }
        List<Future<?>> futures = new ArrayList<>(tasks - 1);
        for (int t = 1; t < tasks; t++) {
            futures.add(pool.submit(drains[t]));
        }
        drains[0].run();
        for (Future<?> f : futures) {
            Parallel.await(f, "Schur complement assembly");
        }
    }

    /** Tile size of {@link #symmetrizeBySum} (two 32 x 32 tiles of doubles stay in L1). */
    private static final int TILE = 32;

    /** a_ij = a_ji = a_ij + a_ji for i != j, in tiles so that the column accesses stay in cache. */
    static void symmetrizeBySum(double[] a, int m) {
        for (int i0 = 0; i0 < m; i0 += TILE) {
            int i1 = Math.min(m, i0 + TILE);
            for (int j0 = i0; j0 < m; j0 += TILE) {
                int j1 = Math.min(m, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    for (int j = Math.max(j0, i + 1); j < j1; j++) {
                        double s = a[i * m + j] + a[j * m + i];
                        a[i * m + j] = s;
                        a[j * m + i] = s;
                    }
                }
            }
        }
    }

    /** Forms the tables of the low-rank blocks, in parallel over the blocks. */
    private void lowRankTables(DMatrixRMaj[] zinv, DMatrixRMaj[] x) {
        int count = 0;
        for (int b = 0; b < d.nPsd; b++) {
            if (d.lowRankBlock[b]) {
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        if (pool == null || count == 1) {
            for (int b = 0; b < d.nPsd; b++) {
                if (d.lowRankBlock[b]) {
                    lowRankTable(b, zinv[b].data, x[b].data, work[0]);
                }
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable[] drains = new Runnable[tasks];
        List<Future<?>> futures = new ArrayList<>(tasks - 1);
        for (int t = 0; t < tasks; t++) {
            Work w = work[t];
            drains[t] = () -> {
                int b;
                while ((b = next.getAndIncrement()) < d.nPsd) {
                    if (d.lowRankBlock[b]) {
                        lowRankTable(b, zinv[b].data, x[b].data, w);
                    }
                }
            };
        }
        for (int t = 1; t < tasks; t++) {
            futures.add(pool.submit(drains[t]));
        }
        drains[0].run();
        for (Future<?> f : futures) {
            Parallel.await(f, "Schur complement assembly (low-rank blocks)");
        }
    }

    /**
     * The low-rank formula for a small block b shared by many variables. With its used
     * upper-triangle positions f = (r, c) and the operator
     * K_b[(p,q),(r,c)] = Zi_qr X_pc + Zi_qc X_pr + Zi_pr X_qc + Zi_pc X_qr (symmetric), the
     * contribution of b is M_ij = sum_{f in F_i} h_f (W_b)_j[f] with (W_b)_j = sum_{e in F_j} h_e
     * K_b[e, .] and h the entry values with diagonal ones halved: the same sums as the sparse
     * formula, but arranged so that the block's row of variable i (of ascending rank r_i among
     * the block's variables) gets one unit-stride update of length r_i + 1 per entry of F_i from
     * the transposed table T_b = W_b^T, instead of one indexed gather per entry of every later
     * variable, and is then added into row i of M at the block's variables. A block shared by
     * n_b variables (a localizing matrix of a moment relaxation) thus costs nnz(b) n_b / 2
     * multiply-adds at SIMD speed and n_b^2 / 2 scattered sums per assembly.
     */
    private void lowRankTable(int b, double[] zi, double[] xx, Work w) {
        int n = d.psdSize[b];
        int[] pr = d.posRow[b];
        int[] pc = d.posCol[b];
        int np = pr.length;
        double[] k = w.k;
        for (int e = 0; e < np; e++) {
            int po = pr[e] * n;
            int qo = pc[e] * n;
            int ko = e * np;
            for (int f = 0; f < np; f++) {
                int r = pr[f];
                int c = pc[f];
                k[ko + f] = zi[qo + r] * xx[po + c] + zi[qo + c] * xx[po + r] + zi[po + r] * xx[qo + c] + zi[po + c] * xx[qo + r];
            }
        }
        int[] vars = d.blockVars[b];
        int[] ep = d.entPos[b];
        double[] eh = d.entHalf[b];
        int[] start = d.entStart[b];
        double[] wv = w.wv;
        java.util.Arrays.fill(wv, 0, vars.length * np, 0.0);
        int[] rank = d.lowRankRank[b];
        for (int a = 0; a < vars.length; a++) {
            // W_b's rows by ascending rank, so that T_b is its plain transpose
            int wo = rank[a] * np;
            for (int f = start[a]; f < start[a + 1]; f++) {
                kernels.axpy(np, eh[f], k, ep[f] * np, wv, wo);
            }
        }
        transpose(wv, vars.length, np, lowT[b]);
    }

    /** Tile size of {@link #transpose} (two 8 x 8 tiles of doubles are 1 KiB). */
    private static final int TRANSPOSE_TILE = 8;

    /** out (cols x rows) = a^T for a row-major rows x cols matrix a, in tiles. */
    static void transpose(double[] a, int rows, int cols, double[] out) {
        for (int r0 = 0; r0 < rows; r0 += TRANSPOSE_TILE) {
            int r1 = Math.min(rows, r0 + TRANSPOSE_TILE);
            for (int c0 = 0; c0 < cols; c0 += TRANSPOSE_TILE) {
                int c1 = Math.min(cols, c0 + TRANSPOSE_TILE);
                for (int c = c0; c < c1; c++) {
                    int oo = c * rows;
                    for (int r = r0; r < r1; r++) {
                        out[oo + r] = a[r * cols + c];
                    }
                }
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
        row(i, zinv, x, linRatio, out, i * d.m, w);
    }

    /** As {@link #row(int, DMatrixRMaj[], DMatrixRMaj[], double[], double[], Work)}, into out from rowOff. */
    private void row(int i, DMatrixRMaj[] zinv, DMatrixRMaj[] x, double[] linRatio, double[] out, int rowOff, Work w) {
        int m = d.m;
        int[] blocks = d.varBlock[i];
        int[] poss = d.varPos[i];
        for (int q = 0; q < blocks.length; q++) {
            int b = blocks[q];
            int a = poss[q];
            int n = d.psdSize[b];
            if (d.lowRankBlock[b]) {
                // M_ij for all j <= i of the block at once: one update of the block's row per
                // entry of F_i (by ascending rank), then one scattered sum per pair
                double[] t = lowT[b];
                int[] ep = d.entPos[b];
                double[] eh = d.entHalf[b];
                int nv = d.blockVars[b].length;
                int len = d.lowRankRank[b][a] + 1;
                double[] lrow = w.lowRow;
                for (int f = d.entStart[b][a]; f < d.entStart[b][a + 1]; f++) {
                    kernels.axpy(len, eh[f], t, ep[f] * nv, lrow, 0);
                }
                int[] asc = d.lowRankVars[b];
                for (int r = 0; r < len; r++) {
                    out[rowOff + asc[r]] += lrow[r];
                    lrow[r] = 0.0;
                }
                continue;
            }
            double[] zi = zinv[b].data;
            double[] xx = x[b].data;
            if (d.momentBlock[b]) {
                momentRow(b, a, n, zi, xx, out, rowOff, w);
                continue;
            }
            switch (d.formula[b][a]) {
                case ProblemData.FORMULA_SPARSE -> sparseRow(b, a, n, zi, xx, out, rowOff, w);
                case ProblemData.FORMULA_ROWS -> byRowsRow(b, a, n, zi, xx, out, rowOff, w);
                case ProblemData.FORMULA_DENSE -> denseRow(b, a, n, zi, xx, out, rowOff, w);
                default -> throw new IllegalStateException("unknown Schur formula " + d.formula[b][a]);
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
            kernels.axpy(n, v, zi, q * n, t, p * n);
            if (p != q) {
                kernels.axpy(n, v, zi, p * n, t, q * n);
            }
        }
    }

    private void denseRow(int b, int a, int n, double[] zi, double[] xx, double[] out, int rowOff, Work w) {
        double[] t = w.t;
        double[] g = w.g;
        formT(b, a, n, zi, t);
        int[] rows = d.entRows[b][a];
        int[] stair = d.stair[b][a];
        // G = X T (only the rows of T in 'rows' are nonzero), one output row at a time, on the
        // staircase that the later variables of the block read
        if (stair == null) {
            for (int r = 0; r < n; r++) {
                kernels.combineRows(n, rows, rows.length, xx, r * n, t, 0, n, g, r * n);
            }
        } else {
            for (int r = 0; r < n; r++) {
                int from = stair[r];
                if (from < n) {
                    kernels.combineRows(n - from, rows, rows.length, xx, r * n, t, from, n, g, r * n + from);
                }
            }
        }
        int[] vars = d.blockVars[b];
        for (int a2 = a; a2 < vars.length; a2++) {
            int[] up = d.entUpper[b][a2];
            int[] lo = d.entLower[b][a2];
            double[] hv = d.entHalved[b][a2];
            double s = 0;
            for (int e = 0; e < hv.length; e++) {
                s += hv[e] * (g[up[e]] + g[lo[e]]);
            }
            out[rowOff + vars[a2]] += s;
        }
    }

    /**
     * The moment formula (see {@link ProblemData#momentBlock}): G = X T with T = A_i Z^{-1},
     * four rows at a time on the staircase that the later variables of the block read (the
     * rest of G is left as it was), then M_ij = sum of (A_j)_rc G_rc over the full-matrix
     * positions of each later variable j, two partial sums per variable.
     */
    private void momentRow(int b, int a, int n, double[] zi, double[] xx, double[] out, int rowOff, Work w) {
        double[] t = w.t;
        formT(b, a, n, zi, t);
        int[] rows = d.entRows[b][a];
        int k = rows.length;
        int[] stair = d.stair[b][a];
        double[] coef = w.coef4;
        double[] g = w.g;
        for (int r0 = 0; r0 < n; r0 += 4) {
            int cnt = Math.min(4, n - r0);
            int from = n;
            for (int i = 0; i < cnt; i++) {
                from = Math.min(from, stair[r0 + i]);
            }
            if (from >= n) {
                continue;
            }
            for (int q = 0; q < k; q++) {
                int p = rows[q];
                for (int i = 0; i < 4; i++) {
                    coef[4 * q + i] = i < cnt ? xx[(r0 + i) * n + p] : 0.0;
                }
            }
            // rows r0 .. r0+3 of G (past the last row: the three spare rows of g)
            kernels.combineRows4(n - from, rows, k, coef, t, from, n, g, r0 * n + from, n);
        }
        int[] vars = d.blockVars[b];
        int[] fi = d.fullIndex[b];
        double[] fv = d.fullValue[b];
        int[] fs = d.fullStart[b];
        for (int a2 = a; a2 < vars.length; a2++) {
            int e = fs[a2];
            int end = fs[a2 + 1];
            double s0 = 0;
            double s1 = 0;
            for (; e + 1 < end; e += 2) {
                s0 += fv[e] * g[fi[e]];
                s1 += fv[e + 1] * g[fi[e + 1]];
            }
            if (e < end) {
                s0 += fv[e] * g[fi[e]];
            }
            out[rowOff + vars[a2]] += s0 + s1;
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

    /**
     * M_ij for the variables j from position a on, entry by entry: with a_pq the entries of
     * A_i and b_rc those of A_j (upper triangles, diagonal values halved),
     * M_ij = sum_pq a_pq sum_rc b_rc (Zi_qr X_pc + Zi_qc X_pr + Zi_pr X_qc + Zi_pc X_qr).
     * The inner sum depends on (r, c) only: it runs once per entry of A_i over the positions
     * used by the later variables of the block (a suffix of the block's positions), and each
     * later variable then gathers its entries' values times those sums.
     */
    private void sparseRow(int b, int a, int n, double[] zi, double[] xx, double[] out, int rowOff, Work w) {
        int[] ir = d.entRow[b][a];
        int[] ic = d.entCol[b][a];
        double[] iv = d.entVal[b][a];
        int[] pr = d.posRow[b];
        int[] pc = d.posCol[b];
        int from = d.posFrom[b][a];
        int to = pr.length;
        double[] acc = w.acc;
        java.util.Arrays.fill(acc, from, to, 0.0);
        int e = 0;
        // two entries of A_i per sweep share the loads of positions and partial sums
        for (; e + 2 <= iv.length; e += 2) {
            int p = ir[e];
            int q = ic[e];
            double fa = p == q ? 0.5 * iv[e] : iv[e];
            int po = p * n;
            int qo = q * n;
            int p2 = ir[e + 1];
            int q2 = ic[e + 1];
            double fb = p2 == q2 ? 0.5 * iv[e + 1] : iv[e + 1];
            int po2 = p2 * n;
            int qo2 = q2 * n;
            for (int f = from; f < to; f++) {
                int r = pr[f];
                int c = pc[f];
                acc[f] += fa * (zi[qo + r] * xx[po + c] + zi[qo + c] * xx[po + r]
                        + zi[po + r] * xx[qo + c] + zi[po + c] * xx[qo + r])
                        + fb * (zi[qo2 + r] * xx[po2 + c] + zi[qo2 + c] * xx[po2 + r]
                        + zi[po2 + r] * xx[qo2 + c] + zi[po2 + c] * xx[qo2 + r]);
            }
        }
        for (; e < iv.length; e++) {
            int p = ir[e];
            int q = ic[e];
            double fa = p == q ? 0.5 * iv[e] : iv[e];
            int po = p * n;
            int qo = q * n;
            for (int f = from; f < to; f++) {
                int r = pr[f];
                int c = pc[f];
                acc[f] += fa * (zi[qo + r] * xx[po + c] + zi[qo + c] * xx[po + r]
                        + zi[po + r] * xx[qo + c] + zi[po + c] * xx[qo + r]);
            }
        }
        int[] vars = d.blockVars[b];
        int[] ep = d.entPos[b];
        double[] eh = d.entHalf[b];
        int[] start = d.entStart[b];
        for (int a2 = a; a2 < vars.length; a2++) {
            double s = 0;
            for (int f = start[a2]; f < start[a2 + 1]; f++) {
                s += eh[f] * acc[ep[f]];
            }
            out[rowOff + vars[a2]] += s;
        }
    }
}
