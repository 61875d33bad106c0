package io.polysos.moment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.polysos.pop.Pop;
import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpShape;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.pop.PopFile;
import org.junit.jupiter.api.Test;

class PopResultTest {

    @Test
    void boundOnlyReportsTheLowerBoundTheCandidatesAndTheGap() {
        PopFile pf = TestProblems.read("gloptipoly-manual.json");
        Pop pop = pf.problem();
        PopResult r = new MomentSosSolver(TestProblems.solver(), HierarchyOptions.builder().maxOrder(3).build())
                .solve(pop);
        assertThat(r.status()).isEqualTo(PopStatus.BOUND_ONLY);
        assertThat(r.isCertified()).isFalse();
        assertThat(r.minimizers()).isEmpty();
        assertThat(r.order()).isEqualTo(3);
        // the best bound is the order-3 bound, below the optimum
        assertThat(r.bound()).isCloseTo(pf.knownBoundsByOrder().get(3), within(2e-4));
        assertThat(r.bound()).isLessThan(pf.knownOptimum().orElseThrow());
        assertThat(r.candidates()).isNotEmpty();
        double best = Double.NaN;
        for (CandidatePoint c : r.candidates()) {
            assertThat(c.objective()).isEqualTo(pop.objective().evaluate(c.point()));
            if (c.feasible() && !(c.objective() >= best)) {
                best = c.objective();
            }
        }
        assertThat(Double.compare(r.bestFeasibleObjective(), best)).as("best feasible objective").isZero();
        if (Double.isNaN(best)) {
            assertThat(r.gap()).isNaN();
            assertThat(r.message()).contains("no feasible candidate");
        } else {
            assertThat(r.gap()).isEqualTo(best - r.bound()).isGreaterThan(0);
            assertThat(r.message()).contains("gap");
        }
        assertThat(r.message()).contains("not certified up to order 3");
        assertThat(r.orders()).hasSize(3);
    }

    @Test
    void certifiedReportsTheOptimumTheMinimizersAndTheGapToTheBestPoint() {
        PopFile pf = TestProblems.read("six-hump-camel.json");
        PopResult r = new MomentSosSolver(TestProblems.solver()).solve(pf.problem());
        assertThat(r.isCertified()).isTrue();
        assertThat(r.gap()).isEqualTo(r.bestFeasibleObjective() - r.bound());
        assertThat(Math.abs(r.gap())).isLessThan(1e-5);
        assertThat(r.certificate()).isIn(Certificate.FLAT_TRUNCATION, Certificate.BOTH);
        assertThat(r.boundVerified()).isTrue();
        assertThat(r.boundingActive()).isFalse();
        assertThat(r.minimizers()).hasSize(2);
        assertThat(r.bestFeasibleObjective()).isCloseTo(r.bound(), within(1e-5));
        assertThat(r.orders().get(r.orders().size() - 1).order()).isEqualTo(r.order());
        assertThat(r.message()).contains("certified at order " + r.order()).contains("2 minimizers");
    }

    @Test
    void anInfeasibleProblemIsReportedAsFailedWithTheReason() {
        Pop pop = TestProblems.pop("x,y", "x + y", "x^2 + y^2 <= 1", "x >= 2");
        PopResult r = new MomentSosSolver(TestProblems.solver()).solve(pop);
        assertThat(r.status()).isEqualTo(PopStatus.FAILED);
        assertThat(r.bound()).isNaN();
        assertThat(r.minimizers()).isEmpty();
        assertThat(r.message()).contains("infeasible");
        assertThat(r.orders()).isNotEmpty();
    }

    @Test
    void aFirstOrderAboveTheMemoryBudgetIsRefusedBeforeAnythingIsBuiltOrSolved() {
        Pop pop = TestProblems.pop("x,y", "x^2 + y^2");
        int[] solves = {0};
        SdpSolver counting = new SdpSolver() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public String version() {
                return "1";
            }

            @Override
            public SdpSolution solve(SdpProblem problem, SdpOptions options) {
                solves[0]++;
                return TestProblems.solver().solve(problem, options);
            }

            @Override
            public long estimateBytes(SdpShape shape) {
                return 1000 * shape.numVariables();
            }
        };
        // order 1: 5 moments, 5000 "bytes" in this backend's estimate
        assertThatThrownBy(() -> new MomentSosSolver(counting, HierarchyOptions.builder().maxMemoryBytes(4000)
                .build()).solve(pop)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the order-1 relaxation (5 variables; PSD blocks 3)")
                .hasMessageContaining("counting backend").hasMessageContaining("memory budget")
                .hasMessageContaining("even order 1 does not fit").hasMessageContaining("--max-memory");
        assertThat(solves[0]).isZero();
    }
}
