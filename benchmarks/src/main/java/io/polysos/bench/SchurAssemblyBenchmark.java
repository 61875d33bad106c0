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
 * Time of one assembly of the Schur complement M of the pure backend at a fixed iterate (the
 * one reached after {@link #iterations} iterations from the initial point), through
 * {@link BenchmarkHooks} (not API). With {@code -prof gc} it shows that the assembly allocates
 * nothing per entry (only the task objects of the thread pool when threads != 1). The
 * {@code formulas} parameter compares the solver's block formulas (the low-rank formula of
 * localizing blocks and the moment formula of moment blocks) with the per-variable formulas
 * on the same iterate. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar SchurAssemblyBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SchurAssemblyBenchmark {

    /** SDPLIB name or {@code moment-n<n>-k<k>} (see {@link BenchProblems}). */
    @Param({"theta1", "mcp100", "moment-n6-k3", "moment-n6-k4"})
    public String problem;

    /** Threads for the assembly (0 = all processors). */
    @Param({"1"})
    public int threads;

    /**
     * {@code block}: the solver's formulas (low-rank and moment block formulas where chosen);
     * {@code per-variable}: the per-variable formulas only, in one thread (their baseline).
     */
    @Param({"block", "per-variable"})
    public String formulas;

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
    public double assemble() {
        return formulas.equals("block") ? hooks.assembleSchur() : hooks.assembleSchurPerVariable();
    }
}
