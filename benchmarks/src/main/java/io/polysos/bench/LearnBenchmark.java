package io.polysos.bench;

import io.polysos.nn.LearnOptions;
import io.polysos.nn.LearnResult;
import io.polysos.nn.NetworkInstance;
import io.polysos.nn.NetworkInstanceFormat;
import io.polysos.nn.PaperExperiment;
import io.polysos.nn.PolynomialLearner;
import io.polysos.nn.SyntheticGenerator;
import io.polysos.sdp.SdpSolvers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end learning (compile, relaxation, solve, extraction, refinement) at order 3, the
 * paper's setting. {@code instance=t1} is the shared file t1-quadquad-N50-m20.json (target:
 * under 2 s); {@code instance=table1-s} is the Table 1 configuration at size index s (0..4:
 * N = 50..250, widths 20..40), generated with seed 1. The data folder comes from the system
 * property {@code polysos.data} (default ../shared/data); the backend from {@code -p solver=}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LearnBenchmark {

    @Param({"t1", "table1-0", "table1-4"})
    public String instance;

    @Param({"pure"})
    public String solver;

    private NetworkInstance inst;
    private LearnOptions options;

    @Setup
    public void setup() throws IOException {
        if (instance.equals("t1")) {
            Path data = Path.of(System.getProperty("polysos.data", "../shared/data"));
            inst = NetworkInstanceFormat.read(data.resolve("networks/t1-quadquad-N50-m20.json"));
        } else {
            int s = Integer.parseInt(instance.substring(instance.indexOf('-') + 1));
            inst = SyntheticGenerator.paper(PaperExperiment.TABLE1, s, PaperExperiment.SIGMA, 1L);
        }
        options = LearnOptions.builder().order(PaperExperiment.PAPER_ORDER)
                .solver(SdpSolvers.discover().get(solver)).build();
    }

    @Benchmark
    public LearnResult learnAtOrder3() {
        return PolynomialLearner.learn(inst, options);
    }
}
