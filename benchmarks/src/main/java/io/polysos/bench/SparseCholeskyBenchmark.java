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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The pure backend's factorizations of a sparse Schur complement: the Schur complement M of
 * the correlative-sparsity relaxation of Broyden tridiagonal (n = 40: m = 774; n = 120:
 * m = 2374) at the iterate reached after 5 iterations, factored by the sparse Cholesky on
 * its pattern ({@code sparse}), by the dense blocked Cholesky, one thread ({@code dense}), and
 * the sparse path's once-per-solve minimum-degree ordering and symbolic analysis
 * ({@code analyse}). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar SparseCholeskyBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SparseCholeskyBenchmark {

    /** The problem (see {@link BenchProblems}). */
    @Param({"chained-broyden-tridiagonal-n40", "chained-broyden-tridiagonal-n120"})
    public String problem;

    /** {@code sparse}, {@code dense} or {@code analyse}. */
    @Param({"sparse", "dense", "analyse"})
    public String method;

    private BenchmarkHooks.SchurFactorRun run;

    @Setup(Level.Trial)
    public void prepare() throws Exception {
        run = BenchmarkHooks.schurFactor(BenchProblems.load(problem), 5);
    }

    @Benchmark
    public Object factor() {
        return switch (method) {
            case "sparse" -> run.factorSparse();
            case "dense" -> run.factorDense();
            case "analyse" -> run.analyse();
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
    }
}
