package io.polysos.sdp.scs;

import static org.assertj.core.api.Assertions.assertThat;

import io.polysos.sdp.DimacsErrors;
import io.polysos.sdp.SdpStatus;
import org.junit.jupiter.api.Test;

/** The accuracy gate of {@link ScsSolver}: needs no native SCS. */
class ScsSolverGateTest {

    private static DimacsErrors largest(double e) {
        return new DimacsErrors(e / 10, 0, 0, e, -e / 3, 0);
    }

    @Test
    void callsAnAnswerOptimalOnlyWhenItsDimacsErrorsMeetTheToleranceAskedFor() {
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED, null, largest(9e-5), 1e-4).status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED, null, largest(9e-5), 1e-4).note()).isEmpty();
        ScsSolver.Gate g = ScsSolver.gate(ScsExitFlag.SOLVED, null, largest(3.5e-4), 1e-4);
        assertThat(g.status()).isEqualTo(SdpStatus.INACCURATE_OPTIMAL);
        assertThat(g.note()).isEqualTo("largest DIMACS error 3.5e-04 is above the tolerance 1e-04 asked for");
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED, null, largest(2e-8), 1e-8).status()).isEqualTo(SdpStatus.INACCURATE_OPTIMAL);
    }

    @Test
    void neverCallsAFarOffSolvedAnswerASolution() {
        // SDPLIB hinf2 at SCS's defaults: SCS said "solved" with a largest DIMACS error of 1.4e-2
        ScsSolver.Gate g = ScsSolver.gate(ScsExitFlag.SOLVED, null, largest(1.4e-2), 1e-4);
        assertThat(g.status()).isEqualTo(SdpStatus.NUMERICAL_ERROR);
        assertThat(g.note()).isEqualTo("largest DIMACS error 1.4e-02 is above 1e-03, so the last iterate is not reported"
                + " as a solution (SCS's own residuals met its tolerances; ours did not)");
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED, null, DimacsErrors.unavailable(), 1e-4).status())
                .isEqualTo(SdpStatus.NUMERICAL_ERROR);
    }

    @Test
    void reportsTheLimitAnInaccurateAnswerStoppedAt() {
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED_INACCURATE, "max_iters", largest(5e-4), 1e-4).status())
                .isEqualTo(SdpStatus.INACCURATE_OPTIMAL);
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED_INACCURATE, "max_iters", largest(5e-4), 1e-4).note())
                .endsWith("(stopped at max_iters)");
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED_INACCURATE, "max_iters", largest(2e-2), 1e-4).status())
                .isEqualTo(SdpStatus.ITERATION_LIMIT);
        assertThat(ScsSolver.gate(ScsExitFlag.SOLVED_INACCURATE, "time_limit_secs", largest(2e-2), 1e-4).status())
                .isEqualTo(SdpStatus.TIME_LIMIT);
        ScsSolver.Gate met = ScsSolver.gate(ScsExitFlag.SOLVED_INACCURATE, "max_iters", largest(5e-5), 1e-4);
        assertThat(met.status()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(met.note()).isEqualTo("largest DIMACS error 5.0e-05 meets the tolerance 1e-04");
    }

    @Test
    void keepsCertificatesFailuresAndInterruptionsAsScsReportsThem() {
        DimacsErrors none = DimacsErrors.unavailable();
        assertThat(ScsSolver.gate(ScsExitFlag.INFEASIBLE, null, none, 1e-4).status()).isEqualTo(SdpStatus.INFEASIBLE);
        assertThat(ScsSolver.gate(ScsExitFlag.UNBOUNDED, null, none, 1e-4).status()).isEqualTo(SdpStatus.UNBOUNDED);
        assertThat(ScsSolver.gate(ScsExitFlag.INFEASIBLE_INACCURATE, "time_limit_secs", none, 1e-4).status())
                .isEqualTo(SdpStatus.TIME_LIMIT);
        assertThat(ScsSolver.gate(ScsExitFlag.UNBOUNDED_INACCURATE, "max_iters", none, 1e-4).status())
                .isEqualTo(SdpStatus.ITERATION_LIMIT);
        assertThat(ScsSolver.gate(ScsExitFlag.FAILED, null, none, 1e-4).status()).isEqualTo(SdpStatus.NUMERICAL_ERROR);
        assertThat(ScsSolver.gate(ScsExitFlag.SIGINT, null, none, 1e-4).status()).isEqualTo(SdpStatus.INTERRUPTED);
    }
}
