package io.polysos.moment.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.moment.HierarchyOptions;
import io.polysos.moment.MomentSosSolver;
import io.polysos.moment.PopResult;
import io.polysos.moment.VerifiedBound;
import io.polysos.pop.ChainedProblems;
import io.polysos.pop.Pop;
import io.polysos.pop.PopReader;
import io.polysos.sdp.BlockKind;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolvers;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verified lower bound of the sparse relaxations: on the chained problems (optimum 0, so
 * every valid lower bound is &lt;= 0) it must stay below 0 whatever the dual point it is
 * computed from, and match the solver's number on an accurate solve.
 */
class SparseVerifiedBoundTest {

    private static SparseMomentRelaxation relaxation(String name, int n, Sparsity s) {
        Pop pop = ChainedProblems.generate(name, n).problem();
        return SparseMomentRelaxation.build(pop, 2, SparsityOptions.of(s), CorrelativeSparsity.of(pop, s.correlative()));
    }

    private static SdpSolution solve(SdpProblem p) {
        return SdpSolvers.discover().get("pure").solve(p, MomentSosSolver.withDefaultTolerance(SdpOptions.DEFAULTS,
                HierarchyOptions.DEFAULT_SDP_TOLERANCE));
    }

    @ParameterizedTest
    @CsvSource({"rosenbrock,CS", "rosenbrock,TS", "rosenbrock,CS_TS", "broyden-tridiagonal,CS",
            "chained-wood,CS", "chained-wood,TS"})
    void anAccurateSolveGivesAVerifiedBoundBelowTheOptimumAndNextToTheSolversNumber(String name, Sparsity s) {
        SparseMomentRelaxation rel = relaxation(name, 6, s);
        SdpSolution sol = solve(rel.sdpProblem());
        VerifiedBound vb = SparseMomentSosSolver.verifiedBound(rel, sol);
        assertThat(vb.rigorous()).as(vb.note()).isTrue();
        assertThat(vb.value()).isLessThanOrEqualTo(0.0);
        assertThat(vb.value()).isLessThanOrEqualTo(vb.numeric());
        assertThat(vb.numeric() - vb.value()).as("cost of the verification").isLessThan(1e-6);
    }

    /** Each PSD dual block perturbed by a symmetric matrix of entries in [-scale, scale], and Y_0's constant entry lowered. */
    private static SdpSolution perturbed(SdpProblem p, SdpSolution sol, double scale, double shift, long seed) {
        Random rnd = new Random(seed);
        double[][] y = sol.dualBlocks().clone();
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k].clone();
            if (p.block(k).kind() != BlockKind.PSD) {
                continue;
            }
            int s = p.block(k).size();
            for (int i = 0; i < s; i++) {
                for (int j = i; j < s; j++) {
                    double d = scale * (2 * rnd.nextDouble() - 1);
                    y[k][i * s + j] += d;
                    if (i != j) {
                        y[k][j * s + i] += d;
                    }
                }
            }
        }
        // block 0 is the first clique's moment block, row 0 the monomial 1 (F_0 = -1 there):
        // lowering that entry raises the dual objective
        y[0][0] -= shift;
        return SdpSolution.builder(sol.status()).y(sol.y()).dualBlocks(y).measure(p).build();
    }

    @ParameterizedTest
    @CsvSource({"rosenbrock,CS", "chained-wood,CS", "rosenbrock,TS"})
    void aPerturbedDualPointNeverGivesABoundAboveTheOptimum(String name, Sparsity s) {
        SparseMomentRelaxation rel = relaxation(name, 6, s);
        SdpSolution sol = solve(rel.sdpProblem());
        double exact = SparseMomentSosSolver.verifiedBound(rel, sol).value();
        for (double scale : new double[] {1e-9, 1e-6, 1e-3}) {
            for (double shift : new double[] {0, 1e-3}) {
                VerifiedBound vb = SparseMomentSosSolver.verifiedBound(rel,
                        perturbed(rel.sdpProblem(), sol, scale, shift, 11));
                String what = name + " " + s + " scale " + scale + " shift " + shift;
                assertThat(vb.rigorous()).as(what).isTrue();
                if (shift > 1000 * scale) {
                    // the solver's number now claims more than the optimum
                    assertThat(vb.numeric()).as(what).isGreaterThan(0.0);
                }
                assertThat(vb.value()).as(what).isLessThanOrEqualTo(0.0);
            }
        }
        assertThat(SparseMomentSosSolver.verifiedBound(rel, perturbed(rel.sdpProblem(), sol, 1e-3, 0, 11)).value())
                .isLessThan(exact - 1e-6);
    }

    @Test
    void aVariableWithoutABoundingConstraintInItsCliqueLeavesTheBoundNumeric() {
        Pop pop = PopReader.parse("{\"format\":\"polysos-pop/1\",\"name\":\"t\",\"variables\":[\"x\",\"y\",\"z\"],"
                + "\"minimize\":\"(x - 1)^2 + (x - y)^2 + (y - z^2)^2\",\"subjectTo\":[\"4 - x^2 >= 0\", \"4 - y^2 >= 0\"]}")
                .problem();
        PopResult r = new SparseMomentSosSolver(SdpSolvers.discover().get("pure"),
                HierarchyOptions.builder().order(2).build(), SparsityOptions.of(Sparsity.CS)).solve(pop).result();
        assertThat(r.boundVerified()).isFalse();
        assertThat(r.orders().get(0).bounds().note()).contains("no bound on the moment");
        // with z bounded too, the bound is verified
        Pop boxed = pop.withBox(2);
        PopResult b = new SparseMomentSosSolver(SdpSolvers.discover().get("pure"),
                HierarchyOptions.builder().order(2).build(), SparsityOptions.of(Sparsity.CS)).solve(boxed).result();
        assertThat(b.boundVerified()).as(b.orders().get(0).bounds().note()).isTrue();
        assertThat(b.bound()).isLessThanOrEqualTo(b.orders().get(0).bounds().lowerBoundNumeric());
    }
}
