package io.polysos.bench;

import io.polysos.moment.MomentRelaxation;
import io.polysos.nn.LearnOptions;
import io.polysos.nn.Loss;
import io.polysos.nn.NetworkInstance;
import io.polysos.nn.NetworkInstanceFormat;
import io.polysos.nn.PaperExperiment;
import io.polysos.nn.TrainingCompiler;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import io.polysos.sdp.SdpaFormat;
import java.io.IOException;
import java.nio.file.Files;
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
 * Wall time of one solve by a backend with its default options, of an SDPLIB problem read
 * from {@code <polysos.data>/sdplib} or of the order-3 moment relaxation (paper loss, ball
 * 100 - |z|^2) of a network instance of {@code <polysos.data>/networks} (e.g.
 * {@code -p problem=t1-quadquad-N50-m20}). The data folder is the system property
 * {@code polysos.data} (default {@code ../shared/data}, right when run from the repository root). The backend must be
 * available ({@code polysos solvers}); pick it with {@code -p solver=scs}. Example:
 * {@code java -jar benchmarks/target/benchmarks.jar SdpSolveBenchmark -p problem=theta1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SdpSolveBenchmark {

    /** Backend name: pure, scs or mosek. */
    @Param({"pure"})
    public String solver;

    /** SDPLIB problem or network instance (file name without extension). */
    @Param({"control1", "control2", "theta1", "mcp100", "qap5", "arch0", "t1-quadquad-N50-m20"})
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
        Path sdpa = Path.of(dir, "sdplib", problem + ".dat-s");
        if (Files.exists(sdpa)) {
            sdp = SdpaFormat.read(sdpa);
        } else {
            NetworkInstance inst = NetworkInstanceFormat.read(Path.of(dir, "networks", problem + ".json"));
            Pop pop = TrainingCompiler.compile(inst.network(), inst.train(), Loss.PAPER)
                    .toPop(LearnOptions.DEFAULT_BALL_RADIUS);
            sdp = MomentRelaxation.build(pop, PaperExperiment.PAPER_ORDER).sdpProblem();
        }
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
