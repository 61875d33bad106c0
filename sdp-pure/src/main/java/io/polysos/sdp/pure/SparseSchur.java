package io.polysos.sdp.pure;

import org.ejml.data.DMatrixRMaj;

/**
 * The sparse path of the Schur complement's factorization: for problems whose M is sparse
 * (each variable shares blocks with few others, as in the correlative-sparsity relaxations of
 * chained problems), M (and M + rho B B^T with ZERO blocks) is taken on its {@link SchurPattern}
 * and factored by {@link SparseCholesky}, ordered and analysed once per solve. Problems with a
 * dense M (the dense moment relaxations, SDPLIB) never get here: {@link #create} returns null
 * and the dense path runs unchanged.
 */
final class SparseSchur {

    /**
     * Below this many variables the dense factorization is always used. Measured on the
     * correlative-sparsity relaxation of Broyden tridiagonal (all its factorizations of one
     * solve, dense vs sparse): m = 174 0.08-0.12 s vs 0.01 s with the same total solve time,
     * m = 374 0.4-0.9 s vs 0.04 s; below a few hundred variables the dense factorization takes
     * milliseconds and the choice does not matter, so the dense path (whose results the tests
     * and the SDPLIB conformance pin) is kept there.
     */
    static final int MIN_VARIABLES = 300;
    /**
     * The pattern is built only while its lower triangle holds at most this fraction of the
     * dense one (Broyden tridiagonal's relaxation: 6 % at m = 774, 2 % at m = 2374; a dense
     * moment relaxation: 100 %, rejected at once by its moment matrix, a block with every
     * variable).
     */
    static final double MAX_DENSITY = 0.25;
    /**
     * The sparse factorization is used when its multiply-adds are at most this fraction of the
     * dense factorization's m^3 / 6: the dense kernels run several times more multiply-adds per
     * second (SIMD, blocked, two threads) than the sparse one (indexed, one thread). Chained
     * relaxations are far below it (0.026 at m = 374, 6e-4 at m = 2374).
     */
    static final double MAX_FLOP_RATIO = 0.05;
    /**
     * The minimum-degree ordering gives up (dense path) after this many times the accepted
     * sparse multiply-adds ({@link #MAX_FLOP_RATIO} m^3 / 6) in elementary steps, so that a
     * pattern with much fill never costs more to order than about one dense factorization
     * (Broyden n = 120, m = 2374: ordering and symbolic analysis 39 ms in JMH; the limit there is
     * 2 x 10^9 steps).
     */
    static final double ORDERING_WORK_FACTOR = 20;
    /** Floor of the ordering's step limit (small problems, where a few ms do not matter). */
    static final double ORDERING_MIN_WORK = 1e8;

    private final ProblemData d;
    private final SchurPattern pattern;
    private final SparseCholesky chol;
    /** M on the pattern, as last assembled (first the rows' own lower-triangle contributions). */
    private final double[] assembled;
    /** The rows' contributions to their upper triangle, at the positions of the transposed pairs. */
    private final double[] upper;
    /** Full rows of the pattern (both triangles): pointers (m + 1), columns, positions of (max, min). */
    private final int[] fullPtr;
    private final int[] fullCol;
    private final int[] fullPos;
    /** M (possibly augmented and shifted) on the pattern, overwritten by the factorization's input. */
    private final double[] values;
    /** For each entry of each ZERO row's pairs (e &gt;= f), the position in values. */
    private int[] zeroPairPos;

    private SparseSchur(ProblemData d, SchurPattern pattern, SparseCholesky chol) {
        this.d = d;
        this.pattern = pattern;
        this.chol = chol;
        this.values = new double[(int) pattern.nonzeros()];
        this.assembled = new double[values.length];
        this.upper = new double[values.length];
        int m = d.m;
        int[] rowPtr = pattern.rowPtr;
        int[] colIdx = pattern.colIdx;
        fullPtr = new int[m + 1];
        for (int i = 0; i < m; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = colIdx[p];
                fullPtr[i + 1]++;
                if (j != i) {
                    fullPtr[j + 1]++;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            fullPtr[i + 1] += fullPtr[i];
        }
        fullCol = new int[fullPtr[m]];
        fullPos = new int[fullPtr[m]];
        int[] fill = java.util.Arrays.copyOf(fullPtr, m);
        for (int i = 0; i < m; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = colIdx[p];
                int q = fill[i]++;
                fullCol[q] = j;
                fullPos[q] = p;
                if (j != i) {
                    q = fill[j]++;
                    fullCol[q] = i;
                    fullPos[q] = p;
                }
            }
        }
    }

    /**
     * The sparse path for the problem at the given thresholds (see {@link #create}), unless the
     * environment variable {@code POLYSOS_SPARSE_SCHUR} says otherwise (for comparisons): 0 never
     * takes the sparse path, 1 takes it whenever the pattern can be built.
     */
    static SparseSchur choose(ProblemData d, int minVariables, double maxDensity, double maxFlopRatio) {
        String mode = System.getenv("POLYSOS_SPARSE_SCHUR");
        if ("0".equals(mode)) {
            return null;
        }
        if ("1".equals(mode)) {
            return create(d, 1, 1.0, Double.POSITIVE_INFINITY);
        }
        return create(d, minVariables, maxDensity, maxFlopRatio);
    }

    /**
     * The sparse path for the problem, or null when its Schur complement is not sparse enough
     * for it to pay: fewer than minVariables variables, more than maxDensity of the lower
     * triangle in the pattern, or a factorization of more than maxFlopRatio times the dense
     * one's multiply-adds (defaults {@link #MIN_VARIABLES}, {@link #MAX_DENSITY},
     * {@link #MAX_FLOP_RATIO}).
     */
    static SparseSchur create(ProblemData d, int minVariables, double maxDensity, double maxFlopRatio) {
        int m = d.m;
        if (m < Math.max(1, minVariables)) {
            return null;
        }
        long limit = (long) Math.min(Integer.MAX_VALUE - 8.0, maxDensity * (m * (m + 1.0) / 2));
        SchurPattern pattern = SchurPattern.of(d, limit);
        if (pattern == null) {
            return null;
        }
        // the ordering may cost at most a few dense factorizations' worth of steps
        double denseFlops = (double) m * m * m / 6;
        long maxOrderingWork = (long) Math.min(Long.MAX_VALUE / 2.0,
                Math.max(ORDERING_MIN_WORK, ORDERING_WORK_FACTOR * maxFlopRatio * denseFlops));
        SparseCholesky chol = SparseCholesky.analyse(m, pattern.rowPtr, pattern.colIdx, maxOrderingWork);
        if (chol == null || chol.flops() > maxFlopRatio * ((double) m * m * m / 6) || chol.factorNonzeros() > Integer.MAX_VALUE - 8L) {
            return null;
        }
        return new SparseSchur(d, pattern, chol);
    }

    /**
     * Whether the Schur complement of the problem has a pattern of at most {@link #MAX_DENSITY}
     * of the lower triangle (read from the problem's coefficients: PSD blocks, rows of the
     * NONNEG and ZERO blocks), from {@link #MIN_VARIABLES} variables on.
     */
    static boolean patternIsSparse(io.polysos.sdp.SdpProblem p) {
        return sparsePatternNonzeros(p) >= 0;
    }

    /**
     * The number of entries of the lower triangle of the problem's Schur pattern when it is
     * sparse in the sense of {@link #patternIsSparse}, else -1.
     */
    static long sparsePatternNonzeros(io.polysos.sdp.SdpProblem p) {
        int m = p.numVariables();
        if (m < MIN_VARIABLES) {
            return -1;
        }
        java.util.List<int[]> groups = new java.util.ArrayList<>();
        int[] buf = new int[m];
        for (int k = 0; k < p.numBlocks(); k++) {
            io.polysos.sdp.BlockSpec spec = p.block(k);
            if (spec.kind() == io.polysos.sdp.BlockKind.PSD) {
                int len = 0;
                for (int i = 0; i < m; i++) {
                    if (p.coefficient(i + 1, k).nnz() > 0) {
                        buf[len++] = i;
                    }
                }
                groups.add(java.util.Arrays.copyOf(buf, len));
            } else {
                // one group per row of a NONNEG or ZERO block
                int rows = spec.size();
                int[] count = new int[rows + 1];
                for (int i = 0; i < m; i++) {
                    io.polysos.sdp.SparseSymMatrix f = p.coefficient(i + 1, k);
                    for (int e = 0; e < f.nnz(); e++) {
                        count[f.row(e) + 1]++;
                    }
                }
                int[][] rowVars = new int[rows][];
                for (int r = 0; r < rows; r++) {
                    rowVars[r] = new int[count[r + 1]];
                    count[r + 1] = 0;
                }
                for (int i = 0; i < m; i++) {
                    io.polysos.sdp.SparseSymMatrix f = p.coefficient(i + 1, k);
                    for (int e = 0; e < f.nnz(); e++) {
                        int r = f.row(e);
                        rowVars[r][count[r + 1]++] = i;
                    }
                }
                java.util.Collections.addAll(groups, rowVars);
            }
        }
        long limit = (long) Math.min(Integer.MAX_VALUE - 8.0, MAX_DENSITY * (m * (m + 1.0) / 2));
        SchurPattern pattern = SchurPattern.ofGroups(m, groups, limit);
        return pattern == null ? -1 : pattern.nonzeros();
    }

    /** The pattern of M. */
    SchurPattern pattern() {
        return pattern;
    }

    /** The factorization (for its statistics). */
    SparseCholesky cholesky() {
        return chol;
    }

    /**
     * Assembles M on the pattern (no m x m array) with the assembler's sparse entry point.
     *
     * @param assembler the assembler of the same problem
     * @param zinv Z_k^{-1} of each PSD block, not modified
     * @param x X_k of each PSD block, not modified
     * @param linRatio x_p / z_p of the NONNEG part, not modified
     */
    void assemble(SchurAssembler assembler, DMatrixRMaj[] zinv, DMatrixRMaj[] x, double[] linRatio) {
        assembler.assembleOnPattern(zinv, x, linRatio, fullPtr, fullCol, fullPos, assembled, upper);
        for (int p = 0; p < assembled.length; p++) {
            assembled[p] += upper[p];
        }
    }

    /** The largest diagonal entry of the assembled M (0 when m = 0). */
    double maxDiagonal() {
        double max = 0;
        for (int i = 0; i < d.m; i++) {
            max = Math.max(max, assembled[pattern.diagonal(i)]);
        }
        return max;
    }

    /**
     * Factors M + rho B B^T + shift I with M as last {@linkplain #assemble assembled}; a zero diagonal
     * entry (a variable in no block at all) is set to 1, as the dense path does.
     *
     * @param rho the augmentation weight (0: none)
     * @param shift added to the diagonal
     * @return false when the matrix is not numerically positive definite
     */
    boolean factor(double rho, double shift) {
        System.arraycopy(assembled, 0, values, 0, values.length);
        if (rho != 0) {
            addZeroRows(rho);
        }
        int m = d.m;
        for (int i = 0; i < m; i++) {
            int p = pattern.diagonal(i);
            if (shift != 0) {
                values[p] += shift;
            }
            if (values[p] == 0.0) {
                values[p] = 1.0;
            }
        }
        return chol.factor(values);
    }

    /** values += rho B B^T on the pattern (the ZERO rows' pairs are in it by construction). */
    private void addZeroRows(double rho) {
        if (zeroPairPos == null) {
            int count = 0;
            for (int j = 0; j < d.nZero; j++) {
                int len = d.zeroPtr[j + 1] - d.zeroPtr[j];
                count += len * (len + 1) / 2;
            }
            zeroPairPos = new int[count];
            int k = 0;
            for (int j = 0; j < d.nZero; j++) {
                for (int e = d.zeroPtr[j]; e < d.zeroPtr[j + 1]; e++) {
                    for (int f = d.zeroPtr[j]; f <= e; f++) {
                        int a = Math.max(d.zeroVar[e], d.zeroVar[f]);
                        int b = Math.min(d.zeroVar[e], d.zeroVar[f]);
                        zeroPairPos[k++] = pattern.find(a, b);
                    }
                }
            }
        }
        int k = 0;
        for (int j = 0; j < d.nZero; j++) {
            for (int e = d.zeroPtr[j]; e < d.zeroPtr[j + 1]; e++) {
                double ve = rho * d.zeroVal[e];
                for (int f = d.zeroPtr[j]; f <= e; f++) {
                    double add = ve * d.zeroVal[f];
                    // the same variable twice in one row counts in both orders off the diagonal
                    if (f != e && d.zeroVar[e] == d.zeroVar[f]) {
                        add *= 2;
                    }
                    values[zeroPairPos[k++]] += add;
                }
            }
        }
    }

    /**
     * Solves M x = b with the last factorization.
     *
     * @param b the right-hand side, overwritten by x
     */
    void solve(double[] b) {
        chol.solve(b);
    }
}
