package io.polysos.bench;

import io.polysos.moment.MomentRelaxation;
import io.polysos.moment.sparse.CorrelativeSparsity;
import io.polysos.moment.sparse.SparseMomentRelaxation;
import io.polysos.moment.sparse.Sparsity;
import io.polysos.moment.sparse.SparsityOptions;
import io.polysos.poly.MonomialBasis;
import io.polysos.poly.PolynomialBuilder;
import io.polysos.pop.ChainedProblems;
import io.polysos.pop.Pop;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpaFormat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problems shared by the solver benchmarks: an SDPLIB file name (read from
 * {@code <polysos.data>/sdplib}, system property, default {@code ../shared/data}), or
 * {@code moment-n<n>-k<k>}: the order-k moment relaxation of a seeded random dense polynomial
 * of degree 2k in n variables (coefficients 0.1 N(0,1), plus sum_i x_i^{2k}) on the ball of
 * radius 2, i.e. one moment block of size C(n+k, n), one ball localizing block and
 * C(n+2k, n) - 1 variables; or {@code chained-<name>-n<n>}: the correlative-sparsity relaxation
 * of a chained problem (see {@link #chained}).
 */
final class BenchProblems {

    private static final Pattern MOMENT = Pattern.compile("moment-n(\\d+)-k(\\d+)");
    private static final Pattern CHAINED = Pattern.compile("chained-([a-z-]+)-n(\\d+)");

    private BenchProblems() {
    }

    static SdpProblem load(String name) throws IOException {
        Matcher mm = MOMENT.matcher(name);
        if (mm.matches()) {
            return moment(Integer.parseInt(mm.group(1)), Integer.parseInt(mm.group(2)), 7L);
        }
        Matcher mc = CHAINED.matcher(name);
        if (mc.matches()) {
            return chained(mc.group(1), Integer.parseInt(mc.group(2)));
        }
        String dir = System.getProperty("polysos.data", "../shared/data");
        return SdpaFormat.read(Path.of(dir, "sdplib", name + ".dat-s"));
    }

    /**
     * The correlative-sparsity relaxation at the minimum order of a chained problem of
     * {@code polysos generate} (rosenbrock, broyden-tridiagonal, chained-wood) with n variables.
     */
    static SdpProblem chained(String name, int n) {
        Pop pop = ChainedProblems.generate(name, n).problem();
        return SparseMomentRelaxation.build(pop, pop.minimumOrder(), SparsityOptions.of(Sparsity.CS),
                CorrelativeSparsity.of(pop, true)).sdpProblem();
    }

    static SdpProblem moment(int n, int k, long seed) {
        Random rnd = new Random(seed);
        MonomialBasis basis = new MonomialBasis(n, 2 * k);
        PolynomialBuilder f = new PolynomialBuilder(n, 2 * k);
        for (int r = 0; r < basis.size(); r++) {
            f.addTerm(basis.exponentVector(r), 0.1 * rnd.nextGaussian());
        }
        for (int i = 0; i < n; i++) {
            int[] e = new int[n];
            e[i] = 2 * k;
            f.addTerm(e, 1.0);
        }
        Pop pop = Pop.builder(n).minimize(f.build()).build().withBall(2.0);
        return MomentRelaxation.build(pop, k).sdpProblem();
    }
}
