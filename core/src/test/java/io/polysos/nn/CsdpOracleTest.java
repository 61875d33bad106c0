package io.polysos.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsdpOracleTest {

    @Test
    void swapsCsdpsPrimalAndDualIntoThisProjectsConvention() {
        String out = "Success: SDP solved\nPrimal objective value: 1.2500000e+00 \nDual objective value: 1.2500002e+00 \n";
        CsdpOracle.Result r = CsdpOracle.parse(0, out, 0.1);
        assertThat(r.primalObjective()).isEqualTo(1.2500002);
        assertThat(r.dualObjective()).isEqualTo(1.25);
        assertThat(r.solved()).isTrue();
    }

    @Test
    void reportsMissingValuesAsNaN() {
        CsdpOracle.Result r = CsdpOracle.parse(1, "Declared primal infeasible\n", 0.1);
        assertThat(r.primalObjective()).isNaN();
        assertThat(r.solved()).isFalse();
    }
}
