package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class PolynomialLearnerTest {

    @Test
    void certifiesExample34AtOrderTwoAfterAnUnflatOrderOne() {
        NetworkInstance inst = TestData.network("paper-example-3.4.json");
        LearnResult r = PolynomialLearner.learn(inst, LearnOptions.builder().maxOrder(3).build());
        assertThat(r.orders()).hasSize(2);
        assertThat(r.orders().get(0).flat()).isFalse();
        assertThat(r.orders().get(1).flat()).isTrue();
        assertThat(r.status()).isEqualTo(LearnResult.Status.CERTIFIED);
        assertThat(r.order()).isEqualTo(2);
        assertThat(r.coefficients()).containsExactly(new double[] {1, -2, 1, -1}, offset(1e-6));
        assertThat(r.theta()).isCloseTo(0.0, offset(1e-8));
        assertThat(r.ballActive()).isFalse();
    }

    @Test
    void recoversTheNoiselessQuadQuadNetworkExactly() {
        NetworkInstance inst = TestData.network("exact-quadquad-N30-m8.json");
        LearnResult r = PolynomialLearner.learn(inst, LearnOptions.builder().maxOrder(3).build());
        assertThat(r.status()).isEqualTo(LearnResult.Status.CERTIFIED);
        assertThat(Metrics.absErr(inst.truth().coefficients(), r.coefficients())).isLessThanOrEqualTo(1e-6);
    }
}
