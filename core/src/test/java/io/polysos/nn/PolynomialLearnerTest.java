package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.polysos.moment.PopStatus;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolvers;
import org.junit.jupiter.api.Test;

class PolynomialLearnerTest {

    private static final SdpSolver PURE = SdpSolvers.discover().get("pure");

    @Test
    void certifiesExample34AtOrderTwoAfterAnUnflatOrderOne() {
        NetworkInstance inst = TestData.network("paper-example-3.4.json");
        LearnResult r = PolynomialLearner.learn(inst, LearnOptions.builder().maxOrder(3).solver(PURE).build());
        assertThat(r.orders()).hasSize(2);
        assertThat(r.orders().get(0).flatOrder()).isEqualTo(-1);
        assertThat(r.orders().get(1).flatOrder()).isGreaterThanOrEqualTo(1);
        assertThat(r.status()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.order()).isEqualTo(2);
        assertThat(r.flat()).isTrue();
        assertThat(r.coefficients()).containsExactly(new double[] {1, -2, 1, -1}, offset(1e-6));
        assertThat(r.minimizers()).hasSize(1);
        assertThat(r.theta()).isCloseTo(0.0, offset(1e-8));
        assertThat(r.lowerBound()).isCloseTo(0.0, offset(1e-8));
        assertThat(r.gap()).isBetween(-1e-8, 1e-6);
        assertThat(r.ballActive()).isFalse();
        assertThat(r.timings().toMap()).containsKeys("compile", "build", "solve", "extract", "total");
    }

    @Test
    void recoversTheNoiselessQuadQuadNetworkExactly() {
        NetworkInstance inst = TestData.network("exact-quadquad-N30-m8.json");
        LearnResult r = PolynomialLearner.learn(inst, LearnOptions.builder().maxOrder(3).solver(PURE).build());
        assertThat(r.status()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(Metrics.absErr(inst.truth().coefficients(), r.coefficients())).isLessThanOrEqualTo(1e-6);
        assertThat(r.upperBound()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void reportsTheFirstOrderMomentsAsEstimateWhenOrderOneIsNotFlat() {
        NetworkInstance inst = TestData.network("paper-example-3.4.json");
        LearnResult r = PolynomialLearner.learn(inst, LearnOptions.builder().order(1).refine(false).solver(PURE).build());
        assertThat(r.status()).isEqualTo(PopStatus.BOUND_ONLY);
        assertThat(r.flat()).isFalse();
        assertThat(r.minimizers()).isEmpty();
        assertThat(r.coefficients()).containsExactly(r.momentEstimate(), offset(0.0));
        assertThat(r.upperBound()).isGreaterThanOrEqualTo(r.lowerBound());
        assertThat(r.refined()).isNull();
    }

    @Test
    void certifiesByGapANoiselessInstanceWhoseFlatTruncationFails() {
        // a generated noiseless instance; the strict rank tolerance counts the interior-point solution's
        // tiny eigenvalues, so flat truncation fails, while the refined coefficients' true loss meets the
        // verified lower bound: the gap alone proves them optimal (within the ball)
        NetworkInstance inst = SyntheticGenerator.generate("noiseless", new int[] {8, 8, 8, 8},
                java.util.List.of(Activation.fixed(2, 1.0), Activation.free(2)), 30, 0.0, 3);
        LearnResult r = PolynomialLearner.learn(inst, LearnOptions.builder().order(3).solver(PURE)
                .rankStrategy(io.polysos.moment.RankStrategy.relative(1e-15)).build());
        assertThat(r.flat()).as(r.message()).isFalse();
        assertThat(r.status()).as(r.message()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.certificate()).isEqualTo(io.polysos.moment.Certificate.GAP);
        assertThat(r.boundVerified()).isTrue();
        assertThat(r.gap()).isLessThanOrEqualTo(HIERARCHY_GAP * (1 + r.upperBound()));
        assertThat(r.minimizers()).hasSize(1);
        assertThat(r.coefficients()).isEqualTo(r.minimizers().get(0));
        assertThat(Metrics.absErr(inst.truth().coefficients(), r.coefficients())).isLessThanOrEqualTo(1e-3);
        assertThat(r.message()).contains("certified").contains("gap");
    }

    private static final double HIERARCHY_GAP = io.polysos.moment.HierarchyOptions.DEFAULT_GAP_TOLERANCE;

    @Test
    void certifiesExample34WithAVerifiedBound() {
        LearnResult r = PolynomialLearner.learn(TestData.network("paper-example-3.4.json"),
                LearnOptions.builder().maxOrder(3).solver(PURE).build());
        assertThat(r.status()).isEqualTo(PopStatus.CERTIFIED);
        assertThat(r.boundVerified()).isTrue();
        assertThat(r.certificate()).isIn(io.polysos.moment.Certificate.FLAT_TRUNCATION,
                io.polysos.moment.Certificate.BOTH);
        assertThat(r.lowerBound()).isLessThanOrEqualTo(0.0 + 1e-12).isCloseTo(r.lowerBoundNumeric(), offset(1e-10));
    }

    /** Pure's solver with an estimate of 1000 bytes per moment: orders 1 and 2 of Example 3.4 have 20 and 125. */
    private static final SdpSolver THOUSAND_PER_MOMENT = new SdpSolver() {
        @Override
        public String name() {
            return "pure";
        }

        @Override
        public String version() {
            return PURE.version();
        }

        @Override
        public io.polysos.sdp.SdpSolution solve(io.polysos.sdp.SdpProblem p, io.polysos.sdp.SdpOptions o) {
            return PURE.solve(p, o);
        }

        @Override
        public long estimateBytes(io.polysos.sdp.SdpShape shape) {
            return 1000 * shape.numVariables();
        }
    };

    @Test
    void anOrderAboveTheMemoryBudgetIsNotRunAndTheResultSaysWhy() {
        LearnResult r = PolynomialLearner.learn(TestData.network("paper-example-3.4.json"),
                LearnOptions.builder().maxOrder(3).maxMemoryBytes(50_000).solver(THOUSAND_PER_MOMENT).build());
        assertThat(r.orders()).hasSize(1);
        assertThat(r.status()).isEqualTo(PopStatus.BOUND_ONLY);
        assertThat(r.note()).startsWith("orders above 1 were not run: the order-2 relaxation (125 variables;")
                .contains("more than the 0 MiB memory budget").contains("order 1 needs about 0 MiB");
    }

    @Test
    void aFirstOrderAboveTheMemoryBudgetIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolynomialLearner.learn(
                TestData.network("paper-example-3.4.json"), LearnOptions.builder().order(2).maxMemoryBytes(50_000)
                        .solver(THOUSAND_PER_MOMENT).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the order-2 relaxation (125 variables; PSD blocks 21, ")
                .hasMessageContaining("order 1 needs about");
    }
}
