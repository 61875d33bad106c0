package io.polysos.bench;

import io.polysos.nn.NetworkInstance;
import io.polysos.nn.PaperExperiment;
import io.polysos.nn.SyntheticGenerator;
import io.polysos.nn.TrainingCompiler;
import io.polysos.nn.TrainingProblem;
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

/** Compiling the paper loss of the largest two-layer configurations (N = 250, widths 40); target under 20 ms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompileBenchmark {

    @Param({"table1", "table2"})
    public String table;

    private NetworkInstance inst;

    @Setup
    public void setup() {
        inst = SyntheticGenerator.paper(PaperExperiment.parse(table), 4, PaperExperiment.SIGMA, 42);
    }

    @Benchmark
    public TrainingProblem compilePaperLoss() {
        return TrainingCompiler.compile(inst.network(), inst.train());
    }
}
