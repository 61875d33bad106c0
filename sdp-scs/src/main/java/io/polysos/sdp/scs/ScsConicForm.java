package io.polysos.sdp.scs;

import io.polysos.sdp.BlockKind;
import io.polysos.sdp.BlockSpec;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SparseSymMatrix;

/**
 * An {@link SdpProblem} translated into SCS 3.x's conic form, in plain Java arrays (no
 * native memory). SCS solves
 *
 * <pre>
 *   minimize c'x  subject to  A x + s = b,  s in K,
 * </pre>
 *
 * with K a product of cones whose rows come in a fixed order: the zero cone (z rows), the
 * nonnegative orthant (l rows), then one semidefinite cone per entry of {@link #psdSizes()}.
 * With x = y the translation is
 *
 * <pre>
 *   column i of A = -vec(F_{i+1}),   b = -vec(F_0),   c = c,   so that s = vec(S(y)),
 * </pre>
 *
 * where the blocks are stacked ZERO blocks first, then NONNEG blocks, then PSD blocks, each
 * group in the problem's block order. For a PSD block of size n, vec takes the lower
 * triangle column by column and multiplies off-diagonal entries by sqrt(2):
 *
 * <pre>
 *   vec(S) = (S_11, sqrt2 S_21, ..., sqrt2 S_n1, S_22, sqrt2 S_32, ..., S_nn),
 * </pre>
 *
 * so that vec(A)'vec(B) = &lt;A, B&gt; (the layout of SCS's {@code scs.h} / cone
 * documentation, unchanged through 3.2.x). Entry (i, j), i &gt;= j, of an n-by-n block sits
 * at position {@code j*n - j*(j-1)/2 + (i - j)} of its vector. Diagonal (ZERO/NONNEG) blocks
 * map entry (r, r) to row r of the block.
 *
 * <p>The way back: y = x; the dual block Y_k is mat(y_k) with diagonal entries as given and
 * off-diagonal entries divided by sqrt(2), because SCS's dual (max -b'y s.t. A'y + c = 0,
 * y in K*) is exactly (D) under this vec: -b'y = &lt;F_0, Y&gt; and (A'y)_i = -&lt;F_i, Y&gt;.
 *
 * <p>Immutable; accessors return copies.
 */
public final class ScsConicForm {

    /** sqrt(2), the scaling of off-diagonal entries in SCS's PSD vectorization. */
    public static final double SQRT2 = Math.sqrt(2.0);

    private final int numRows;
    private final int numCols;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final double[] values;
    private final double[] b;
    private final double[] c;
    private final int zeroRows;
    private final int nonnegRows;
    private final int[] psdSizes;
    private final int[] blockOffset;
    private final BlockSpec[] blocks;

    private ScsConicForm(int numRows, int numCols, int[] colPtr, int[] rowIdx, double[] values, double[] b,
            double[] c, int zeroRows, int nonnegRows, int[] psdSizes, int[] blockOffset, BlockSpec[] blocks) {
        this.numRows = numRows;
        this.numCols = numCols;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.values = values;
        this.b = b;
        this.c = c;
        this.zeroRows = zeroRows;
        this.nonnegRows = nonnegRows;
        this.psdSizes = psdSizes;
        this.blockOffset = blockOffset;
        this.blocks = blocks;
    }

    /**
     * Translates a problem (not modified).
     *
     * @throws IllegalArgumentException when the number of rows or of nonzeros of A exceeds
     *         what a Java array (and a 32-bit {@code scs_int}) can index
     */
    public static ScsConicForm of(SdpProblem problem) {
        int nb = problem.numBlocks();
        int m = problem.numVariables();
        BlockSpec[] blocks = problem.blocks().toArray(new BlockSpec[0]);
        int[] offset = new int[nb];
        long row = 0;
        int zero = 0;
        int nonneg = 0;
        int numPsd = 0;
        for (BlockKind kind : new BlockKind[] {BlockKind.ZERO, BlockKind.NONNEG, BlockKind.PSD}) {
            for (int k = 0; k < nb; k++) {
                if (blocks[k].kind() != kind) {
                    continue;
                }
                offset[k] = (int) Math.min(row, Integer.MAX_VALUE);
                long len = vecLength(blocks[k]);
                row += len;
                if (row > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("problem " + problem.name() + ": SCS form would have " + row
                            + "+ rows (at block " + k + ", " + blocks[k] + "), more than " + (Integer.MAX_VALUE - 8));
                }
                switch (kind) {
                    case ZERO -> zero += blocks[k].size();
                    case NONNEG -> nonneg += blocks[k].size();
                    case PSD -> numPsd++;
                }
            }
        }
        int[] psd = new int[numPsd];
        int p = 0;
        for (int k = 0; k < nb; k++) {
            if (blocks[k].kind() == BlockKind.PSD) {
                psd[p++] = blocks[k].size();
            }
        }
        // A in CSC: column i is -vec(F_{i+1}); blocks visited in row order keep rows sorted
        int[] order = rowOrder(blocks, offset);
        long nnz = 0;
        for (int i = 1; i <= m; i++) {
            for (int k = 0; k < nb; k++) {
                nnz += problem.coefficient(i, k).nnz();
            }
        }
        if (nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("problem " + problem.name() + ": A would have " + nnz
                    + " nonzeros, more than " + (Integer.MAX_VALUE - 8));
        }
        int[] colPtr = new int[m + 1];
        int[] rowIdx = new int[(int) nnz];
        double[] vals = new double[(int) nnz];
        int e = 0;
        for (int i = 0; i < m; i++) {
            colPtr[i] = e;
            for (int k : order) {
                SparseSymMatrix f = problem.coefficient(i + 1, k);
                e = scatter(f, blocks[k], offset[k], -1.0, rowIdx, vals, e);
            }
        }
        colPtr[m] = e;
        double[] bVec = new double[(int) row];
        for (int k = 0; k < nb; k++) {
            addVec(problem.coefficient(0, k), blocks[k], offset[k], -1.0, bVec);
        }
        return new ScsConicForm((int) row, m, colPtr, rowIdx, vals, bVec, problem.objective(), zero, nonneg, psd,
                offset, blocks);
    }

    /** @return the number of rows an SCS vector for this block takes: s(s+1)/2 for PSD, s otherwise */
    public static long vecLength(BlockSpec block) {
        long s = block.size();
        return block.kind() == BlockKind.PSD ? s * (s + 1) / 2 : s;
    }

    /** @return the position of entry (i, j), i &gt;= j, in the vec of an n-by-n block */
    public static int vecIndex(int i, int j, int n) {
        if (i < j) {
            int t = i;
            i = j;
            j = t;
        }
        return (int) ((long) j * n - (long) j * (j - 1) / 2 + (i - j));
    }

    /**
     * vec of a dense symmetric block: {@code out[off + vecIndex(i,j,n)] = S_ij * (i == j ? 1 :
     * sqrt2)}, reading the lower triangle of the row-major n*n array (or copying a vector of
     * length n for a diagonal block).
     *
     * @param dense the block (row-major n*n for PSD, length n otherwise), not modified
     * @param out receives the vector, modified at [off, off + vecLength)
     */
    public static void vec(BlockSpec block, double[] dense, double[] out, int off) {
        int n = block.size();
        if (dense.length != block.denseLength()) {
            throw new IllegalArgumentException("block " + block + " needs a dense array of length "
                    + block.denseLength() + ", got " + dense.length);
        }
        if (block.kind().isDiagonal()) {
            System.arraycopy(dense, 0, out, off, n);
            return;
        }
        int t = off;
        for (int j = 0; j < n; j++) {
            out[t++] = dense[j * n + j];
            for (int i = j + 1; i < n; i++) {
                out[t++] = SQRT2 * dense[i * n + j];
            }
        }
    }

    /**
     * The inverse of {@link #vec}: the dense block (row-major n*n, both triangles, off-diagonal
     * entries divided by sqrt(2); or a copy of the n entries for a diagonal block).
     *
     * @param v the vector, not modified; read at [off, off + vecLength)
     * @return a new dense array
     */
    public static double[] unvec(BlockSpec block, double[] v, int off) {
        int n = block.size();
        double[] d = new double[block.denseLength()];
        if (block.kind().isDiagonal()) {
            System.arraycopy(v, off, d, 0, n);
            return d;
        }
        int t = off;
        for (int j = 0; j < n; j++) {
            d[j * n + j] = v[t++];
            for (int i = j + 1; i < n; i++) {
                double x = v[t++] / SQRT2;
                d[i * n + j] = x;
                d[j * n + i] = x;
            }
        }
        return d;
    }

    /** @return the number of rows m of A (the length of b, s and SCS's y) */
    public int numRows() {
        return numRows;
    }

    /** @return the number of columns n of A (the length of c and x), the problem's m */
    public int numCols() {
        return numCols;
    }

    /** @return a copy of A's column pointers (length n+1) */
    public int[] colPtr() {
        return colPtr.clone();
    }

    /** @return a copy of A's row indices (length nnz, sorted within each column) */
    public int[] rowIndices() {
        return rowIdx.clone();
    }

    /** @return a copy of A's values (length nnz) */
    public double[] values() {
        return values.clone();
    }

    /** @return the number of stored entries of A */
    public int nnz() {
        return values.length;
    }

    /** @return a copy of b (length m) */
    public double[] b() {
        return b.clone();
    }

    /** @return a copy of c (length n) */
    public double[] c() {
        return c.clone();
    }

    /** @return the size z of the zero cone: the total size of the ZERO blocks */
    public int zeroConeSize() {
        return zeroRows;
    }

    /** @return the size l of the nonnegative cone: the total size of the NONNEG blocks */
    public int nonnegConeSize() {
        return nonnegRows;
    }

    /** @return a copy of the PSD cone sizes (matrix orders), in the problem's block order */
    public int[] psdSizes() {
        return psdSizes.clone();
    }

    /** @return the first row of block k (0-based, in the problem's numbering) */
    public int blockOffset(int k) {
        return blockOffset[k];
    }

    /** @return y for the problem from SCS's x: a copy (they are the same vector) */
    public double[] primalFromX(double[] x) {
        if (x.length != numCols) {
            throw new IllegalArgumentException("x must have length n = " + numCols + ", got " + x.length);
        }
        return x.clone();
    }

    /**
     * @param ySCS SCS's dual vector (length m), not modified
     * @return the dual blocks Y_k = mat(y_k), in the problem's block order (new arrays)
     */
    public double[][] dualBlocksFromY(double[] ySCS) {
        checkRows("y", ySCS);
        double[][] yb = new double[blocks.length][];
        for (int k = 0; k < blocks.length; k++) {
            yb[k] = unvec(blocks[k], ySCS, blockOffset[k]);
        }
        return yb;
    }

    /**
     * @param sSCS SCS's slack vector (length m), not modified
     * @return the slack blocks S_k = mat(s_k), in the problem's block order (new arrays)
     */
    public double[][] slackBlocksFromS(double[] sSCS) {
        checkRows("s", sSCS);
        return dualBlocksFromY(sSCS);
    }

    /**
     * The inverse of {@link #dualBlocksFromY} (also used for slacks): stacks vec(Y_k).
     *
     * @param dense blocks in the problem's order (row-major s*s for PSD, length s otherwise), not modified
     * @return a new vector of length m
     */
    public double[] stack(double[][] dense) {
        if (dense.length != blocks.length) {
            throw new IllegalArgumentException("expected " + blocks.length + " blocks, got " + dense.length);
        }
        double[] v = new double[numRows];
        for (int k = 0; k < blocks.length; k++) {
            if (dense[k] == null || dense[k].length != blocks[k].denseLength()) {
                throw new IllegalArgumentException("block " + k + " (" + blocks[k] + ") must have length "
                        + blocks[k].denseLength() + ", got " + (dense[k] == null ? "null" : dense[k].length));
            }
            vec(blocks[k], dense[k], v, blockOffset[k]);
        }
        return v;
    }

    private void checkRows(String what, double[] v) {
        if (v.length != numRows) {
            throw new IllegalArgumentException(what + " must have length m = " + numRows + ", got " + v.length);
        }
    }

    /** Block indices sorted by their first row. */
    private static int[] rowOrder(BlockSpec[] blocks, int[] offset) {
        Integer[] idx = new Integer[blocks.length];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = k;
        }
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(offset[a], offset[b]));
        int[] r = new int[idx.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = idx[k];
        }
        return r;
    }

    /**
     * Appends alpha * vec(F) as (row, value) pairs in increasing row order. The stored
     * entries of F are sorted by (row, col) with row &lt;= col, which is increasing vec
     * position (column j = row of the upper entry, then i = its col).
     */
    private static int scatter(SparseSymMatrix f, BlockSpec block, int off, double alpha, int[] rows,
            double[] vals, int e) {
        int n = block.size();
        boolean diag = block.kind().isDiagonal();
        for (int t = 0; t < f.nnz(); t++) {
            int r = f.row(t);
            int col = f.col(t);
            if (diag) {
                rows[e] = off + r;
                vals[e] = alpha * f.value(t);
            } else {
                rows[e] = off + vecIndex(col, r, n);
                vals[e] = alpha * f.value(t) * (r == col ? 1.0 : SQRT2);
            }
            e++;
        }
        return e;
    }

    private static void addVec(SparseSymMatrix f, BlockSpec block, int off, double alpha, double[] out) {
        int n = block.size();
        boolean diag = block.kind().isDiagonal();
        for (int t = 0; t < f.nnz(); t++) {
            int r = f.row(t);
            int col = f.col(t);
            if (diag) {
                out[off + r] += alpha * f.value(t);
            } else {
                out[off + vecIndex(col, r, n)] += alpha * f.value(t) * (r == col ? 1.0 : SQRT2);
            }
        }
    }
}
