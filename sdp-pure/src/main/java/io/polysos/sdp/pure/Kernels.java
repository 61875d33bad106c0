package io.polysos.sdp.pure;

/**
 * The dense floating-point kernels of the backend's hot loops: the trailing update of the
 * blocked Cholesky factorization of the Schur complement, linear combinations of matrix rows
 * (matrix products and the dense Schur formula), and the vector operations of the triangular
 * solves. Two implementations compute the same sums in different orders: {@link ScalarKernels},
 * plain Java loops that the JIT compiles as it can, and {@link VectorKernels}, explicit SIMD
 * through the JDK's Vector API ({@code jdk.incubator.vector}), chosen when that module is in
 * the boot layer (the {@code polysos} command adds it) unless the system property
 * {@value #PROPERTY} is {@code scalar}. Both are pure Java; stateless and thread-safe.
 */
abstract class Kernels {

    /**
     * System property selecting the kernels (else the environment variable
     * {@value NativeLapack#ENV}): {@code auto} (default), {@code scalar}, {@code vector} (alias
     * {@code simd}), {@code java} (the best Java kernels, no native code) or {@code openblas}
     * (the Java kernels plus the native Cholesky factorization, see {@link NativeLapack}).
     */
    static final String PROPERTY = "polysos.pure.kernels";
    /** The module of the JDK's Vector API. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final Kernels SELECTED = select();

    /** @return the kernels used by solves in this JVM */
    static Kernels get() {
        return SELECTED;
    }

    /**
     * Smallest Schur complement (number of variables) solved with the SIMD kernels. Below it
     * the scalar kernels run: in a fresh JVM the Vector API is slow until C2 has compiled the
     * kernels (measured: SDPLIB hinf1, m = 13, 0.79 s with the SIMD kernels cold against
     * 0.027 s scalar), and small problems spend little time in dense kernels anyway; the
     * moment relaxations this backend is built for (t1 at order 3: m = 923) are far above it.
     */
    static final int VECTOR_MIN_SCHUR = 400;

    /**
     * @param m the number of variables (the order of the Schur complement)
     * @return the kernels a solve of that size uses: {@link #get()} from
     *         {@value #VECTOR_MIN_SCHUR} variables on, the scalar kernels below
     */
    static Kernels forSchurSize(int m) {
        return m >= VECTOR_MIN_SCHUR ? SELECTED : scalar();
    }

    /**
     * Largest PSD block below which a problem whose Schur complement is sparse is solved with
     * the scalar kernels whatever its size: on such problems the SIMD kernels would only run
     * on short rows (a few lanes per row of a small block) and never in the dense Cholesky
     * factorization (the sparse one replaces it), and in a fresh JVM they are slow until C2 has
     * compiled them. Measured on the correlative-sparsity relaxation of Broyden tridiagonal,
     * n = 120 (m = 2374, blocks 10 x 10 and 4 x 4), three solves each interleaved under load
     * 7.5-8.7: 3.6-4.7 s scalar against 5.5-10.4 s SIMD.
     */
    static final int VECTOR_MIN_BLOCK = 16;

    /**
     * The kernels for a problem: {@link #forSchurSize}, except that a problem whose PSD blocks
     * are all smaller than {@value #VECTOR_MIN_BLOCK} and whose Schur complement is sparse
     * ({@link SparseSchur#patternIsSparse}) gets the scalar kernels.
     */
    static Kernels forProblem(io.polysos.sdp.SdpProblem problem) {
        Kernels k = forSchurSize(problem.numVariables());
        if (!k.vectorized()) {
            return k;
        }
        for (int b = 0; b < problem.numBlocks(); b++) {
            io.polysos.sdp.BlockSpec spec = problem.block(b);
            if (spec.kind() == io.polysos.sdp.BlockKind.PSD && spec.size() >= VECTOR_MIN_BLOCK) {
                return k;
            }
        }
        return SparseSchur.patternIsSparse(problem) ? scalar() : k;
    }



    /** @return the scalar kernels (for tests and benchmarks comparing both) */
    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /**
     * @return the Vector API kernels, or null when the module {@value #VECTOR_MODULE} is not
     *         in the boot layer
     */
    static Kernels vectorOrNull() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return null;
        }
        try {
            return (Kernels) Class.forName("io.polysos.sdp.pure.VectorKernels").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static Kernels select() {
        String want = NativeLapack.selection();
        if (want.equals("scalar")) {
            return scalar();
        }
        Kernels v = vectorOrNull();
        return v != null ? v : scalar();
    }

    /** @return one line saying which kernels these are (shown by {@code polysos solvers}) */
    abstract String description();

    /**
     * Whether dense formulas run at vector speed: the Schur formula choice then weighs their
     * flops accordingly (see {@link ProblemData}).
     */
    abstract boolean vectorized();

    /** @return doubles per SIMD vector (1 for the scalar kernels) */
    abstract int lanes();

    /** y[yo..yo+len) += alpha * x[xo..xo+len). */
    abstract void axpy(int len, double alpha, double[] x, int xo, double[] y, int yo);

    /** @return sum_{s &lt; len} x[xo+s] * y[yo+s] */
    abstract double dot(int len, double[] x, int xo, double[] y, int yo);

    /**
     * A row of a matrix product: out[oo+s] = sum_{p &lt; k} a[ao+p] * b[bo + p*ldb + s] for
     * s &lt; len (out overwritten).
     */
    abstract void productRow(int len, int k, double[] a, int ao, double[] b, int bo, int ldb, double[] out, int oo);

    /**
     * A combination of selected rows: out[oo+s] = sum_{q &lt; count} a[ao + idx[q]] *
     * b[bo + idx[q]*ldb + s] for s &lt; len (out overwritten).
     */
    abstract void combineRows(int len, int[] idx, int count, double[] a, int ao, double[] b, int bo, int ldb, double[] out,
            int oo);

    /**
     * Four rows of a product with selected rows: out[oo + i*ldo + s] = sum_{q &lt; count}
     * a[4q + i] * b[bo + idx[q]*ldb + s] for i &lt; 4 and s &lt; len (out overwritten), with the
     * four rows' coefficients packed by q in a. Every entry is the chain of fused multiply-adds
     * over ascending q in both implementations.
     */
    abstract void combineRows4(int len, int[] idx, int count, double[] a, double[] b, int bo, int ldb, double[] out, int oo,
            int ldo);

    /**
     * Rows per strip of the packed panel of the blocked Cholesky factorization. The panel
     * holds the rows k1..n-1 of the current columns k0..k1-1 (w = k1 - k0 of them), negated,
     * in strips of this many consecutive rows: with s = (i - k1) / strip and r = (i - k1) %
     * strip, -L[i][k0+p] is at {@code s * strip * w + p * strip + r} ({@link #panelIndex}). A
     * strip's values for one column are contiguous (whole SIMD vectors over its rows) and its
     * columns follow each other, so a register tile of the trailing update streams through one
     * contiguous block, instead of one row of a transposed panel per column. Negated so that
     * the SIMD kernels' fused multiply-adds take the values as they are: the exact products, and
     * hence the rounded results, are the same as with L and a negated factor.
     */
    abstract int panelStrip();

    /** @return the index of -L[row][k0 + p] in the packed panel (see {@link #panelStrip}) */
    static int panelIndex(int row, int k1, int w, int p, int strip) {
        int t = row - k1;
        int r = t % strip;
        return (t - r) * w + p * strip + r;
    }

    /**
     * The panel solve of a right-looking blocked Cholesky step for the rows [lo, hi) (lo - k1 a
     * multiple of {@link #panelStrip}): on entry their strips of the packed panel hold A[i][k0+p]
     * (not negated; rows past the end of a last partial strip hold zeros), on return -L[i][k0+p]
     * with L_ij = (A_ij - sum_{p&lt;j} L_ip L_jp) / L_jj, p ascending, the L_jp read from the
     * factored diagonal block a[j*n + k0 + p]. The matrix a is not written.
     */
    abstract void choleskyPanel(double[] a, int n, double[] panel, int k0, int k1, int lo, int hi);

    /**
     * Trailing update of a right-looking blocked Cholesky step, rows [lo, hi): for k1 &lt;= j
     * &lt;= i, a[i*n+j] -= sum_{p &lt; k1-k0} a[i*n+k0+p] * L[j][k0+p], the L[j][k0+p] read from
     * the packed panel (see {@link #panelStrip}). Entries with j &gt; i are not touched.
     */
    abstract void choleskyTrailing(double[] a, int n, double[] panel, int k0, int k1, int lo, int hi);

    /** c = a b for n x n row-major matrices (c distinct from a and b). */
    final void multiply(double[] a, double[] b, double[] c, int n) {
        for (int r = 0; r < n; r++) {
            productRow(n, n, a, r * n, b, 0, n, c, r * n);
        }
    }
}
