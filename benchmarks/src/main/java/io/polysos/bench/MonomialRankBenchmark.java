package io.polysos.bench;

import io.polysos.poly.MonomialBasis;
import io.polysos.poly.Monomials;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost per call of the monomial order's rank arithmetic on a seeded batch of exponent
 * vectors of degree &lt;= d: {@link Monomials#rank(int[], int, int)},
 * {@link Monomials#rankOfSum(int[], int, int[], int, int)} and
 * {@link Monomials#unrank(int, long, int[], int)} into a reused array. None of the three
 * should allocate; check with {@code -prof gc} (gc.alloc.rate.norm near 0 B/op).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar MonomialRankBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MonomialRankBenchmark {

    /** Exponent vectors per invocation. */
    static final int BATCH = 1024;

    @Param({"6", "10"})
    public int n;

    @Param({"4", "8"})
    public int d;

    private int[] exps;
    private long[] ranks;
    private int[] out;

    @Setup
    public void setUp() {
        Random rnd = new Random(7L * n + d);
        // half-degree vectors so that sums stay within degree d
        MonomialBasis half = new MonomialBasis(n, d / 2);
        exps = new int[BATCH * n];
        ranks = new long[BATCH];
        out = new int[n];
        for (int i = 0; i < BATCH; i++) {
            int r = rnd.nextInt(half.size());
            System.arraycopy(half.exponentVector(r), 0, exps, i * n, n);
            ranks[i] = Monomials.rankOfSum(exps, i * n, exps, i * n, n);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long rank() {
        long s = 0;
        for (int i = 0; i < BATCH; i++) {
            s += Monomials.rank(exps, i * n, n);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long rankOfSum() {
        long s = 0;
        for (int i = 0; i < BATCH; i++) {
            int j = (i * 7 + 3) & (BATCH - 1);
            s += Monomials.rankOfSum(exps, i * n, exps, j * n, n);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int unrank() {
        int s = 0;
        for (int i = 0; i < BATCH; i++) {
            Monomials.unrank(n, ranks[i], out, 0);
            s += out[0];
        }
        return s;
    }
}
