package io.polysos.sdp.mosek;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpSolverContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The shared backend contract against the real MOSEK ({@link LiveMosek}; skipped when it is absent). */
class MosekSolverContractTest extends SdpSolverContractTest {

    private static SdpSolver solver;

    @BeforeAll
    static void findMosek() {
        solver = LiveMosek.solverOrNull();
    }

    @BeforeEach
    void requireMosek() {
        assumeTrue(solver != null, LiveMosek.skipReason());
    }

    @Override
    protected SdpSolver create() {
        return solver;
    }
}
