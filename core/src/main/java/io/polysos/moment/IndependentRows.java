package io.polysos.moment;

/**
 * Keeps a row-echelon basis of sparse rows over the moments, pivoting on each row's largest
 * column (its leading monomial in the graded order), and reports whether a new row is
 * independent of the rows kept so far. Pivot rows are stored normalized (leading entry 1).
 * Used to drop linearly dependent equality rows (h_l z^a) from moment relaxations: a ZERO
 * block with dependent rows has no strictly feasible dual and stalls interior-point solvers.
 * Any fixed numbering of the columns works; the relaxations number them by moment.
 */
public final class IndependentRows {

    private final double tolerance;
    private final double[] acc;
    private final int[][] pivotCols;
    private final double[][] pivotVals;

    /**
     * @param columns number of columns (column indices are 0..columns-1)
     * @param tolerance a reduced row whose entries are all below tolerance times the row's
     *        largest coefficient counts as dependent
     */
    public IndependentRows(int columns, double tolerance) {
        this.tolerance = tolerance;
        this.acc = new double[columns];
        this.pivotCols = new int[columns][];
        this.pivotVals = new double[columns][];
    }

    /** cols[0..len), vals[0..len): the row (not modified); keeps it when independent. */
    public boolean addIfIndependent(int[] cols, double[] vals, int len) {
        int max = -1;
        double scale = 0;
        for (int t = 0; t < len; t++) {
            acc[cols[t]] += vals[t];
            max = Math.max(max, cols[t]);
            scale = Math.max(scale, Math.abs(vals[t]));
        }
        double tol = tolerance * scale;
        for (int c = max; c >= 0; c--) {
            double v = acc[c];
            if (Math.abs(v) <= tol) {
                acc[c] = 0;
                continue;
            }
            int[] pc = pivotCols[c];
            if (pc == null) {
                int nnz = 0;
                for (int j = c; j >= 0; j--) {
                    if (Math.abs(acc[j]) > tol) {
                        nnz++;
                    }
                }
                int[] rc = new int[nnz];
                double[] rv = new double[nnz];
                int i = 0;
                for (int j = c; j >= 0; j--) {
                    if (Math.abs(acc[j]) > tol) {
                        rc[i] = j;
                        rv[i++] = acc[j] / v;
                    }
                    acc[j] = 0;
                }
                pivotCols[c] = rc;
                pivotVals[c] = rv;
                return true;
            }
            double[] pv = pivotVals[c];
            for (int i = 0; i < pc.length; i++) {
                acc[pc[i]] -= v * pv[i];
            }
            acc[c] = 0;
        }
        return false;
    }
}
