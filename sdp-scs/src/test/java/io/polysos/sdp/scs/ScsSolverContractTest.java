package io.polysos.sdp.scs;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverContractTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared backend contract against SCS (skipped without the native library). SCS is a
 * first-order method: the contract asks it for 1e-8 and expects 1e-5, and it logs every
 * few iterations rather than every one.
 */
class ScsSolverContractTest extends SdpSolverContractTest {

    @BeforeEach
    void requireNativeScs() {
        String missing = ScsTestProblems.nativeMissing();
        assumeTrue(missing == null, () -> "skipped: " + missing);
    }

    @Override
    protected SdpSolver create() {
        return new ScsSolverProvider().create();
    }

    @Override
    protected SdpOptions options() {
        return SdpOptions.builder().tolerance(1e-8).build();
    }

    @Override
    protected double accuracy() {
        return 1e-5;
    }

    @Override
    protected boolean logsEveryIteration() {
        return false;
    }
}
