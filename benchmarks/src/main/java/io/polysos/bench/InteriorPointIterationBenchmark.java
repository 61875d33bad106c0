package io.polysos.bench;

import io.polysos.sdp.pure.BenchmarkHooks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Time of one full interior-point iteration of the pure backend (residuals, Cholesky factors
 * of X and Z, Schur complement and its factorization, predictor and corrector directions with
 * refinement, step lengths), always from the same iterate (the one reached after
 * {@link #iterations} iterations), through {@link BenchmarkHooks} (not API). With
 * {@code -prof gc} the allocation per iteration stays small and independent of the number of
 * entries. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar InteriorPointIterationBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class InteriorPointIterationBenchmark {

    /** SDPLIB name or {@code moment-n<n>-k<k>} (see {@link BenchProblems}). */
    @Param({"theta1", "mcp100", "control2", "arch0", "moment-n6-k3"})
    public String problem;

    /** Threads for the Schur complement and its factorization (0 = all processors). */
    @Param({"1"})
    public int threads;

    /** Iterations taken before the iterate is fixed. */
    @Param({"5"})
    public int iterations;

    private BenchmarkHooks hooks;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        hooks = BenchmarkHooks.atIteration(BenchProblems.load(problem), threads, iterations);
    }

    @TearDown(Level.Trial)
    public void close() {
        hooks.close();
    }

    @Benchmark
    public void iterate() {
        hooks.iterate();
    }
}
