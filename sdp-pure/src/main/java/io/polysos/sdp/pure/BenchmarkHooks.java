package io.polysos.sdp.pure;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;

import java.util.Objects;

/**
 * Access to the inner steps of the pure backend for the JMH benchmarks of the
 * {@code benchmarks} module. <b>Not API</b>: it exists only so that benchmarks outside this
 * package can time the Schur complement assembly and single interior-point iterations at a
 * fixed iterate; it may change or disappear without notice, and solver users must go
 * through {@link PureSdpSolver}.
 */
public final class BenchmarkHooks implements AutoCloseable {

    private final InteriorPointRun run;

    private BenchmarkHooks(InteriorPointRun run) {
        this.run = run;
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
        return new BenchmarkHooks(run);
    }

    /**
     * Assembles the Schur complement M at the kept iterate.
     *
     * @return the trace of M (so that the work cannot be optimized away)
     */
    public double assembleSchur() {
        org.ejml.data.DMatrixRMaj schur = run.benchmarkAssemble();
        double[] a = schur.data;
        int m = schur.numRows;
        double t = 0;
        for (int i = 0; i < m; i++) {
            t += a[i * m + i];
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
