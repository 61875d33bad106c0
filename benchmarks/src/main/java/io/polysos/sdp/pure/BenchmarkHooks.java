package io.polysos.sdp.pure;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;

import java.util.Objects;

/**
 * Access to the inner steps of the pure backend for the JMH benchmarks. It is compiled in the
 * {@code benchmarks} module, into the package of the backend so that it can reach its
 * package-private classes on the class path; the {@code sdp-pure} artifact does not contain it.
 * <b>Not API</b>: it exists only so that benchmarks outside this package can time the Schur complement assembly and single interior-point iterations at a
 * fixed iterate; it may change or disappear without notice, and solver users must go
 * through {@link PureSdpSolver}.
 */
public final class BenchmarkHooks implements AutoCloseable {

    private final InteriorPointRun run;
    private final SdpProblem problem;
    private SchurAssembler perVariable;
    private org.ejml.data.DMatrixRMaj perVariableOut;

    private BenchmarkHooks(InteriorPointRun run, SdpProblem problem) {
        this.run = run;
        this.problem = problem;
    }

    /**
     * Runs {@code iterations} iterations of the solver on {@code problem} from its initial
     * point and keeps that iterate.
     *
     * @param problem the problem
     * @param threads threads for the Schur complement and its factorization (0 = all)
     * @param iterations iterations to take before keeping the iterate (0 = initial point)
     * @throws IllegalStateException when an iteration fails on the way
     */
    public static BenchmarkHooks atIteration(SdpProblem problem, int threads, int iterations) {
        Objects.requireNonNull(problem, "problem");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        InteriorPointRun run = new InteriorPointRun(problem, SdpOptions.builder().threads(threads).build());
        String failure = run.benchmarkPrepare(iterations);
        if (failure != null) {
            run.benchmarkClose();
            throw new IllegalStateException("iteration failed while preparing the benchmark: " + failure);
        }
        return new BenchmarkHooks(run, problem);
    }

    /**
     * A Cholesky factorization of an n x n SPD matrix with the chosen kernels, for the kernel
     * benchmarks.
     *
     * @param n the order
     * @param simd true for the Vector API kernels (which must be available), false for the scalar ones
     * @param threads threads of the factorization (1 = the calling thread only)
     * @return a factorization that copies its input before each run
     */
    public static CholeskyRun cholesky(int n, boolean simd, int threads) {
        return cholesky(n, simd ? "simd" : "scalar", threads);
    }

    /**
     * A Cholesky factorization of an n x n SPD matrix with the chosen kernels.
     *
     * @param n the order
     * @param kernels {@code scalar}, {@code simd} (the Vector API, which must be available) or
     *        {@code openblas} (the native factorization, which must load)
     * @param threads threads of the factorization (1 = the calling thread only)
     * @return a factorization that copies its input before each run
     */
    public static CholeskyRun cholesky(int n, String kernels, int threads) {
        Kernels k = kernels.equals("scalar") ? Kernels.scalar() : Kernels.vectorOrNull();
        if (k == null) {
            throw new IllegalStateException("the Vector API module " + Kernels.VECTOR_MODULE + " is not in this JVM "
                    + "(start it with --add-modules " + Kernels.VECTOR_MODULE + ")");
        }
        NativeLapack lapack = null;
        if (kernels.equals("openblas")) {
            lapack = NativeLapack.loadOrNull();
            if (lapack == null) {
                throw new IllegalStateException("the native OpenBLAS factorization does not load here");
            }
        }
        return new CholeskyRun(n, k, threads, lapack);
    }

    /** A reusable Cholesky factorization of one random SPD matrix (see {@link #cholesky}). */
    public static final class CholeskyRun implements AutoCloseable {
        private final int n;
        private final double[] a;
        private final double[] work;
        private final DenseCholesky chol;
        private final java.util.concurrent.ExecutorService pool;

        CholeskyRun(int n, Kernels k, int threads, NativeLapack lapack) {
            this.n = n;
            java.util.Random rnd = new java.util.Random(1);
            a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = 0.01 * rnd.nextDouble();
                    a[i * n + j] = v;
                    a[j * n + i] = v;
                }
                a[i * n + i] += n;
            }
            work = new double[n * n];
            pool = threads > 1 ? java.util.concurrent.Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "polysos-bench-cholesky");
                t.setDaemon(true);
                return t;
            }) : null;
            chol = new DenseCholesky(n, pool, Math.max(1, threads), k, lapack);
        }

        /** @return the last diagonal entry of the factor */
        public double factor() {
            System.arraycopy(a, 0, work, 0, n * n);
            if (!chol.factor(work, n)) {
                throw new IllegalStateException("not positive definite");
            }
            return work[n * n - 1];
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * The Schur complement M of {@code problem} at the iterate reached after
     * {@code iterations} iterations, on its sparsity pattern ({@link SchurPattern}), to time
     * its factorizations: the sparse one ({@link SparseCholesky}) against the dense one on the
     * same matrix.
     *
     * @param problem the problem
     * @param iterations iterations before M is taken (0 = initial point)
     * @throws IllegalStateException when an iteration fails on the way
     */
    public static SchurFactorRun schurFactor(SdpProblem problem, int iterations) {
        double[] m;
        try (BenchmarkHooks hooks = atIteration(problem, 1, iterations)) {
            m = hooks.run.benchmarkAssemble().data.clone();
        }
        ProblemData d = new ProblemData(problem, Kernels.forSchurSize(problem.numVariables()));
        SchurPattern pattern = SchurPattern.of(d, Long.MAX_VALUE);
        return new SchurFactorRun(d, pattern, m);
    }

    /** A Schur complement on its pattern, factored sparse or dense (see {@link #schurFactor}). */
    public static final class SchurFactorRun {
        private final int m;
        private final SchurPattern pattern;
        private final double[] dense;
        private final double[] values;
        private final double[] work;
        private final SparseCholesky sparse;
        private final DenseCholesky denseChol;

        SchurFactorRun(ProblemData d, SchurPattern pattern, double[] dense) {
            this.m = d.m;
            this.pattern = pattern;
            this.dense = dense;
            this.values = new double[(int) pattern.nonzeros()];
            for (int i = 0; i < m; i++) {
                for (int p = pattern.rowPtr[i]; p < pattern.rowPtr[i + 1]; p++) {
                    values[p] = dense[i * m + pattern.colIdx[p]];
                }
                if (values[pattern.diagonal(i)] == 0) {
                    values[pattern.diagonal(i)] = 1; // as the solver does for a variable in no block
                    dense[i * m + i] = 1;
                }
            }
            this.work = new double[m * m];
            this.sparse = analyse();
            this.denseChol = new DenseCholesky(m, null, 1, d.kernels);
        }

        /** m, the order of M. */
        public int size() {
            return m;
        }

        /** Entries of the pattern's lower triangle, the diagonal included. */
        public long patternNonzeros() {
            return pattern.nonzeros();
        }

        /** Entries of the sparse factor. */
        public long factorNonzeros() {
            return sparse.factorNonzeros();
        }

        /** Ordering and symbolic factorization (done once per solve). */
        public SparseCholesky analyse() {
            return new SparseCholesky(m, pattern.rowPtr, pattern.colIdx);
        }

        /** @return the multiply-adds of the sparse factorization */
        public double factorSparse() {
            if (!sparse.factor(values)) {
                throw new IllegalStateException("not positive definite");
            }
            return sparse.flops();
        }

        /** @return the last diagonal entry of the dense factor */
        public double factorDense() {
            System.arraycopy(dense, 0, work, 0, m * m);
            if (!denseChol.factor(work, m)) {
                throw new IllegalStateException("not positive definite");
            }
            return work[m * m - 1];
        }
    }

    /**
     * Assembles the Schur complement M at the kept iterate with the per-variable formulas
     * only, in the calling thread (the baseline of the low-rank and moment block formulas).
     *
     * @return the trace of M (so that the work cannot be optimized away)
     */
    public double assembleSchurPerVariable() {
        if (perVariable == null) {
            ProblemData plain = new ProblemData(problem, Kernels.forSchurSize(problem.numVariables()), false);
            perVariable = new SchurAssembler(plain, null, 1);
            perVariableOut = new org.ejml.data.DMatrixRMaj(plain.m, plain.m);
        }
        run.benchmarkAssemblePerVariable(perVariable, perVariableOut);
        return trace(perVariableOut);
    }

    /**
     * Assembles the Schur complement at the kept iterate.
     *
     * @return the trace of M (so that the work cannot be optimized away)
     */
    public double assembleSchur() {
        return trace(run.benchmarkAssemble());
    }

    private static double trace(org.ejml.data.DMatrixRMaj a) {
        int m = a.numRows;
        double t = 0;
        for (int i = 0; i < m; i++) {
            t += a.data[i * m + i];
        }
        return t;
    }

    /**
     * One full interior-point iteration (factorizations, Schur complement, its Cholesky
     * factorization, predictor and corrector, step lengths) from the kept iterate.
     *
     * @throws IllegalStateException when the iteration fails
     */
    public void iterate() {
        String failure = run.benchmarkIteration();
        if (failure != null) {
            throw new IllegalStateException("iteration failed: " + failure);
        }
    }

    @Override
    public void close() {
        run.benchmarkClose();
    }
}
