package io.polysos.bench;

import io.polysos.nn.LearnOptions;
import io.polysos.nn.LearnResult;
import io.polysos.nn.NetworkInstance;
import io.polysos.nn.NetworkInstanceFormat;
import io.polysos.nn.PolynomialLearner;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End-to-end learning of t1-quadquad-N50-m20.json at order 3 with the pure backend; target
 * under 2 s. The data directory comes from the system property {@code polysos.data}
 * (default ../shared/data).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LearnBenchmark {

    private NetworkInstance inst;
    private LearnOptions options;

    @Setup
    public void setup() throws IOException {
        Path data = Path.of(System.getProperty("polysos.data", "../shared/data"));
        inst = NetworkInstanceFormat.read(data.resolve("networks/t1-quadquad-N50-m20.json"));
        options = LearnOptions.builder().order(3).solver(SdpSolvers.discover().get("pure")).build();
    }

    @Benchmark
    public LearnResult learnT1AtOrder3() {
        return PolynomialLearner.learn(inst, options);
    }
}
