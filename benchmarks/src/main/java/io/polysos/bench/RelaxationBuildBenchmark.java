package io.polysos.bench;

import io.polysos.moment.MomentRelaxation;
import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Polynomial;
import io.polysos.poly.PolynomialBuilder;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpProblem;
import java.util.Random;
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
 * Time to build the order-k moment relaxation (moment matrix, one ball localizing matrix,
 * objective) of a seeded random dense polynomial of degree 2k in n variables.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar RelaxationBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RelaxationBuildBenchmark {

    @Param({"6", "8", "10"})
    public int n;

    @Param({"2", "3", "4"})
    public int k;

    private Pop pop;

    @Setup
    public void setUp() {
        Random rnd = new Random(42L + 31L * n + k);
        MonomialBasis basis = new MonomialBasis(n, 2 * k);
        PolynomialBuilder f = new PolynomialBuilder(n, 2 * k);
        for (int r = 0; r < basis.size(); r++) {
            f.addTerm(basis.exponentVector(r), rnd.nextGaussian());
        }
        Polynomial obj = f.build();
        pop = Pop.builder(n).minimize(obj).build().withBall(1.0);
    }

    @Benchmark
    public SdpProblem build() {
        return MomentRelaxation.build(pop, k).sdpProblem();
    }
}
