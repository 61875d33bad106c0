package io.polysos.sdp;

import java.util.Arrays;

/**
 * An immutable sparse symmetric matrix (or, for diagonal blocks, a sparse vector stored on
 * the diagonal). Each off-diagonal pair is stored once, in the upper triangle: for every
 * stored entry {@code row(e) <= col(e)}. Entries are sorted by (row, col), unique, finite
 * and nonzero.
 */
public final class SparseSymMatrix {

    private static final SparseSymMatrix EMPTY = new SparseSymMatrix(new int[0], new int[0], new double[0]);

    private final int[] rows;
    private final int[] cols;
    private final double[] values;

    private SparseSymMatrix(int[] rows, int[] cols, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /** @return the matrix with no entries */
    public static SparseSymMatrix empty() {
        return EMPTY;
    }

    /**
     * Wraps already normalized arrays (upper triangle, sorted, unique, finite, nonzero). The
     * arrays are owned by the result and must not be modified afterwards. Package-private:
     * the builder and the reader validate before calling.
     */
    static SparseSymMatrix ofNormalized(int[] rows, int[] cols, double[] values) {
        if (rows.length == 0) {
            return EMPTY;
        }
        return new SparseSymMatrix(rows, cols, values);
    }

    /** @return the number of stored entries (upper triangle) */
    public int nnz() {
        return rows.length;
    }

    public boolean isEmpty() {
        return rows.length == 0;
    }

    /** @return the row of stored entry e (0-based), row(e) &lt;= col(e) */
    public int row(int e) {
        return rows[e];
    }

    /** @return the column of stored entry e (0-based) */
    public int col(int e) {
        return cols[e];
    }

    /** @return the value of stored entry e; the mirrored entry (col,row) has the same value */
    public double value(int e) {
        return values[e];
    }

    /** @return a copy of the row indices of the stored entries */
    public int[] rows() {
        return rows.clone();
    }

    /** @return a copy of the column indices of the stored entries */
    public int[] cols() {
        return cols.clone();
    }

    /** @return a copy of the values of the stored entries */
    public double[] values() {
        return values.clone();
    }

    /** @return the entry at (i, j) in either triangle, 0 when not stored (binary search) */
    public double get(int i, int j) {
        int r = Math.min(i, j);
        int c = Math.max(i, j);
        int lo = 0;
        int hi = rows.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = rows[mid] != r ? Integer.compare(rows[mid], r) : Integer.compare(cols[mid], c);
            if (cmp == 0) {
                return values[mid];
            } else if (cmp < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0.0;
    }

    /**
     * Inner product with a dense block: {@code <this, X>} = sum_{ij} A_ij X_ij, for a PSD
     * block of size s given as a full row-major s*s array (assumed symmetric), or for a
     * diagonal block given as a vector of length s.
     *
     * @param diagonal true when X is a vector (NONNEG/ZERO block)
     * @param x dense block, not modified
     * @param s block size
     */
    public double dot(boolean diagonal, double[] x, int s) {
        double sum = 0.0;
        if (diagonal) {
            for (int e = 0; e < rows.length; e++) {
                sum += values[e] * x[rows[e]];
            }
        } else {
            for (int e = 0; e < rows.length; e++) {
                int r = rows[e];
                int c = cols[e];
                if (r == c) {
                    sum += values[e] * x[r * s + c];
                } else {
                    sum += values[e] * (x[r * s + c] + x[c * s + r]);
                }
            }
        }
        return sum;
    }

    /**
     * Adds {@code alpha * this} to a dense block: x += alpha * A (both triangles for a PSD
     * block stored row-major s*s, or the diagonal for a vector block).
     *
     * @param x dense block, modified
     */
    public void addTo(boolean diagonal, double alpha, double[] x, int s) {
        if (diagonal) {
            for (int e = 0; e < rows.length; e++) {
                x[rows[e]] += alpha * values[e];
            }
        } else {
            for (int e = 0; e < rows.length; e++) {
                int r = rows[e];
                int c = cols[e];
                double v = alpha * values[e];
                x[r * s + c] += v;
                if (r != c) {
                    x[c * s + r] += v;
                }
            }
        }
    }

    /** @return the largest absolute value of an entry, 0 when empty */
    public double maxAbs() {
        double m = 0.0;
        for (double v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** @return the Frobenius norm squared, counting off-diagonal entries twice for matrices */
    public double frobeniusSquared(boolean diagonal) {
        double sum = 0.0;
        for (int e = 0; e < rows.length; e++) {
            double v = values[e] * values[e];
            sum += (!diagonal && rows[e] != cols[e]) ? 2 * v : v;
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseSymMatrix other
                && Arrays.equals(rows, other.rows)
                && Arrays.equals(cols, other.cols)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(rows) + Arrays.hashCode(cols)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SparseSymMatrix[");
        for (int e = 0; e < rows.length && e < 20; e++) {
            sb.append(e == 0 ? "" : ", ").append('(').append(rows[e]).append(',').append(cols[e]).append(")=").append(values[e]);
        }
        if (rows.length > 20) {
            sb.append(", ... ").append(rows.length - 20).append(" more");
        }
        return sb.append(']').toString();
    }
}
