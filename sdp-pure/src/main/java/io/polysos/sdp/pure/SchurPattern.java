package io.polysos.sdp.pure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The nonzero pattern of the Schur complement M, known from the block structure before the
 * iteration starts: M_ij can be nonzero only when variables i and j both have nonzero entries
 * in a common PSD block, in a common row of the NONNEG part, or (for the augmented matrix
 * M + rho B B^T of problems with ZERO blocks) in a common ZERO row. Stored as the lower
 * triangle by rows (CSR), each row's column indices sorted and ending with the diagonal; a
 * value array aligned with the column indices holds M on the pattern.
 */
final class SchurPattern {

    /** m, the number of variables. */
    final int m;
    /** Row pointers (m + 1). */
    final int[] rowPtr;
    /** Column indices j &lt;= i of each row i, sorted; the last one of row i is i. */
    final int[] colIdx;

    private SchurPattern(int m, int[] rowPtr, int[] colIdx) {
        this.m = m;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
    }

    /** Entries of the lower triangle, the diagonal included. */
    long nonzeros() {
        return rowPtr[m];
    }

    /** Fraction of the lower triangle (diagonal included) that is in the pattern. */
    double density() {
        return m == 0 ? 1.0 : rowPtr[m] / (m * (m + 1.0) / 2);
    }

    /** Index of the diagonal entry of row i in the value array. */
    int diagonal(int i) {
        return rowPtr[i + 1] - 1;
    }

    /** Index of entry (i, j), j &lt;= i, in the value array, or -1 when it is not in the pattern. */
    int find(int i, int j) {
        int p = Arrays.binarySearch(colIdx, rowPtr[i], rowPtr[i + 1], j);
        return p >= 0 ? p : -1;
    }

    /**
     * The pattern of the problem's Schur complement (with the couplings of its ZERO rows when it
     * has ZERO blocks), or null when it has more than maxNonzeros entries in its lower triangle
     * (the work stops as soon as the count exceeds it).
     *
     * @param d the problem data, not modified
     * @param maxNonzeros the largest pattern worth building
     */
    static SchurPattern of(ProblemData d, long maxNonzeros) {
        List<int[]> groups = new ArrayList<>();
        for (int b = 0; b < d.nPsd; b++) {
            groups.add(d.blockVars[b]);
        }
        for (int p = 0; p < d.nLin; p++) {
            groups.add(Arrays.copyOfRange(d.linRowVar, d.linRowPtr[p], d.linRowPtr[p + 1]));
        }
        for (int j = 0; j < d.nZero; j++) {
            groups.add(Arrays.copyOfRange(d.zeroVar, d.zeroPtr[j], d.zeroPtr[j + 1]));
        }
        return ofGroups(d.m, groups, maxNonzeros);
    }

    /**
     * The pattern in which all pairs of variables of each group are coupled, plus the diagonal,
     * or null when it would have more than maxNonzeros entries in its lower triangle.
     *
     * @param m the number of variables
     * @param groups variable indices in [0, m) (duplicates allowed), not modified
     * @param maxNonzeros the largest pattern worth building
     */
    static SchurPattern ofGroups(int m, List<int[]> groups, long maxNonzeros) {
        // a group of g distinct variables alone fills g (g + 1) / 2 entries: reject at once
        int[] seen = new int[m];
        int tag = 0;
        for (int[] g : groups) {
            tag++;
            long distinct = 0;
            for (int v : g) {
                if (v >= 0 && v < m && seen[v] != tag) {
                    seen[v] = tag;
                    distinct++;
                }
            }
            if (distinct * (distinct + 1) / 2 > maxNonzeros) {
                return null;
            }
        }
        // variable -> groups containing it
        int[] gptr = new int[m + 1];
        for (int[] g : groups) {
            for (int v : g) {
                if (v < 0 || v >= m) {
                    throw new IllegalArgumentException("variable " + v + " outside [0, " + m + ")");
                }
                gptr[v + 1]++;
            }
        }
        for (int i = 0; i < m; i++) {
            gptr[i + 1] += gptr[i];
        }
        int[] gidx = new int[gptr[m]];
        int[] fill = Arrays.copyOf(gptr, m);
        for (int k = 0; k < groups.size(); k++) {
            for (int v : groups.get(k)) {
                gidx[fill[v]++] = k;
            }
        }
        int[] stamp = new int[m];
        Arrays.fill(stamp, -1);
        int[] rowPtr = new int[m + 1];
        int[] cols = new int[(int) Math.min(Integer.MAX_VALUE - 8L, Math.max(16L, Math.min(8L * m, maxNonzeros)))];
        int nnz = 0;
        int[] row = new int[m];
        for (int i = 0; i < m; i++) {
            int len = 0;
            stamp[i] = i;
            for (int t = gptr[i]; t < gptr[i + 1]; t++) {
                for (int j : groups.get(gidx[t])) {
                    if (j < i && stamp[j] != i) {
                        stamp[j] = i;
                        row[len++] = j;
                    }
                }
            }
            if (nnz + len + 1L > maxNonzeros) {
                return null;
            }
            Arrays.sort(row, 0, len);
            row[len++] = i;
            if (nnz + len > cols.length) {
                cols = Arrays.copyOf(cols, (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(nnz + len, 2L * cols.length)));
            }
            System.arraycopy(row, 0, cols, nnz, len);
            nnz += len;
            rowPtr[i + 1] = nnz;
        }
        return new SchurPattern(m, rowPtr, Arrays.copyOf(cols, nnz));
    }
}
