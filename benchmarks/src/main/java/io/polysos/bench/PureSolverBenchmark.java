package io.polysos.bench;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpaFormat;
import io.polysos.sdp.pure.PureSdpSolver;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of one solve of an SDPLIB problem by the pure backend with default options.
 * Problems are read from {@code <polysos.data>/sdplib} (system property, default
 * {@code ../shared/data}). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar PureSolverBenchmark -p problem=theta1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PureSolverBenchmark {

    /** SDPLIB problem name (file name without .dat-s). */
    @Param({"control1", "control2", "theta1", "mcp100", "qap5", "arch0"})
    public String problem;

    /** Threads for the Schur complement (0 = all processors). */
    @Param({"0"})
    public int threads;

    private SdpProblem sdp;
    private SdpOptions options;

    @Setup(Level.Trial)
    public void read() throws IOException {
        String dir = System.getProperty("polysos.data", "../shared/data");
        sdp = SdpaFormat.read(Path.of(dir, "sdplib", problem + ".dat-s"));
        options = SdpOptions.builder().threads(threads).build();
    }

    @Benchmark
    public SdpSolution solve() {
        SdpSolution s = new PureSdpSolver().solve(sdp, options);
        if (!s.status().hasSolution()) {
            throw new IllegalStateException(problem + ": " + s.status() + " " + s.message());
        }
        return s;
    }
}
