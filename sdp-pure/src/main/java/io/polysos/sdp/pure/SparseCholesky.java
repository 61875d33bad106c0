package io.polysos.sdp.pure;

import java.util.PriorityQueue;

/**
 * Sparse Cholesky factorization P A P^T = L L^T of a symmetric positive definite n x n matrix
 * with a fixed sparsity pattern, for Schur complements whose pattern is known before the
 * iteration starts ({@link SchurPattern}).
 *
 * <p>Lifecycle: the constructor takes the pattern of the lower triangle (rows, each with its
 * sorted column indices j &lt;= i, the diagonal included) and does everything that depends on
 * the pattern only, once: a fill-reducing ordering P by exact minimum degree on the
 * elimination graph ({@link #minimumDegree}), the elimination tree and the column counts of L
 * (symbolic factorization). {@link #factor} then computes L from values on the pattern, as
 * often as needed, with the up-looking algorithm of CSparse's {@code cs_chol} (Davis, Direct
 * Methods for Sparse Linear Systems, SIAM 2006, ch. 4): row k of L by a sparse triangular
 * solve whose nonzero pattern is the reach of row k of A in the elimination tree. The work is
 * proportional to the flops of the factorization ({@link #flops}), so a Schur complement of
 * a chained sparse relaxation (banded after ordering) factors in a fraction of the dense
 * time. {@link #solve} solves A x = b with the last factor.
 *
 * <p>Work arrays are sized in the constructor; {@link #factor} and {@link #solve} allocate
 * nothing. Not thread-safe.
 */
final class SparseCholesky {

    /** n, the order of the matrix. */
    private final int n;
    /** perm[k]: the original index at position k of the ordering. */
    private final int[] perm;
    /** pinv[i]: the position of original index i in the ordering. */
    private final int[] pinv;
    /** Permuted matrix C = P A P^T, upper triangle by columns: column pointers (n + 1). */
    private final int[] cp;
    /** Row indices of C (each at most its column). */
    private final int[] ci;
    /** For each entry of C, its index in the caller's value array. */
    private final int[] cmap;
    /** Elimination tree of C: parent of each column, -1 for a root. */
    private final int[] parent;
    /** Column pointers of L (n + 1); the diagonal is the first entry of each column. */
    private final int[] lp;
    /** Row indices of L. */
    private final int[] li;
    /** Values of L. */
    private final double[] lx;
    /** Work: next free slot per column of L during a factorization. */
    private final int[] next;
    /** Work: dense row of the factorization, and the permuted vector of a solve. */
    private final double[] x;
    /** Work: stack of the reach of a row. */
    private final int[] stack;
    /** Work: visit stamps of the reach (row k visits are marked k). */
    private final int[] mark;
    /** Sum over the columns of L of count^2: the multiply-adds of one factorization. */
    private final double flops;

    /**
     * Orders the pattern and analyses it symbolically.
     *
     * @param size n
     * @param rowPtr row pointers (n + 1) of the lower triangle, not modified
     * @param colIdx column indices per row, sorted, each row ending with its diagonal, not
     *     modified; the values given to {@link #factor} are aligned with it
     */
    SparseCholesky(int size, int[] rowPtr, int[] colIdx) {
        this(size, rowPtr, colIdx, checkedOrdering(size, rowPtr, colIdx, Long.MAX_VALUE));
    }

    /**
     * Orders and analyses the pattern unless the ordering would take more than
     * {@code maxOrderingWork} elementary steps (see {@link #minimumDegree}).
     *
     * @return the analysed factorization, or null when the ordering gave up
     */
    static SparseCholesky analyse(int size, int[] rowPtr, int[] colIdx, long maxOrderingWork) {
        int[] perm = checkedOrdering(size, rowPtr, colIdx, maxOrderingWork);
        return perm == null ? null : new SparseCholesky(size, rowPtr, colIdx, perm);
    }

    private static int[] checkedOrdering(int size, int[] rowPtr, int[] colIdx, long maxWork) {
        if (rowPtr.length != size + 1) {
            throw new IllegalArgumentException("row pointers of a " + size + "x" + size + " pattern need "
                    + (size + 1) + " entries, got " + rowPtr.length);
        }
        for (int i = 0; i < size; i++) {
            int end = rowPtr[i + 1];
            if (end <= rowPtr[i] || colIdx[end - 1] != i) {
                throw new IllegalArgumentException("row " + i + " of the pattern does not end with its diagonal");
            }
            for (int p = rowPtr[i]; p < end - 1; p++) {
                if (colIdx[p] < 0 || colIdx[p] >= colIdx[p + 1]) {
                    throw new IllegalArgumentException("row " + i + " of the pattern is not sorted and within [0, " + i + "]");
                }
            }
        }
        return minimumDegree(size, rowPtr, colIdx, maxWork);
    }

    private SparseCholesky(int size, int[] rowPtr, int[] colIdx, int[] ordering) {
        this.n = size;
        this.perm = ordering;
        this.pinv = new int[size];
        for (int k = 0; k < size; k++) {
            pinv[perm[k]] = k;
        }
        // C = P A P^T, upper triangle by columns
        int nnz = rowPtr[size];
        cp = new int[size + 1];
        for (int i = 0; i < size; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                cp[Math.max(pinv[i], pinv[colIdx[p]]) + 1]++;
            }
        }
        for (int k = 0; k < size; k++) {
            cp[k + 1] += cp[k];
        }
        ci = new int[nnz];
        cmap = new int[nnz];
        int[] fill = new int[size];
        System.arraycopy(cp, 0, fill, 0, size);
        for (int i = 0; i < size; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int a = pinv[i];
                int b = pinv[colIdx[p]];
                int col = Math.max(a, b);
                int q = fill[col]++;
                ci[q] = Math.min(a, b);
                cmap[q] = p;
            }
        }
        parent = eliminationTree();
        next = new int[size];
        x = new double[size];
        stack = new int[size];
        mark = new int[size];
        // column counts of L: row k of L has the reach of column k of C, plus the diagonal
        int[] count = new int[size];
        java.util.Arrays.fill(mark, -1);
        for (int k = 0; k < size; k++) {
            int top = reach(k);
            for (int t = top; t < size; t++) {
                count[stack[t]]++;
            }
            count[k]++;
        }
        lp = new int[size + 1];
        double fl = 0;
        for (int k = 0; k < size; k++) {
            lp[k + 1] = lp[k] + count[k];
            fl += (double) count[k] * count[k];
        }
        flops = fl;
        li = new int[lp[size]];
        lx = new double[lp[size]];
        java.util.Arrays.fill(mark, -1);
    }

    /** The order n. */
    int size() {
        return n;
    }

    /** Nonzeros of L (the diagonal included). */
    long factorNonzeros() {
        return lp[n];
    }

    /** Multiply-adds of one factorization (sum over the columns of L of their count squared). */
    double flops() {
        return flops;
    }

    /** The ordering: the original index at each position (a copy). */
    int[] ordering() {
        return perm.clone();
    }

    /** Elimination tree of C (cs_etree without path compression removal). */
    private int[] eliminationTree() {
        int[] par = new int[n];
        int[] ancestor = new int[n];
        for (int k = 0; k < n; k++) {
            par[k] = -1;
            ancestor[k] = -1;
            for (int p = cp[k]; p < cp[k + 1]; p++) {
                int i = ci[p];
                while (i != -1 && i < k) {
                    int inext = ancestor[i];
                    ancestor[i] = k;
                    if (inext == -1) {
                        par[i] = k;
                    }
                    i = inext;
                }
            }
        }
        return par;
    }

    /**
     * The nonzero pattern of row k of L (without the diagonal): the columns reached from the
     * entries of column k of C in the elimination tree, left in stack[top..n) in topological
     * order; returns top. Marks the visited columns with k.
     */
    private int reach(int k) {
        int top = n;
        mark[k] = k;
        for (int p = cp[k]; p < cp[k + 1]; p++) {
            int i = ci[p];
            if (i > k) {
                continue;
            }
            int len = 0;
            // walk up the tree until a visited node, pushing the path
            while (mark[i] != k) {
                stack[len++] = i;
                mark[i] = k;
                i = parent[i];
            }
            while (len > 0) {
                stack[--top] = stack[--len];
            }
        }
        return top;
    }

    /**
     * Factors the matrix whose lower-triangle values are given on the pattern.
     *
     * @param values the entries of the lower triangle, aligned with the constructor's column
     *     indices; not modified
     * @return false when a pivot is not positive and finite (the factor is then not usable)
     */
    boolean factor(double[] values) {
        java.util.Arrays.fill(mark, -1);
        java.util.Arrays.fill(x, 0.0); // a failed factorization may leave a partial row
        for (int k = 0; k < n; k++) {
            next[k] = lp[k];
        }
        for (int k = 0; k < n; k++) {
            int top = reach(k);
            x[k] = 0;
            for (int p = cp[k]; p < cp[k + 1]; p++) {
                x[ci[p]] = values[cmap[p]];
            }
            double d = x[k];
            x[k] = 0;
            for (; top < n; top++) {
                int i = stack[top];
                double lki = x[i] / lx[lp[i]];
                x[i] = 0;
                int end = next[i];
                for (int p = lp[i] + 1; p < end; p++) {
                    x[li[p]] -= lx[p] * lki;
                }
                d -= lki * lki;
                int p = next[i]++;
                li[p] = k;
                lx[p] = lki;
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                return false;
            }
            int p = next[k]++;
            li[p] = k;
            lx[p] = Math.sqrt(d);
        }
        return true;
    }

    /**
     * Solves A x = b with the last factor.
     *
     * @param b the right-hand side (length at least n), overwritten by x
     */
    void solve(double[] b) {
        double[] y = x;
        for (int k = 0; k < n; k++) {
            y[k] = b[perm[k]];
        }
        // L u = y, by columns
        for (int j = 0; j < n; j++) {
            int p0 = lp[j];
            double v = y[j] / lx[p0];
            y[j] = v;
            for (int p = p0 + 1; p < lp[j + 1]; p++) {
                y[li[p]] -= lx[p] * v;
            }
        }
        // L^T x = u, by columns of L (rows of L^T)
        for (int j = n - 1; j >= 0; j--) {
            int p0 = lp[j];
            double s = y[j];
            for (int p = p0 + 1; p < lp[j + 1]; p++) {
                s -= lx[p] * y[li[p]];
            }
            y[j] = s / lx[p0];
        }
        for (int k = 0; k < n; k++) {
            b[perm[k]] = y[k];
            y[k] = 0;
        }
    }

    /**
     * A minimum-degree ordering of the symmetric pattern: repeatedly eliminates a node of the
     * smallest current degree (the smallest index among equals, so the ordering is
     * deterministic) and joins its neighbours into a clique, on the explicit elimination graph.
     * The cost is about the sum over the eliminated nodes of degree times (degree of the
     * neighbour + degree), small for the patterns it is used on (chained relaxations, whose
     * eliminated neighbourhoods stay small).
     *
     * @param size n
     * @param rowPtr row pointers of the lower triangle (n + 1), not modified
     * @param colIdx column indices j &lt;= i per row, not modified
     * @param maxWork the most elementary steps (adjacency entries visited) to spend
     * @return perm, the original index at each position, or null when it would cost more than
     *     maxWork (a pattern with much fill, which the dense factorization handles better)
     */
    static int[] minimumDegree(int size, int[] rowPtr, int[] colIdx, long maxWork) {
        long work = 0;
        // full adjacency without the diagonal
        int[] deg = new int[size];
        for (int i = 0; i < size; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = colIdx[p];
                if (j != i) {
                    deg[i]++;
                    deg[j]++;
                }
            }
        }
        int[][] adj = new int[size][];
        int[] len = new int[size];
        for (int i = 0; i < size; i++) {
            adj[i] = new int[Math.max(4, deg[i])];
        }
        for (int i = 0; i < size; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = colIdx[p];
                if (j != i) {
                    adj[i][len[i]++] = j;
                    adj[j][len[j]++] = i;
                }
            }
        }
        boolean[] done = new boolean[size];
        int[] stamp = new int[size];
        int clock = 0;
        PriorityQueue<Long> queue = new PriorityQueue<>(Math.max(1, size));
        for (int i = 0; i < size; i++) {
            queue.add(key(len[i], i));
        }
        int[] order = new int[size];
        int[] nb = new int[size];
        int k = 0;
        while (k < size) {
            long top = queue.poll();
            int v = (int) top;
            if (done[v] || (int) (top >>> 32) != deg[v]) {
                continue; // stale entry
            }
            done[v] = true;
            order[k++] = v;
            // live neighbours of v
            int nn = 0;
            int[] av = adj[v];
            for (int t = 0; t < len[v]; t++) {
                int u = av[t];
                if (!done[u]) {
                    nb[nn++] = u;
                }
            }
            adj[v] = null;
            for (int t = 0; t < nn; t++) {
                work += len[nb[t]] + nn;
            }
            if (work > maxWork) {
                return null;
            }
            // each neighbour u: adj(u) := live adj(u) union nb, without u
            for (int t = 0; t < nn; t++) {
                int u = nb[t];
                clock++;
                stamp[u] = clock;
                int[] au = adj[u];
                int w = 0;
                for (int s = 0; s < len[u]; s++) {
                    int y = au[s];
                    if (!done[y] && stamp[y] != clock) {
                        stamp[y] = clock;
                        au[w++] = y;
                    }
                }
                int extra = 0;
                for (int s = 0; s < nn; s++) {
                    if (stamp[nb[s]] != clock) {
                        extra++;
                    }
                }
                if (w + extra > au.length) {
                    au = java.util.Arrays.copyOf(au, Math.max(w + extra, 2 * au.length));
                    adj[u] = au;
                }
                for (int s = 0; s < nn; s++) {
                    int y = nb[s];
                    if (stamp[y] != clock) {
                        stamp[y] = clock;
                        au[w++] = y;
                    }
                }
                len[u] = w;
                if (w != deg[u]) {
                    deg[u] = w;
                    queue.add(key(w, u));
                }
            }
        }
        return order;
    }

    private static long key(int degree, int node) {
        return ((long) degree << 32) | node;
    }
}
