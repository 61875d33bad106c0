package io.polysos.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable semidefinite program in the standard form of this package (see
 * {@link io.polysos.sdp}):
 *
 * <pre>
 *   minimize  c . y   subject to  S_k(y) = sum_{i=1..m} y_i F_{i,k} - F_{0,k}  in  K_k.
 * </pre>
 *
 * In the Java API variables are numbered 0..m-1 and the coefficient matrix of variable i is
 * {@code coefficient(i + 1, k)}; {@code coefficient(0, k)} is the constant F_{0,k}. Built
 * with {@link #builder(int)}, which validates every entry as it is added.
 */
public final class SdpProblem {

    private final String name;
    private final int m;
    private final double[] c;
    private final List<BlockSpec> blocks;
    /** f[i][k]: coefficient matrix i (0 = constant) of block k; never null. */
    private final SparseSymMatrix[][] f;

    private SdpProblem(String name, int m, double[] c, List<BlockSpec> blocks, SparseSymMatrix[][] f) {
        this.name = name;
        this.m = m;
        this.c = c;
        this.blocks = blocks;
        this.f = f;
    }

    /**
     * @param numVariables m, the number of free variables y, at least 0
     * @return a builder for a problem with m variables
     */
    public static Builder builder(int numVariables) {
        return new Builder(numVariables);
    }

    /** @return a name for messages and reports ("" when none was given) */
    public String name() {
        return name;
    }

    /** @return a copy of this problem with another name */
    public SdpProblem withName(String newName) {
        return new SdpProblem(Objects.requireNonNull(newName), m, c, blocks, f);
    }

    /** @return m, the number of variables y */
    public int numVariables() {
        return m;
    }

    /** @return the number of blocks B */
    public int numBlocks() {
        return blocks.size();
    }

    /** @return the block structure (unmodifiable) */
    public List<BlockSpec> blocks() {
        return blocks;
    }

    /** @return block k (0-based) */
    public BlockSpec block(int k) {
        return blocks.get(k);
    }

    /** @return c_i of variable i (0-based) */
    public double objective(int i) {
        return c[i];
    }

    /** @return a copy of the objective vector c (length m) */
    public double[] objective() {
        return c.clone();
    }

    /**
     * @param i 0 for the constant F_0, or 1..m for the matrix of variable i-1
     * @param k the block, 0-based
     * @return F_{i,k}, never null (empty when zero)
     */
    public SparseSymMatrix coefficient(int i, int k) {
        return f[i][k];
    }

    /** @return the total number of stored entries of all F_{i,k}, i = 0..m */
    public long totalNonzeros() {
        long n = 0;
        for (SparseSymMatrix[] row : f) {
            for (SparseSymMatrix a : row) {
                n += a.nnz();
            }
        }
        return n;
    }

    /** @return c . y */
    public double objectiveValue(double[] y) {
        checkLength(y);
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += c[i] * y[i];
        }
        return s;
    }

    /**
     * The slack blocks S_k(y) = sum_i y_i F_{i,k} - F_{0,k}, dense (row-major s*s for PSD,
     * length s otherwise). Allocates the result.
     */
    public double[][] slack(double[] y) {
        checkLength(y);
        double[][] s = new double[blocks.size()][];
        for (int k = 0; k < blocks.size(); k++) {
            BlockSpec b = blocks.get(k);
            s[k] = new double[b.denseLength()];
            boolean diag = b.kind().isDiagonal();
            f[0][k].addTo(diag, -1.0, s[k], b.size());
            for (int i = 0; i < m; i++) {
                if (y[i] != 0.0) {
                    f[i + 1][k].addTo(diag, y[i], s[k], b.size());
                }
            }
        }
        return s;
    }

    /** @return the dual objective sum_k &lt;F_{0,k}, Y_k&gt; for dense dual blocks */
    public double dualObjectiveValue(double[][] dualBlocks) {
        checkBlocks(dualBlocks);
        double s = 0;
        for (int k = 0; k < blocks.size(); k++) {
            BlockSpec b = blocks.get(k);
            s += f[0][k].dot(b.kind().isDiagonal(), dualBlocks[k], b.size());
        }
        return s;
    }

    /** @return the vector (sum_k &lt;F_{i,k}, Y_k&gt;)_{i=1..m} (length m) for dense dual blocks */
    public double[] dualAction(double[][] dualBlocks) {
        checkBlocks(dualBlocks);
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int k = 0; k < blocks.size(); k++) {
                BlockSpec b = blocks.get(k);
                s += f[i + 1][k].dot(b.kind().isDiagonal(), dualBlocks[k], b.size());
            }
            r[i] = s;
        }
        return r;
    }

    private void checkLength(double[] y) {
        if (y == null || y.length != m) {
            throw new IllegalArgumentException("y must have length m = " + m + ", got "
                    + (y == null ? "null" : String.valueOf(y.length)));
        }
    }

    private void checkBlocks(double[][] yb) {
        if (yb == null || yb.length != blocks.size()) {
            throw new IllegalArgumentException("expected " + blocks.size() + " dual blocks, got "
                    + (yb == null ? "null" : String.valueOf(yb.length)));
        }
        for (int k = 0; k < yb.length; k++) {
            if (yb[k] == null || yb[k].length != blocks.get(k).denseLength()) {
                throw new IllegalArgumentException("dual block " + k + " (" + blocks.get(k)
                        + ") must have length " + blocks.get(k).denseLength());
            }
        }
    }

    /** Equal problems have the same m, c, blocks and coefficients; the name is ignored. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SdpProblem p)) {
            return false;
        }
        return m == p.m && Arrays.equals(c, p.c) && blocks.equals(p.blocks) && Arrays.deepEquals(f, p.f);
    }

    @Override
    public int hashCode() {
        return Objects.hash(m, Arrays.hashCode(c), blocks, Arrays.deepHashCode(f));
    }

    @Override
    public String toString() {
        return "SdpProblem[" + (name.isEmpty() ? "" : name + ", ") + "m=" + m + ", blocks=" + blocks
                + ", nnz=" + totalNonzeros() + "]";
    }

    /**
     * Builds an {@link SdpProblem}, validating as it goes. Entries may be given in either
     * triangle. {@link #entry} sets an entry: giving the same position again (for instance
     * its mirror) is allowed only with the same value, a different value is an asymmetric
     * input and is rejected. {@link #addEntry} accumulates into an entry instead. Zero
     * values are dropped. Not thread-safe.
     */
    public static final class Builder {

        /** Upper bound on m and on a block size accepted by the builder. */
        public static final int MAX_DIMENSION = 50_000_000;

        private final int m;
        private final double[] c;
        private final List<BlockSpec> blocks = new ArrayList<>();
        /** F_{i,k} triplets by key i * 2^32 + k, created on first use. */
        private final Map<Long, Triplets> entries = new HashMap<>();
        private String name = "";

        private Builder(int m) {
            if (m < 0 || m > MAX_DIMENSION) {
                throw new IllegalArgumentException("number of variables m must be in [0, " + MAX_DIMENSION + "], got " + m);
            }
            this.m = m;
            this.c = new double[m];
        }

        /** Sets the problem's name (for messages and reports). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Appends a block and returns its index. */
        public int addBlock(BlockKind kind, int size) {
            if (kind == null) {
                throw new IllegalArgumentException("block " + blocks.size() + ": kind must not be null");
            }
            if (size < 1 || size > MAX_DIMENSION) {
                throw new IllegalArgumentException("block " + blocks.size() + ": size must be in [1, " + MAX_DIMENSION
                        + "], got " + size);
            }
            blocks.add(new BlockSpec(kind, size));
            return blocks.size() - 1;
        }

        /** Appends a block and returns its index. */
        public int addBlock(BlockSpec spec) {
            return addBlock(spec.kind(), spec.size());
        }

        /** Sets c_i for variable i (0-based). */
        public Builder objective(int i, double value) {
            if (i < 0 || i >= m) {
                throw new IllegalArgumentException("objective index " + i + " out of range [0, " + m + ")");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("objective coefficient c[" + i + "] is not finite: " + value);
            }
            c[i] = value + 0.0; // -0.0 becomes 0.0, so that equal problems compare equal
            return this;
        }

        /** Sets the whole objective vector (length m; not modified). */
        public Builder objective(double[] values) {
            if (values.length != m) {
                throw new IllegalArgumentException("objective has length " + values.length + ", expected m = " + m);
            }
            for (int i = 0; i < m; i++) {
                objective(i, values[i]);
            }
            return this;
        }

        /**
         * Sets entry (row, col) (and its mirror) of F_{i,k}.
         *
         * @param i 0 for F_0, 1..m for variable i-1
         * @param k block index
         */
        public Builder entry(int i, int k, int row, int col, double value) {
            put(i, k, row, col, value, false);
            return this;
        }

        /** Adds value to entry (row, col) (and its mirror) of F_{i,k}. */
        public Builder addEntry(int i, int k, int row, int col, double value) {
            put(i, k, row, col, value, true);
            return this;
        }

        /**
         * Sets a whole PSD block of F_{i,k} from a symmetric s-by-s array (not modified);
         * diagonal blocks take {@link #vectorBlock}.
         */
        public Builder denseBlock(int i, int k, double[][] a) {
            BlockSpec b = spec(i, k);
            if (b.kind() != BlockKind.PSD) {
                throw new IllegalArgumentException("block " + k + " is " + b + ": give its data with vectorBlock");
            }
            int s = b.size();
            if (a.length != s) {
                throw new IllegalArgumentException("matrix " + i + ", block " + k + ": expected " + s + " rows, got " + a.length);
            }
            for (int r = 0; r < s; r++) {
                if (a[r].length != s) {
                    throw new IllegalArgumentException("matrix " + i + ", block " + k + ", row " + r
                            + ": expected " + s + " columns, got " + a[r].length);
                }
            }
            for (int r = 0; r < s; r++) {
                for (int col = r; col < s; col++) {
                    if (!(a[r][col] == a[col][r]) && Double.isFinite(a[r][col]) && Double.isFinite(a[col][r])) {
                        throw new IllegalArgumentException("matrix " + i + ", block " + k + " is not symmetric: entry ("
                                + r + "," + col + ") = " + a[r][col] + " but (" + col + "," + r + ") = " + a[col][r]);
                    }
                    put(i, k, r, col, a[r][col], false);
                }
            }
            return this;
        }

        /** Sets the data of a diagonal (NONNEG or ZERO) block of F_{i,k} from a vector of length s. */
        public Builder vectorBlock(int i, int k, double[] v) {
            BlockSpec b = spec(i, k);
            if (b.kind() == BlockKind.PSD) {
                throw new IllegalArgumentException("block " + k + " is " + b + ": give its data with denseBlock");
            }
            if (v.length != b.size()) {
                throw new IllegalArgumentException("matrix " + i + ", block " + k + ": expected length " + b.size() + ", got " + v.length);
            }
            for (int r = 0; r < v.length; r++) {
                put(i, k, r, r, v[r], false);
            }
            return this;
        }

        private BlockSpec spec(int i, int k) {
            if (i < 0 || i > m) {
                throw new IllegalArgumentException("matrix index " + i + " out of range [0, " + m + "] (0 is the constant F_0)");
            }
            if (k < 0 || k >= blocks.size()) {
                throw new IllegalArgumentException("matrix " + i + ": block index " + k + " out of range [0, " + blocks.size() + ")");
            }
            return blocks.get(k);
        }

        private void put(int i, int k, int row, int col, double value, boolean additive) {
            BlockSpec b = spec(i, k);
            int s = b.size();
            if (row < 0 || row >= s || col < 0 || col >= s) {
                throw new IllegalArgumentException("matrix " + i + ", block " + k + " (" + b + "): entry (" + row + ","
                        + col + ") outside [0, " + s + ")");
            }
            if (b.kind().isDiagonal() && row != col) {
                throw new IllegalArgumentException("matrix " + i + ", block " + k + " (" + b + "): entry (" + row + ","
                        + col + ") is off the diagonal of a diagonal block");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("matrix " + i + ", block " + k + ", entry (" + row + "," + col
                        + "): value is not finite: " + value);
            }
            Triplets t = entries.computeIfAbsent(key(i, k), x -> new Triplets());
            t.add(Math.min(row, col), Math.max(row, col), value, additive);
        }

        private static long key(int i, int k) {
            return ((long) i << 32) | k;
        }

        /** @return the problem; the builder may not be used afterwards */
        public SdpProblem build() {
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("a problem needs at least one block");
            }
            int nb = blocks.size();
            SparseSymMatrix[][] f = new SparseSymMatrix[m + 1][nb];
            for (int i = 0; i <= m; i++) {
                for (int k = 0; k < nb; k++) {
                    Triplets t = entries.get(key(i, k));
                    f[i][k] = t == null ? SparseSymMatrix.empty() : t.toMatrix(i, k, blocks.get(k).size());
                }
            }
            return new SdpProblem(name, m, c.clone(), Collections.unmodifiableList(new ArrayList<>(blocks)), f);
        }
    }

    /** Growable triplet storage of one F_{i,k}. */
    private static final class Triplets {
        int n;
        int[] r = new int[4];
        int[] c = new int[4];
        double[] v = new double[4];
        boolean[] add = new boolean[4];

        void add(int row, int col, double value, boolean additive) {
            if (n == r.length) {
                int cap = 2 * n;
                r = Arrays.copyOf(r, cap);
                c = Arrays.copyOf(c, cap);
                v = Arrays.copyOf(v, cap);
                add = Arrays.copyOf(add, cap);
            }
            r[n] = row;
            c[n] = col;
            v[n] = value;
            add[n] = additive;
            n++;
        }

        SparseSymMatrix toMatrix(int i, int k, int s) {
            long[] key = new long[n];
            for (int e = 0; e < n; e++) {
                key[e] = (long) r[e] * s + c[e];
            }
            int[] order = sortedOrder(key);
            int[] rr = new int[n];
            int[] cc = new int[n];
            double[] vv = new double[n];
            int out = 0;
            int e = 0;
            while (e < n) {
                int first = order[e];
                long kk = key[first];
                double setValue = Double.NaN;
                double sum = 0.0;
                boolean anySet = false;
                boolean anyAdd = false;
                for (; e < n && key[order[e]] == kk; e++) {
                    int idx = order[e];
                    if (add[idx]) {
                        anyAdd = true;
                        sum += v[idx];
                    } else if (!anySet) {
                        anySet = true;
                        setValue = v[idx];
                    } else if (setValue != v[idx]) {
                        throw new IllegalArgumentException("matrix " + i + ", block " + k + ": entry (" + r[first] + ","
                                + c[first] + ") is given twice with different values " + setValue + " and " + v[idx]
                                + " (asymmetric or conflicting input)");
                    }
                }
                if (anySet && anyAdd) {
                    throw new IllegalArgumentException("matrix " + i + ", block " + k + ": entry (" + r[first] + ","
                            + c[first] + ") is both set and accumulated");
                }
                double val = anySet ? setValue : sum;
                if (val != 0.0) {
                    rr[out] = r[first];
                    cc[out] = c[first];
                    vv[out] = val;
                    out++;
                }
            }
            return SparseSymMatrix.ofNormalized(Arrays.copyOf(rr, out), Arrays.copyOf(cc, out), Arrays.copyOf(vv, out));
        }

        /** Stable merge sort of indices 0..n-1 by key. */
        private static int[] sortedOrder(long[] key) {
            int n = key.length;
            int[] a = new int[n];
            boolean sorted = true;
            for (int e = 0; e < n; e++) {
                a[e] = e;
                if (e > 0 && key[e] < key[e - 1]) {
                    sorted = false;
                }
            }
            if (sorted) {
                return a;
            }
            int[] tmp = new int[n];
            for (int width = 1; width < n; width *= 2) {
                for (int lo = 0; lo < n; lo += 2 * width) {
                    int mid = Math.min(lo + width, n);
                    int hi = Math.min(lo + 2 * width, n);
                    int p = lo;
                    int q = mid;
                    int o = lo;
                    while (p < mid && q < hi) {
                        tmp[o++] = key[a[q]] < key[a[p]] ? a[q++] : a[p++];
                    }
                    while (p < mid) {
                        tmp[o++] = a[p++];
                    }
                    while (q < hi) {
                        tmp[o++] = a[q++];
                    }
                }
                int[] sw = a;
                a = tmp;
                tmp = sw;
            }
            return a;
        }
    }
}
