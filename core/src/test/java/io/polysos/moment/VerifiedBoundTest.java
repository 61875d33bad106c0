package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.pop.Pop;
import io.polysos.sdp.BlockKind;
import io.polysos.sdp.csdp.CsdpExecutable;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verified lower bound against a high-accuracy CSDP solve of the same relaxation: it must
 * never exceed the relaxation's value, whatever the dual point it is computed from.
 */
class VerifiedBoundTest {

    /** The ball added to the shared problems whose feasible set is not bounded by a quadratic constraint. */
    private static final double RADIUS = 10;

    static Stream<Path> popFiles() throws Exception {
        return TestProblems.popFiles();
    }

    private static Pop bounded(Path file) {
        Pop pop = io.polysos.pop.PopReader.read(file).problem();
        return MomentBounds.of(pop, pop.minimumOrder(), MomentRelaxation.build(pop, pop.minimumOrder()).basis())
                == null ? pop.withBall(RADIUS) : pop;
    }

    private static CsdpExecutable csdpOrSkip() {
        Optional<CsdpExecutable> exe = CsdpExecutable.find();
        assumeTrue(exe.isPresent(), "csdp not found ($POLYSOS_CSDP or PATH; Debian package coinor-csdp)");
        return exe.get().withHighAccuracy();
    }

    /**
     * CSDP prints its objectives with 8 significant digits (%.7e): comparisons against them allow
     * this relative error.
     */
    private static final double PRINTED = 1e-7;

    /** @return the relaxation's value bracket [CSDP dual, CSDP primal] + f_0, the larger end */
    private static double csdpValue(CsdpExecutable exe, MomentRelaxation rel) throws Exception {
        CsdpExecutable.Result res = exe.solve(rel.sdpProblem(), 300);
        assertThat(res.status().hasSolution()).as(res.output()).isTrue();
        return Math.max(res.primalObjective(), res.dualObjective()) + rel.pop().objective().constantTerm();
    }

    private static SdpSolution solve(MomentRelaxation rel) {
        return TestProblems.solver().solve(rel.sdpProblem(), MomentSosSolver.sdpOptionsFor(SdpOptions.DEFAULTS));
    }

    @ParameterizedTest
    @MethodSource("popFiles")
    void neverExceedsTheRelaxationsValueAndMatchesAnAccurateSolve(Path file) throws Exception {
        CsdpExecutable exe = csdpOrSkip();
        Pop pop = bounded(file);
        for (int k = pop.minimumOrder(); k <= pop.minimumOrder() + 1; k++) {
            MomentRelaxation rel = MomentRelaxation.build(pop, k);
            SdpSolution sol = solve(rel);
            VerifiedBound vb = VerifiedBound.of(rel, sol);
            double top = csdpValue(exe, rel);
            assertThat(vb.rigorous()).as(vb.note()).isTrue();
            assertThat(vb.value()).as(file + " order " + k).isLessThanOrEqualTo(top + PRINTED * (1e-12 + Math.abs(top)));
            if (sol.status() == SdpStatus.OPTIMAL) {
                assertThat(Math.abs(vb.value() - vb.numeric())).as(file + " order " + k)
                        .isLessThanOrEqualTo(1e-7 * (1 + Math.abs(vb.numeric())));
            }
        }
    }

    /** The solution with each PSD dual block perturbed by a symmetric matrix of entries in [-scale, scale]. */
    private static SdpSolution perturbed(SdpProblem p, SdpSolution sol, double scale, double objectiveShift, long seed) {
        Random rnd = new Random(seed);
        double[][] y = sol.dualBlocks();
        for (int k = 0; k < y.length; k++) {
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
        // F_0 of the moment block is -1 at (0,0): lowering Y_0[0,0] raises the dual objective
        y[0][0] -= objectiveShift;
        return SdpSolution.builder(sol.status()).y(sol.y()).dualBlocks(y).measure(p).build();
    }

    @Test
    void aPerturbedDualPointGivesALowerBoundNeverAHigherOne() throws Exception {
        CsdpExecutable exe = csdpOrSkip();
        for (String f : List.of("six-hump-camel.json", "four-wells.json")) {
            Pop pop = TestProblems.read(f).problem();
            MomentRelaxation rel = MomentRelaxation.build(pop, pop.minimumOrder() + 1);
            SdpSolution sol = solve(rel);
            double top = csdpValue(exe, rel);
            double exact = VerifiedBound.of(rel, sol).value();
            for (double scale : new double[] {1e-9, 1e-6, 1e-3}) {
                for (double shift : new double[] {0, 1e-4}) {
                    SdpSolution bad = perturbed(rel.sdpProblem(), sol, scale, shift, 7);
                    VerifiedBound vb = VerifiedBound.of(rel, bad);
                    String what = f + " scale " + scale + " shift " + shift;
                    if (shift > 1000 * scale) {
                        // the solver's number now overshoots the relaxation's value
                        assertThat(vb.numeric()).as(what).isGreaterThan(top);
                    }
                    assertThat(vb.value()).as(what).isLessThanOrEqualTo(top + PRINTED * (1e-12 + Math.abs(top)));
                    assertThat(vb.value()).as(what).isLessThanOrEqualTo(exact + 1e-9 * (1 + Math.abs(exact)));
                }
            }
            // a large perturbation costs visibly
            assertThat(VerifiedBound.of(rel, perturbed(rel.sdpProblem(), sol, 1e-3, 0, 7)).value()).isLessThan(exact - 1e-6);
        }
    }

    @Test
    void withoutABoundingConstraintTheBoundIsNumericOnly() {
        Pop pop = TestProblems.pop("x,y", "(x - 1)^2 + (y + 2)^2 + x*y");
        MomentRelaxation rel = MomentRelaxation.build(pop, 1);
        VerifiedBound vb = VerifiedBound.of(rel, solve(rel));
        assertThat(vb.rigorous()).isFalse();
        assertThat(vb.value()).isNaN();
        assertThat(vb.note()).isEqualTo(VerifiedBound.NO_TRACE_BOUND);
        PopResult r = new MomentSosSolver(TestProblems.solver()).solve(pop);
        assertThat(r.boundVerified()).isFalse();
        assertThat(r.bound()).isEqualTo(r.boundNumeric());
    }

    @Test
    void aLinearObjectiveWithoutConstraintsIsUnboundedWithARay() {
        Pop pop = TestProblems.pop("x,y", "x");
        PopResult r = new MomentSosSolver(TestProblems.solver(), HierarchyOptions.builder().maxOrder(2).build())
                .solve(pop);
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.UNBOUNDED);
        assertThat(r.message()).contains("unbounded below");
        assertThat(r.bound()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /** A solver that claims every problem unbounded, with the ray y = (1, ..., 1). */
    private static final class ClaimsUnbounded implements SdpSolver {
        @Override
        public String name() {
            return "claims-unbounded";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public SdpSolution solve(SdpProblem problem, SdpOptions options) {
            double[] y = new double[problem.numVariables()];
            java.util.Arrays.fill(y, 1.0);
            return SdpSolution.builder(SdpStatus.UNBOUNDED).y(y).message("dual infeasible").build();
        }
    }

    @Test
    void unboundednessIsNeverClaimedWithoutARayOfTheProblem() {
        Pop pop = TestProblems.pop("x,y", "(x + y + 1)^40");
        PopResult r = new MomentSosSolver(new ClaimsUnbounded(), HierarchyOptions.builder().maxOrder(20).build())
                .solve(pop);
        assertThat(r.status()).isEqualTo(PopStatus.FAILED);
        assertThat(r.message()).contains("unboundedness is not claimed");
        // the same solver on a problem that is unbounded: the ray of the problem decides
        PopResult lin = new MomentSosSolver(new ClaimsUnbounded()).solve(TestProblems.pop("x,y", "x - y^2"));
        assertThat(lin.status()).isEqualTo(PopStatus.UNBOUNDED);
    }

    @Test
    void aTinyDirectionIsJudgedAtUnitScaleNotThroughUnderflow() {
        // the last iterate of an SDP solve that diverged on (x+y+1)^40: at this scale d^a
        // underflows for |a| >= 30 and the coefficient of t^29 is a rounding error
        Pop pop = TestProblems.pop("x,y", "(x + y + 1)^40");
        assertThat(UnboundedRay.check(pop, new double[] {-1.497586909e-11, -1.489410721e-11})).isEmpty();
        assertThat(UnboundedRay.check(pop, new double[] {-1e-200, 1e-200})).isEmpty();
        // a real ray is found at any scale, reported at unit scale
        Pop open = TestProblems.pop("x,y", "x - y^2");
        Optional<UnboundedRay> ray = UnboundedRay.check(open, new double[] {-3e-250, 0});
        assertThat(ray).isPresent();
        assertThat(ray.get().direction()[0]).isBetween(-2.0, -1.0);
        assertThat(ray.get().objectiveDegree()).isEqualTo(1);
        // a component whose powers underflow: no error bound holds, so no claim
        assertThat(UnboundedRay.check(open, new double[] {-1, 1e-300})).isEmpty();
    }

    @Test
    void aRayMustKeepEveryConstraint() {
        Pop pop = TestProblems.pop("x,y", "x", "x >= -1");
        assertThat(UnboundedRay.find(pop, List.of())).isEmpty();
        Pop open = TestProblems.pop("x,y", "x + y", "x >= -1");
        Optional<UnboundedRay> ray = UnboundedRay.find(open, List.of());
        assertThat(ray).isPresent();
        assertThat(ray.get().direction()[0]).isGreaterThanOrEqualTo(0);
    }
}
