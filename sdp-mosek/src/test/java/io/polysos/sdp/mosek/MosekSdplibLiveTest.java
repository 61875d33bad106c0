package io.polysos.sdp.mosek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polysos.sdp.SdpOptions;
import io.polysos.sdp.SdpProblem;
import io.polysos.sdp.SdpSolution;
import io.polysos.sdp.SdpSolver;
import io.polysos.sdp.SdpStatus;
import io.polysos.sdp.SdpaFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SDPLIB conformance with the real MOSEK ({@link LiveMosek}: runs only when mosek.jar and a
 * licence are found; skipped otherwise, with the reason).
 */
class MosekSdplibLiveTest {

    private static SdpSolver solver;

    @BeforeAll
    static void findMosek() {
        solver = LiveMosek.solverOrNull();
    }

    @BeforeEach
    void requireMosek() {
        assumeTrue(solver != null, LiveMosek.skipReason());
    }

    private static SdpProblem read(String name) throws Exception {
        Path dir = Path.of(System.getProperty("polysos.data", "../shared/data"), "sdplib");
        Path file = dir.resolve(name + ".dat-s");
        assumeTrue(Files.isRegularFile(file), "SDPLIB data not found at " + file);
        return SdpaFormat.read(file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "arch0, 5.6651727e-01", "control1, 1.7784627e+01", "control2, 8.3000000e+00", "gpp100, -4.4943550e+01",
        "mcp100, 2.2615735e+02", "mcp124-1, 1.4199048e+02", "qap5, -4.3600000e+02", "theta1, 2.3000000e+01",
        "truss1, -8.9999963e+00", "truss3, -9.1099962e+00", "truss4, -9.0099963e+00"})
    void solvesSdplibProblemToTheReferenceValue(String name, double reference) throws Exception {
        SdpSolution s = solver.solve(read(name), SdpOptions.builder().tolerance(1e-9).build());

        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.OPTIMAL);
        assertThat(Math.abs(s.primalObjective() - reference) / Math.abs(reference)).as("relative error of c.y")
                .isLessThanOrEqualTo(1e-6);
        assertThat(s.dimacs().max()).as("largest DIMACS error").isLessThan(1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"hinf1, 2.0326e+00", "hinf2, 1.0967e+01"})
    void solvesIllConditionedHinfToItsPublishedDigits(String name, double published) throws Exception {
        SdpSolution s = solver.solve(read(name), SdpOptions.DEFAULTS);

        assertThat(s.status().hasSolution()).as(s.message()).isTrue();
        assertThat(Math.abs(s.primalObjective() - published) / Math.abs(published)).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void reportsInfp1Infeasible() throws Exception {
        SdpProblem p = read("infp1");

        SdpSolution s = solver.solve(p, SdpOptions.DEFAULTS);

        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.INFEASIBLE);
        assertThat(p.dualObjectiveValue(s.dualBlocks())).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void reportsInfd1Unbounded() throws Exception {
        SdpProblem p = read("infd1");

        SdpSolution s = solver.solve(p, SdpOptions.DEFAULTS);

        assertThat(s.status()).as(s.message()).isEqualTo(SdpStatus.UNBOUNDED);
        assertThat(p.objectiveValue(s.y())).isEqualTo(-1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
}
