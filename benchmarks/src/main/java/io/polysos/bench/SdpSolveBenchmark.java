package io.polysos.bench;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import io.polysos.sdp.SdpaFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/**
 * Wall time of one solve of an SDPLIB problem by a backend with its default options.
 * Problems are read from {@code <polysos.data>/sdplib} (system property, default
 * {@code ../shared/data}, right when run from the repository root). The backend must be
 * available ({@code polysos solvers}); pick it with {@code -p solver=scs}. Example:
 * {@code java -jar benchmarks/target/benchmarks.jar SdpSolveBenchmark -p problem=theta1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SdpSolveBenchmark {

    /** Backend name: pure, scs or mosek. */
    @Param({"pure"})
    public String solver;

    /** SDPLIB problem name (file name without .dat-s). */
    @Param({"control1", "control2", "theta1", "mcp100", "qap5", "arch0"})
    public String problem;

    /** Solver threads (0 = all processors). */
    @Param({"0"})
    public int threads;

    private SdpProblem sdp;
    private SdpOptions options;
    private SdpSolver backend;

    @Setup(Level.Trial)
    public void read() throws IOException {
        String dir = System.getProperty("polysos.data", "../shared/data");
        sdp = SdpaFormat.read(Path.of(dir, "sdplib", problem + ".dat-s"));
        options = SdpOptions.builder().threads(threads).build();
        backend = SdpSolvers.discover().get(solver);
    }

    @Benchmark
    public SdpSolution solve() {
        SdpSolution s = backend.solve(sdp, options);
        if (!s.status().hasSolution()) {
            throw new IllegalStateException(problem + ": " + s.status() + " " + s.message());
        }
        return s;
    }
}
