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

import java.util.concurrent.TimeUnit;

/**
 * The pure backend's dense Cholesky factorization of the Schur complement with the scalar and
 * the SIMD (Vector API) kernels, and with the optional native OpenBLAS {@code dpotrf}: n = 923 is the Schur complement of t1 at order 3. The forked
 * JVM gets the Vector API module. Run with
 * {@code java -jar benchmarks/target/benchmarks.jar CholeskyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CholeskyBenchmark {

    /** Order of the matrix. */
    @Param({"256", "923"})
    public int n;

    /** {@code scalar}, {@code simd} or {@code openblas} (the native factorization). */
    @Param({"scalar", "simd", "openblas"})
    public String kernels;

    /** Threads of the factorization. */
    @Param({"1", "2"})
    public int threads;

    private BenchmarkHooks.CholeskyRun run;

    @Setup(Level.Trial)
    public void prepare() {
        run = BenchmarkHooks.cholesky(n, kernels, threads);
    }

    @TearDown(Level.Trial)
    public void close() {
        run.close();
    }

    @Benchmark
    public double factor() {
        return run.factor();
    }
}
